'use client';

import { lazy, Suspense } from 'react';
import { useSyncSetUp } from '@/lib/db/sync-hooks';
import { useStudyDb } from '../app-shell/storage-provider';

// Loaded once sync is set up: a learner who never sets it up never downloads the runner or the worker.
const SyncRunner = lazy(() => import('./sync-runner'));

/** Mounted on every page: starts the sync runner when, and only when, sync is set up. */
export function SyncAgent() {
  const db = useStudyDb();
  const setUp = useSyncSetUp(db);
  if (!db || !setUp) return null;
  return (
    <Suspense fallback={null}>
      <SyncRunner db={db} auto={setUp.auto} />
    </Suspense>
  );
}
