'use client';

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { appDb, startStorage } from '@/lib/db/client';
import type { StudyDb } from '@/lib/db/database';

type StorageStatus =
  | { kind: 'opening' }
  | { kind: 'ready'; db: StudyDb; notice: string | null }
  | { kind: 'outdated' }
  | { kind: 'failed'; message: string };

const StorageContext = createContext<StorageStatus>({ kind: 'opening' });

/** Opens the database once for the whole app and explains, by name, when it cannot. */
export function StorageProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<StorageStatus>({ kind: 'opening' });

  useEffect(() => {
    const db = appDb();
    // Another tab is upgrading the schema: step aside so it can, and ask for a reload
    // rather than keep writing with code that targets the old schema.
    db.on('versionchange', () => {
      db.close();
      setStatus({ kind: 'outdated' });
      return false;
    });
    startStorage(db, Date.now())
      .then((started) => setStatus({ kind: 'ready', db, notice: started.decksNotice }))
      .catch((e: unknown) => setStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }));
  }, []);

  if (status.kind === 'outdated') {
    return (
      <div role="alert" className="mx-auto mt-10 max-w-xl rounded-lg border border-amber-500 p-6">
        <h2 className="text-lg font-semibold">The app was updated in another tab</h2>
        <p className="mt-2">This tab stopped using your data so the update could finish. Reload to continue with the new version.</p>
        <button type="button" className="btn btn-primary mt-4" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (status.kind === 'failed') {
    return (
      <div role="alert" className="mx-auto mt-10 max-w-xl rounded-lg border border-red-600 p-6">
        <h2 className="text-lg font-semibold">Your study data could not be opened</h2>
        <p className="mt-2">{status.message}</p>
        <p className="mt-2 text-sm">Private browsing windows and some browser settings block offline storage.</p>
      </div>
    );
  }
  return (
    <StorageContext.Provider value={status}>
      {status.kind === 'ready' && status.notice && (
        <p role="status" className="mb-4 rounded-lg border border-amber-500 p-3 text-sm" data-testid="decks-notice">
          {status.notice}
        </p>
      )}
      {children}
    </StorageContext.Provider>
  );
}

/** The open database, or null while it is still opening. */
export function useStudyDb(): StudyDb | null {
  const status = useContext(StorageContext);
  return status.kind === 'ready' ? status.db : null;
}
