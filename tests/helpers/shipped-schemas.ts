import Dexie from 'dexie';

/**
 * The database schema exactly as each version shipped, frozen here rather than imported from
 * lib/db/database.ts, so upgrade tests start from what real browsers hold.
 */
export const SHIPPED: Record<number, Record<string, string | null>> = {
  1: {
    decks: 'id',
    cards: 'id, deckId, queue, [deckId+queue+rank], [queue+rank], *tags',
    reviews: 'id, cardId, day, reviewedAt, [deckId+day]',
    settings: 'id',
    meta: 'key',
  },
  2: { dayTotals: 'day' },
  3: { packedReviews: 'day' },
  4: { cardDigest: 'bucket' },
  5: { cards: 'id, [deckId+queue+rank], [queue+rank]' },
  6: { practiceAttempts: 'id, status, finishedAt' },
  7: { cardRevisions: 'id, cardId', media: 'name' },
  8: { cards: 'id, [deckId+queue+rank]' },
  9: { cardPacks: 'pack, *queueKeys', cards: null },
};

/** Opens (without upgrade functions) the database as version `upTo` of the app left it. */
export function openShippedSchema(name: string, upTo: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9): Dexie {
  const db = new Dexie(name);
  for (let v = 1; v <= upTo; v += 1) db.version(v).stores(SHIPPED[v]!);
  return db;
}
