import { describe, expect, it } from 'vitest';
import {
  addCards,
  CardExistsError,
  cardIdsStartingWith,
  cardStores,
  clearCards,
  countCards,
  countDeckCards,
  countQueue,
  firstRankAfter,
  packOf,
  readAllCards,
  readCard,
  readCardIds,
  readCards,
  readDeckCardIds,
  readDeckCards,
  readQueues,
  removeCards,
  storeCards,
} from '@/lib/db/card-store';
import { readCardDigest } from '@/lib/db/stored-card-digest';
import { CARD_PACKS } from '@/lib/db/schema';
import type { StudyCard } from '@/lib/model';
import { DAY, T0, makeCard } from '../../helpers/cards';
import { dumpDb, freshDb } from '../../helpers/db';

const id = (n: number) => `c${String(n).padStart(4, '0')}`;
const due = (n: number, deckId: string, at: number, extra: Partial<StudyCard> = {}) =>
  makeCard({ id: id(n), deckId, state: 2, due: at, lastReview: at - DAY, reps: 1, ...extra });

describe('the card store', () => {
  it('spreads cards over its packs and reads each one back by id, alone or in a list in the order asked', async () => {
    const db = freshDb();
    const cards = Array.from({ length: 3000 }, (_, i) => makeCard({ id: id(i), order: i }));
    await storeCards(db, cards);
    const packs = await db.cardPacks.toArray();
    // 3,000 cards over 1,024 packs: a few each, none crowded.
    expect(packs.length).toBeGreaterThan(CARD_PACKS * 0.9);
    expect(Math.max(...packs.map((p) => p.cards.length))).toBeLessThan(15);
    for (const p of packs) for (const c of p.cards) expect(packOf(c.id)).toBe(p.pack);
    expect(await readCard(db, id(1234))).toEqual(cards[1234]);
    expect(await readCard(db, 'nothing')).toBeUndefined();
    expect((await readCards(db, [id(7), 'nothing', id(2), id(2999)])).map((c) => c.id)).toEqual([id(7), id(2), id(2999)]);
    expect(await readAllCards(db)).toEqual(cards);
    expect(await countCards(db)).toBe(3000);
    expect(await readCardIds(db)).toEqual(cards.map((c) => c.id));
  });

  it('reads a queue in rank order up to a rank, with a limit, and counts it, without other decks or queues', async () => {
    const db = freshDb();
    await storeCards(db, [
      due(1, 'deck', T0 + 3 * DAY),
      due(2, 'deck', T0 - DAY),
      due(3, 'deck', T0),
      due(4, 'deck', T0 + DAY),
      due(5, 'deck-a', T0 - 2 * DAY), // a deck whose name starts with the other's
      makeCard({ id: id(6), deckId: 'deck', order: 5 }),
      makeCard({ id: id(7), deckId: 'deck', order: 2 }),
      due(8, 'deck', T0 - DAY, { suspended: true }),
      due(9, 'deck', T0 - 3 * DAY, { state: 1, learningSteps: 0 }),
    ]);
    const ids = (cards: StudyCard[]) => cards.map((c) => c.id);
    expect(ids(await readQueues(db, ['deck'], 'review', T0))).toEqual([id(2), id(3)]); // up to the rank, inclusive
    expect(ids(await readQueues(db, ['deck'], 'review', null))).toEqual([id(2), id(3), id(4), id(1)]);
    expect(ids(await readQueues(db, ['deck'], 'review', null, 2))).toEqual([id(2), id(3)]);
    expect(ids(await readQueues(db, ['deck'], 'new', null))).toEqual([id(7), id(6)]);
    expect(ids(await readQueues(db, ['deck'], 'off', null))).toEqual([id(8)]);
    expect(ids(await readQueues(db, ['deck'], 'learn', T0))).toEqual([id(9)]);
    expect(await countQueue(db, 'deck', 'review', T0)).toBe(2);
    expect(await countQueue(db, 'deck', 'review', null)).toBe(4);
    expect(await countQueue(db, 'deck-a', 'review', null)).toBe(1);
    expect(await countDeckCards(db, 'deck')).toBe(8);
    expect(await countDeckCards(db, 'dec')).toBe(0);
    expect((await readDeckCardIds(db, 'deck-a'))).toEqual([id(5)]);
    expect(ids(await readDeckCards(db, 'deck')).sort()).toEqual([1, 2, 3, 4, 6, 7, 8, 9].map(id));
    // The next rank strictly after a time.
    expect(await firstRankAfter(db, 'deck', 'review', T0)).toBe(T0 + DAY);
    expect(await firstRankAfter(db, 'deck', 'review', T0 - DAY)).toBe(T0);
    expect(await firstRankAfter(db, 'deck', 'review', T0 + 3 * DAY)).toBeUndefined();
  });

  it('merges several decks\' queues by rank before the limit, and reads only the cards that make the cut', async () => {
    const db = freshDb();
    await storeCards(db, [due(1, 'a', T0 - 1), due(2, 'b', T0 - 5), due(3, 'a', T0 - 3), due(4, 'b', T0 - 2), due(5, 'c', T0 - 9)]);
    const ids = (cards: StudyCard[]) => cards.map((c) => c.id);
    expect(ids(await readQueues(db, ['a', 'b'], 'review', T0))).toEqual([id(2), id(3), id(4), id(1)]);
    expect(ids(await readQueues(db, ['a', 'b'], 'review', T0, 3))).toEqual([id(2), id(3), id(4)]);
    expect(ids(await readQueues(db, ['a', 'b', 'c'], 'review', T0 - 3, 2))).toEqual([id(5), id(2)]);
    expect(await readQueues(db, [], 'review', null)).toEqual([]);
  });

  it('moves a card between queues and decks when it is stored again: its old queue key goes', async () => {
    const db = freshDb();
    const card = due(1, 'deck', T0);
    await storeCards(db, [card, due(2, 'deck', T0)]);
    await storeCards(db, [{ ...card, deckId: 'other', queue: 'off', suspended: true }]);
    expect(await countQueue(db, 'deck', 'review', null)).toBe(1);
    expect(await readDeckCardIds(db, 'other')).toEqual([id(1)]);
    expect(await countCards(db)).toBe(2);
  });

  it('removes cards, deleting a pack left empty, and clears', async () => {
    const db = freshDb();
    await storeCards(db, [makeCard({ id: 'a' }), makeCard({ id: 'b' })]);
    await removeCards(db, ['a', 'nothing']);
    expect((await readAllCards(db)).map((c) => c.id)).toEqual(['b']);
    expect((await db.cardPacks.toArray()).map((p) => p.pack)).toEqual([packOf('b')]);
    expect((await readCardDigest(db)).map((e) => e.id)).toEqual(['b']);
    await clearCards(db);
    expect(await db.cardPacks.count()).toBe(0);
    expect(await readCardDigest(db)).toEqual([]);
  });

  it('refuses to add a card whose id is stored, and its transaction then stores nothing', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'a' })]);
    const before = await dumpDb(db);
    await expect(addCards(db, [makeCard({ id: 'b' }), makeCard({ id: 'a', front: 'Another' })])).rejects.toBeInstanceOf(CardExistsError);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('keeps every card of writes issued without waiting for each other in one transaction, over the same packs', async () => {
    const db = freshDb();
    const cards = Array.from({ length: 3000 }, (_, i) => makeCard({ id: id(i), order: i }));
    await db.transaction('rw', cardStores(db), () =>
      Promise.all([
        addCards(db, cards.slice(0, 1000)),
        storeCards(db, cards.slice(1000, 2000)),
        addCards(db, cards.slice(2000)),
        removeCards(db, [id(5), id(1500)]),
      ]),
    );
    expect(await countCards(db)).toBe(2998);
    expect((await readAllCards(db)).map((c) => c.id)).toEqual(cards.map((c) => c.id).filter((x) => x !== id(5) && x !== id(1500)));
    expect((await readCardDigest(db)).length).toBe(2998);
  });

  it('lets a read issued right after a write it did not wait for, in the same transaction, see that write', async () => {
    const db = freshDb();
    await storeCards(db, [makeCard({ id: 'a', front: 'Before' })]);
    const seen = await db.transaction('rw', cardStores(db), async () => {
      const written = storeCards(db, [makeCard({ id: 'a', front: 'After' }), makeCard({ id: 'b' })]);
      const read = await Promise.all([readCard(db, 'a'), readCards(db, ['b']), countCards(db), readQueues(db, ['deck-a'], 'new', null)]);
      await written;
      return read;
    });
    expect(seen[0]?.front).toBe('After');
    expect(seen[1].map((c) => c.id)).toEqual(['b']);
    expect(seen[2]).toBe(2);
    expect(seen[3].map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('leaves out of a queue a card that left it between the read of the keys and the read of the cards', async () => {
    const db = freshDb();
    const moved = due(1, 'deck', T0 - DAY);
    await storeCards(db, [moved, due(2, 'deck', T0 - DAY)]);
    // What another tab's answer leaves for a reader that read the keys before it: the card's pack
    // as the keys said it was, its card as it is now (answered, due in a week).
    const pack = (await db.cardPacks.get(packOf(moved.id)))!;
    const now = { ...moved, due: T0 + 7 * DAY, rank: T0 + 7 * DAY };
    await db.cardPacks.put({ ...pack, cards: pack.cards.map((c) => (c.id === moved.id ? now : c)) });
    expect((await readQueues(db, ['deck'], 'review', T0)).map((c) => c.id)).toEqual([id(2)]);
    expect((await readDeckCards(db, 'deck')).map((c) => c.id).sort()).toEqual([id(1), id(2)]);
  });

  it('reports the progress of a large write, card by card, up to all of them', async () => {
    const db = freshDb();
    const seen: number[] = [];
    await storeCards(db, Array.from({ length: 3000 }, (_, i) => makeCard({ id: id(i), order: i })), (n) => seen.push(n));
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.reduce((a, b) => a + b, 0)).toBe(3000);
  });

  it('keeps a card whose rank is not a number in its queue and in the counts', async () => {
    const db = freshDb();
    await storeCards(db, [makeCard({ id: 'odd', deckId: 'deck', order: Number.NaN }), makeCard({ id: 'plain', deckId: 'deck', order: 1 })]);
    expect(await countCards(db)).toBe(2);
    expect(await readCardIds(db)).toEqual(['odd', 'plain']);
    expect((await readQueues(db, ['deck'], 'new', null)).map((c) => c.id)).toEqual(['odd', 'plain']);
  });

  it('finds imported cards by the prefix of their ids', async () => {
    const db = freshDb();
    await storeCards(db, [makeCard({ id: 'anki-2' }), makeCard({ id: 'csv-1' }), makeCard({ id: 'anki-1' })]);
    expect(await cardIdsStartingWith(db, 'anki-')).toEqual(['anki-1', 'anki-2']);
  });
});
