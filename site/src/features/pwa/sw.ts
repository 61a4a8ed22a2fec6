/// <reference lib="webworker" />
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { OFFLINE_PAGE_KEYS, precacheKeysFor } from './offline-routing.js';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<string | { url: string; revision: string | null }> };

const pages = new NetworkFirst({
  cacheName: 'pages',
  networkTimeoutSeconds: 4,
  plugins: [new ExpirationPlugin({ maxEntries: 200 })],
});

// Navigations go to the network first (fresh catalog, real 404s online); offline they fall back
// to the page seen before, then to the precached copy, then to the offline page. Registered
// before the precache route so a precached page is never served stale while online.
registerRoute(
  new NavigationRoute(async (options) => {
    try {
      return await pages.handle(options);
    } catch {
      const url = new URL(options.request.url);
      for (const key of [...precacheKeysFor(url.pathname), ...OFFLINE_PAGE_KEYS]) {
        const cached = await matchPrecache(key);
        if (cached !== undefined) return cached;
      }
      return Response.error();
    }
  }),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith('/media/'),
  new CacheFirst({ cacheName: 'media', plugins: [new ExpirationPlugin({ maxEntries: 60 })] }),
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
