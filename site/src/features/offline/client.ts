import { Workbox } from 'workbox-window';

// Runs on every page (a plain module script, no framework): the stale-data banner and the
// service worker with its update prompt.

function staleBanner(): void {
  const banner = document.getElementById('stale-banner');
  if (banner === null) return;
  const show = (): void => {
    banner.hidden = navigator.onLine;
  };
  show();
  window.addEventListener('online', show);
  window.addEventListener('offline', show);
}

function serviceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const workbox = new Workbox('/sw.js', { scope: '/' });
  const prompt = document.getElementById('update-prompt');
  const accept = document.getElementById('update-accept');
  // A new worker waits; it takes over (and the page reloads) only once the buyer accepts.
  workbox.addEventListener('waiting', () => {
    if (prompt === null || accept === null) return;
    prompt.hidden = false;
    accept.addEventListener(
      'click',
      () => {
        workbox.addEventListener('controlling', () => window.location.reload());
        workbox.messageSkipWaiting();
      },
      { once: true },
    );
  });
  void workbox.register();
}

staleBanner();
serviceWorker();
