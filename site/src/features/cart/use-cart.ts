import { useStoredState } from '../../lib/use-stored-state';
import { browserCart, cartKey, type CartLine, type CartStore } from './cart-store';

const NO_LINES: CartLine[] = [];

/** The tenant's cart lines and store, re-rendering on change; empty during server rendering. */
export function useCart(tenant: string): { lines: CartLine[]; store: CartStore | undefined; ready: boolean } {
  const { value, store } = useStoredState(() => browserCart(tenant), NO_LINES, cartKey(tenant));
  return { lines: value, store, ready: store !== undefined };
}
