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

serwist.addEventListeners();
