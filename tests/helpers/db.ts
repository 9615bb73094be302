import { readAllCards } from '@/lib/db/card-store';
import { openStudyDb, type StudyDb } from '@/lib/db/database';
import type { ReviewEntry, StudyCard } from '@/lib/model';

let counter = 0;

/** A fresh database per test, in fake-indexeddb (unit tests only; e2e tests use real Chromium). */
export function freshDb(): StudyDb {
  counter += 1;
  return openStudyDb(`test-${process.pid}-${counter}`);
}

/**
 * Everything stored, table by table in key order, for before/after comparisons: every table,
 * whatever its layout, so a write that should not have happened shows up wherever it went.
 */
export async function dumpDb(db: StudyDb): Promise<{ cards: StudyCard[]; reviews: ReviewEntry[]; tables: Record<string, unknown[]> }> {
  const tables = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const));
  return {
    // The cards and answer rows as the app reads them, for tests that compare them.
    cards: (await readAllCards(db)).sort((a, b) => (a.id < b.id ? -1 : 1)),
    reviews: await db.reviews.orderBy('id').toArray(),
    tables: Object.fromEntries(tables.sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
