/// <reference lib="webworker" />
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { offlinePageKeysFor, precacheKeysFor } from './offline-routing.js';
import { indexedDbQueue } from '../wishlist/wishlist-db.js';
import { WISHLIST_SYNC_TAG, replayQueue } from '../wishlist/wishlist-queue.js';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<string | { url: string; revision: string | null }>;
};
// Background Sync is not in TypeScript's worker library (a WICG draft, Chromium only).
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

const pages = new NetworkFirst({
  cacheName: 'pages',
  networkTimeoutSeconds: 4,
  plugins: [new ExpirationPlugin({ maxEntries: 200 })],
});

// Navigations go to the network first (fresh catalog, real 404s online); offline they fall back
// to the page seen before, then to the precached copy, then to the offline page. Registered
// before the precache route so a precached page is never served stale while online.
registerRoute(
  new NavigationRoute(
    async (options) => {
      try {
        return await pages.handle(options);
      } catch {
        const url = new URL(options.request.url);
        for (const key of [...precacheKeysFor(url.pathname), ...offlinePageKeysFor(url.pathname)]) {
          const cached = await matchPrecache(key);
          if (cached !== undefined) return cached;
        }
        return Response.error();
      }
    },
    {
      // API navigations (a download link opened in the tab) are files and one-time credentials:
      // never stored in the pages cache, never answered from it.
      denylist: [/^\/v1\//],
    },
  ),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Media names change with their content, so a cached copy never goes stale. An HLS preview is
// about seven files (playlist, init segment, 6 s segments), hence room for a few hundred.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/media/'),
  new CacheFirst({ cacheName: 'media', plugins: [new ExpirationPlugin({ maxEntries: 300 })] }),
);

// Only the default locale's search index and catalog items are precached; another locale's are
// kept once the buyer searched or filtered in it, so both keep working offline there too.
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.endsWith('/search-index.json'),
  new NetworkFirst({
    cacheName: 'search-indexes',
    networkTimeoutSeconds: 4,
    plugins: [new ExpirationPlugin({ maxEntries: 4 })],
  }),
);
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.endsWith('/catalog/items.json'),
  new NetworkFirst({
    cacheName: 'catalog-items',
    networkTimeoutSeconds: 4,
    plugins: [new ExpirationPlugin({ maxEntries: 4 })],
  }),
);

// The new worker waits until the buyer accepts the update prompt; only then does it take over
// the open pages. A first install claims nothing: those pages were loaded without it.
let accepted = false;
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') {
    accepted = true;
    void self.skipWaiting();
  }
});
self.addEventListener('activate', (event: ExtendableEvent) => {
  if (accepted) event.waitUntil(self.clients.claim());
});

// Wishlist changes made offline wait in IndexedDB (the same queue the page writes); the browser
// fires this when it is back online. Rejecting asks it to try again later, which is only worth
// it when something may still go through (network or server trouble, not a revoked token).
self.addEventListener('sync', ((event: SyncEvent) => {
  if (event.tag !== WISHLIST_SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      const result = await replayQueue(
        indexedDbQueue(self.indexedDB),
        (url, init) => fetch(url, init),
        (message) => console.warn(message),
      );
      if (result.retry > 0) throw new Error(`${result.retry} wishlist changes still to send`);
    })(),
  );
}) as EventListener);
