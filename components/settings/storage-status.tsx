'use client';

import { useEffect, useState } from 'react';
import { InstallHint } from '../app-shell/install-app';

interface StorageFacts {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function size(bytes: number | null): string {
  if (bytes === null) return 'unknown';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
}

/** Whether the browser may evict the data, and how much room it has. */
export function StorageStatus() {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    const storage = navigator.storage;
    Promise.all([storage?.persisted?.() ?? Promise.resolve(null), storage?.estimate?.() ?? Promise.resolve(null)])
      .then(([persisted, estimate]) => setFacts({ persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null }))
      .catch(() => setFacts({ persisted: null, usage: null, quota: null }));
  }, []);
  return (
    <section aria-labelledby="storage-heading" className="card-surface mt-8 space-y-2 p-5">
      <h2 id="storage-heading" className="text-xl font-semibold">This device</h2>
      {!facts ? (
        <p role="status">Checking storage…</p>
      ) : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1" data-testid="storage-status">
          <dt className="font-medium">Storage</dt>
          <dd data-testid="storage-persisted">
            {facts.persisted === null
              ? 'This browser does not say whether it may clear the data.'
              : facts.persisted
                ? 'Persistent: the browser will not clear your progress to free space.'
                : 'Not persistent: the browser may clear it under storage pressure. Export a backup now and then, or install the app.'}
          </dd>
          <dt className="font-medium">Used</dt>
          <dd data-testid="storage-used">{size(facts.usage)}</dd>
          <dt className="font-medium">Available</dt>
          <dd data-testid="storage-available">{facts.quota === null || facts.usage === null ? 'unknown' : size(facts.quota - facts.usage)}</dd>
        </dl>
      )}
      <h3 className="pt-2 font-semibold">Install</h3>
      <InstallHint />
    </section>
  );
}
