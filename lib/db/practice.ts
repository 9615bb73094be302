/**
 * The practice log in storage: one row per attempt (lib/practice/attempt.ts), kept as it goes
 * and finished in one write. Practice never writes a card or an answer: FSRS schedules stay as
 * they are. The durable sequence around these writes is in practice-service.ts.
 */
import type { Attempt } from '../practice/attempt';
import { withStorageErrors } from './errors';
import type { StudyDb } from './schema';

export type StoreOutcome = 'stored' | 'kept-newer' | 'already-finished';

/**
 * Stores a state of an attempt in one transaction. A finished attempt is never changed again,
 * and an older state (a second tab, a late replay) never replaces a newer one.
 */
export function storeAttempt(db: StudyDb, a: Attempt): Promise<StoreOutcome> {
  return withStorageErrors(() =>
    db.transaction('rw', db.practiceAttempts, async () => {
      const stored = await db.practiceAttempts.get(a.id);
      if (stored?.status === 'finished') return 'already-finished';
      if (stored && stored.updatedAt > a.updatedAt) return 'kept-newer';
      await db.practiceAttempts.put(a);
      return 'stored';
    }),
  );
}

export function loadAttempt(db: StudyDb, id: string): Promise<Attempt | undefined> {
  return withStorageErrors(() => db.practiceAttempts.get(id));
}

/** Attempts in progress, newest first (to resume). */
export async function loadActiveAttempts(db: StudyDb): Promise<Attempt[]> {
  const rows = await withStorageErrors(() => db.practiceAttempts.where('status').equals('active').toArray());
  return rows.sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Finished attempts, oldest first. */
export function loadFinishedAttempts(db: StudyDb): Promise<Attempt[]> {
  return withStorageErrors(() => db.practiceAttempts.where('status').equals('finished').sortBy('finishedAt'));
}

