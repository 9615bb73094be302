/**
 * What sync remembers between runs, in one `meta` row: the server, this device's id, how far it has
 * read, and the last run's result. Kept apart from the merge (sync-store.ts) so the pages that show
 * the status load none of the merge's code.
 */
import type { SyncConfig } from '../sync/server-address';
import type { StudyDb } from './schema';
import { withStorageErrors } from './errors';

/** What sync remembers between runs, in one `meta` row (never in a backup: it holds the password). */
export interface SyncRecord {
  config: SyncConfig | null;
  /** This browser's device id, made when sync is first set up. */
  device: string;
  /**
   * The revision of each other device's document that was merged (a document whose answers wait
   * for their cards is left out, so it is read again). A run reads what differs from this.
   */
  appliedRevs: Record<string, string>;
  /** Answers per study day in the replica's documents (undone ones left out), after the last run. */
  dayCounts: Record<string, number>;
  /** When this device last sent its documents (its undos after this go out next time). */
  lastSentAt: number;
  /** The fingerprint of each bucket's synced cards at the last send (bucketFingerprints). */
  cardBuckets?: Record<string, string>;
  lastSyncedAt: number | null;
  /** The last run's problem, in words; null after a run that went through. */
  lastError: string | null;
  /** Documents the last runs skipped, with the reason (a few, for the status line). */
  skipped: { id: string; reason: string }[];
  /** When "Sync automatically" is on. */
  auto: boolean;
  /** Documents were written to the replica and may not have reached the server yet (the run that wrote them did not end). */
  pushPending?: boolean;
}

const KEY = 'sync';

export function newSyncRecord(device: string): SyncRecord {
  return { config: null, device, appliedRevs: {}, dayCounts: {}, lastSentAt: 0, lastSyncedAt: null, lastError: null, skipped: [], auto: true };
}

export async function loadSyncRecord(db: StudyDb): Promise<SyncRecord | null> {
  const row = await db.meta.get(KEY);
  return row ? (JSON.parse(row.value) as SyncRecord) : null;
}

export function saveSyncRecord(db: StudyDb, record: SyncRecord): Promise<void> {
  return withStorageErrors(async () => {
    await db.meta.put({ key: KEY, value: JSON.stringify(record) });
  });
}

/** Saves the learner's checked set-up; the device gets its id the first time. */
export function setUpSync(db: StudyDb, config: SyncConfig, makeId: () => string = () => crypto.randomUUID()): Promise<SyncRecord> {
  return withStorageErrors(() =>
    db.transaction('rw', db.meta, async () => {
      const old = await loadSyncRecord(db);
      const same = old?.config && old.config.server === config.server && old.config.database === config.database;
      // Another server or database starts afresh: nothing read from the old one counts there.
      const record: SyncRecord = old && same ? { ...old, config, lastError: null } : { ...newSyncRecord(old?.device ?? makeId()), auto: old?.auto ?? true, config };
      await db.meta.put({ key: KEY, value: JSON.stringify(record) });
      return record;
    }),
  );
}

/** Turns "Sync automatically" on or off. */
export function setAutoSync(db: StudyDb, auto: boolean): Promise<void> {
  return withStorageErrors(() =>
    db.transaction('rw', db.meta, async () => {
      const record = await loadSyncRecord(db);
      if (record) await db.meta.put({ key: KEY, value: JSON.stringify({ ...record, auto }) });
    }),
  );
}

/**
 * How many answers given (or brought in) here are not in the server's documents yet, as far as
 * the last sync saw them: the status line's "waiting to be sent".
 */
export async function countUnsentAnswers(db: StudyDb, record: SyncRecord): Promise<number> {
  let n = 0;
  await db.dayTotals.each((t) => {
    n += Math.max(0, t.reviews - (record.dayCounts[t.day] ?? 0));
  });
  return n;
}

/** Stop syncing: the server and its password are forgotten; everything studied stays on this device. */
export function forgetSync(db: StudyDb): Promise<void> {
  return withStorageErrors(async () => {
    await db.meta.delete(KEY);
  });
}
