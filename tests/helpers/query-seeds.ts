/** Small card collections for the queue and home-page tests. */
import { CardState } from '@/lib/model';
import { DAY, HOUR, T0, makeCard } from './cards';
import { freshDb } from './db';
import { addCards } from '@/lib/db/card-store';

/** Two built-in decks: new, due, learning and suspended cards, under limits of two a day. */
export async function seed() {
  const db = freshDb();
  await db.decks.bulkAdd([
    { id: 'deck-a', name: 'A', description: '', builtin: true },
    { id: 'deck-b', name: 'B', description: '', builtin: true },
  ]);
  await addCards(db, [
    makeCard({ id: 'new-a1', order: 1 }),
    makeCard({ id: 'new-a2', order: 2 }),
    makeCard({ id: 'new-a3', order: 3 }),
    makeCard({ id: 'new-b1', order: 0, deckId: 'deck-b' }),
    makeCard({ id: 'rev-a1', state: CardState.Review, due: T0 - DAY, lastReview: T0 - 5 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'rev-a2', state: CardState.Review, due: T0 - 2 * DAY, lastReview: T0 - 6 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'rev-a3', state: CardState.Review, due: T0 + 10 * HOUR, lastReview: T0 - 6 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'rev-later', state: CardState.Review, due: T0 + 3 * DAY, lastReview: T0 - DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'learn-a1', state: CardState.Learning, due: T0 + 5 * 60_000, lastReview: T0 }),
    makeCard({ id: 'suspended', suspended: true, order: -1 }),
  ]);
  return db;
}

// "CISSP" holds one card, its subdecks "Domain 1" and "Domain 1 › Labs" the rest; "CISSP old" is a sibling, not a child.
export async function seedTree() {
  const db = freshDb();
  await db.decks.bulkAdd([
    { id: 'top', name: 'CISSP', description: '', builtin: false, path: ['CISSP'] },
    { id: 'd1', name: 'CISSP › Domain 1', description: '', builtin: false, path: ['CISSP', 'Domain 1'] },
    { id: 'labs', name: 'CISSP › Domain 1 › Labs', description: '', builtin: false, path: ['CISSP', 'Domain 1', 'Labs'] },
    { id: 'old', name: 'CISSP old', description: '', builtin: false, path: ['CISSP old'] },
  ]);
  await addCards(db, [
    makeCard({ id: 'top-new', deckId: 'top', order: 5 }),
    makeCard({ id: 'd1-new', deckId: 'd1', order: 1 }),
    makeCard({ id: 'labs-new', deckId: 'labs', order: 3 }),
    makeCard({ id: 'old-new', deckId: 'old', order: 0 }),
    makeCard({ id: 'd1-rev', deckId: 'd1', state: CardState.Review, due: T0 - DAY, lastReview: T0 - 5 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'labs-rev', deckId: 'labs', state: CardState.Review, due: T0 + 2 * DAY, lastReview: T0 - DAY, stability: 4, difficulty: 5 }),
  ]);
  return db;
}
