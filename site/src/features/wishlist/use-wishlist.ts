import { useEffect, useState } from 'react';
import { browserSession } from '../account/session-store';
import type { WishlistItem } from './wishlist-queue';
import { browserWishlist, type BrowserWishlist } from './wishlist-sync';

/** What the wishlist islands render from. */
export interface WishlistState {
  /** False during server rendering and until the session was read. */
  ready: boolean;
  /** The signed-in buyer's wishlist; undefined when signed out. */
  wishlist: BrowserWishlist | undefined;
  items: WishlistItem[];
}

/** The signed-in buyer's wishlist in `tenant`, re-rendering on every change and on sign-in or out. */
export function useWishlist(tenant: string): WishlistState {
  const [state, setState] = useState<WishlistState>({ ready: false, wishlist: undefined, items: [] });
  useEffect(() => {
    const session = browserSession(tenant);
    let unsubscribe = (): void => {};
    const follow = (): void => {
      unsubscribe();
      const wishlist = browserWishlist(tenant, session);
      setState({ ready: true, wishlist, items: wishlist?.store.snapshot ?? [] });
      unsubscribe =
        wishlist === undefined
          ? () => {}
          : wishlist.store.subscribe((items) => setState({ ready: true, wishlist, items }));
    };
    follow();
    const stopSession = session.subscribe(follow);
    return () => {
      stopSession();
      unsubscribe();
    };
  }, [tenant]);
  return state;
}
