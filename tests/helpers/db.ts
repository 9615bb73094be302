import { openStudyDb, type StudyDb } from '@/lib/db/database';

let counter = 0;

/** A fresh database per test, in fake-indexeddb (unit tests only; e2e tests use real Chromium). */
export function freshDb(): StudyDb {
  counter += 1;
  return openStudyDb(`test-${process.pid}-${counter}`);
}

/** Everything stored, in a stable order, for before/after comparisons. */
export async function dumpDb(db: StudyDb) {
  return {
    decks: await db.decks.orderBy('id').toArray(),
    cards: await db.cards.orderBy('id').toArray(),
    reviews: await db.reviews.orderBy('id').toArray(),
    settings: await db.settings.toArray(),
    meta: await db.meta.orderBy('key').toArray(),
  };
}
