/// <reference lib="webworker" />
/**
 * The service worker: precaches every file of the static export (the list is injected at
 * build time from out/, so nothing can be forgotten) and answers from the cache first, so the
 * app opens and studies with no network at all. A new version waits until the learner
 * chooses "Reload"; Serwist then deletes the previous version's stale entries on activation.
 */
import { type PrecacheEntry, Serwist } from 'serwist';

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    // /study/?deck=x is the same page as /study/: the query is read in the browser.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    // Any other navigation offline gets the app shell rather than the browser's error page.
    navigateFallback: '/index.html',
  },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  disableDevLogs: true,
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/**
 * Next's Turbopack starts web workers (the backup tool) through a small bootstrap script that
 * reads its configuration from its own URL (`#params=…`). A response taken from the cache
 * carries the cached URL, without those parameters, and the worker would fail. A response
 * built here carries no URL, so the worker keeps the URL it asked for.
 */
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin || !url.pathname.includes('/turbopack-worker')) return;
  event.stopImmediatePropagation();
  event.respondWith(
    (async () => {
      const cached = await serwist.matchPrecache(url.pathname);
      if (!cached) return fetch(event.request);
      return new Response(await cached.blob(), { status: cached.status, statusText: cached.statusText, headers: cached.headers });
    })(),
  );
});

serwist.addEventListeners();
