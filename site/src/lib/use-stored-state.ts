import { useEffect, useState } from 'react';
import type { StoredState } from './stored-state';

/**
 * The value of the page's shared store that `open` returns, re-rendering on every change; `empty`
 * and no store during server rendering and the first render, so hydration matches the HTML.
 */
export function useStoredState<T, Store extends StoredState<T>>(
  open: () => Store,
  empty: T,
  key: string,
): { value: T; store: Store | undefined } {
  const [store, setStore] = useState<Store>();
  const [value, setValue] = useState<T>(empty);
  useEffect(() => {
    const shared = open();
    setStore(shared);
    setValue(shared.snapshot);
    return shared.subscribe(setValue);
    // `key` names the store; `open` is a new closure on every render, so it is not a dependency.
  }, [key]);
  return { value, store };
}
