'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * Registers the service worker and offers a waiting new version. The new version only takes
 * over when the learner chooses "Reload", never in the middle of a study session.
 */
export function ServiceWorkerUpdates() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null);
  const asked = useRef(false);

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const sw = navigator.serviceWorker;
    const onControllerChange = () => {
      if (asked.current) window.location.reload();
    };
    sw.addEventListener('controllerchange', onControllerChange);
    let registration: ServiceWorkerRegistration | null = null;
    const offerWhenInstalled = (worker: ServiceWorker) => {
      const check = () => {
        // With no controller this is the first install, not an update.
        if (worker.state === 'installed' && sw.controller) setWaiting(worker);
      };
      check();
      worker.addEventListener('statechange', check);
    };
    const lookForUpdate = () => {
      if (document.visibilityState === 'visible') registration?.update().catch(() => undefined);
    };
    sw.register('/sw.js', { scope: '/' })
      .then((reg) => {
        registration = reg;
        if (reg.waiting) offerWhenInstalled(reg.waiting);
        if (reg.installing) offerWhenInstalled(reg.installing);
        reg.addEventListener('updatefound', () => {
          if (reg.installing) offerWhenInstalled(reg.installing);
        });
      })
      .catch(() => undefined);
    document.addEventListener('visibilitychange', lookForUpdate);
    return () => {
      sw.removeEventListener('controllerchange', onControllerChange);
      document.removeEventListener('visibilitychange', lookForUpdate);
    };
  }, []);

  if (!waiting) return null;
  return (
    <div role="status" className="no-print border-b border-indigo-300 bg-indigo-50 dark:border-indigo-700 dark:bg-indigo-950">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-3 px-4 py-2">
        <p className="flex-1">A new version is ready. Your progress is kept.</p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            asked.current = true;
            waiting.postMessage({ type: 'SKIP_WAITING' });
          }}
        >
          Reload
        </button>
      </div>
    </div>
  );
}
