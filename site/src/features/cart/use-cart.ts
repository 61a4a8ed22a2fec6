import { useEffect, useState } from 'react';
import { browserCart, type CartLine, type CartStore } from './cart-store';

/** The tenant's cart lines and store, re-rendering on change; empty during server rendering. */
export function useCart(tenant: string): { lines: CartLine[]; store: CartStore | undefined; ready: boolean } {
  const [store, setStore] = useState<CartStore>();
  const [lines, setLines] = useState<CartLine[]>([]);
  useEffect(() => {
    const shared = browserCart(tenant);
    setStore(shared);
    setLines(shared.snapshot);
    return shared.subscribe(setLines);
  }, [tenant]);
  return { lines, store, ready: store !== undefined };
}
