'use client';
/**
 * What the sync screens read live, and the one signal automatic sync listens to: a write to the
 * study data, in this tab, another tab or a worker.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudyDb } from './schema';
import { countUnsentAnswers, loadSyncRecord, type SyncRecord } from './sync-record';

/** The sync record (undefined while loading, null when sync is not set up). */
export function useSyncRecord(db: StudyDb | null): SyncRecord | null | undefined {
  return useLiveQuery(async () => (db ? loadSyncRecord(db) : undefined), [db]);
}

/** Whether sync is set up, and with "Sync automatically" on: all the app's pages need to know. */
export function useSyncSetUp(db: StudyDb | null): { auto: boolean } | null | undefined {
  const key = useLiveQuery(async () => {
    const r = db ? await loadSyncRecord(db) : null;
    return r?.config ? (r.auto ? 'auto' : 'manual') : 'off';
  }, [db]);
  return key === undefined ? undefined : key === 'off' ? null : { auto: key === 'auto' };
}

/** Answers waiting to be sent. */
export function useUnsentAnswers(db: StudyDb | null, record: SyncRecord | null | undefined): number | undefined {
  return useLiveQuery(async () => (db && record ? countUnsentAnswers(db, record) : undefined), [db, record]);
}

/**
 * Calls `onChange` after every committed write to the study data, wherever it ran; writes that
 * touch only the `meta` table (sync's own bookkeeping) are left out, so a sync does not start another.
 * Returns the function that stops listening.
 */
export function onStudyDataChange(db: StudyDb, onChange: () => void): () => void {
  const prefix = `idb://${db.name}/`;
  const listener = (parts: Record<string, unknown>) => {
    for (const key of Object.keys(parts)) {
      if (!key.startsWith(prefix)) continue;
      const table = key.slice(prefix.length).split('/')[0];
      if (table && table !== 'meta') return onChange();
    }
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on('storagemutated').unsubscribe(listener);
}
