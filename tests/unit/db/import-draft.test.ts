import { describe, expect, it } from 'vitest';
import { importDraft, loadCardKeys } from '@/lib/db/import-draft';
import { cardKey } from '@/lib/import/card-key';
import type { ImportDraft } from '@/lib/import/draft';
import { CardState, Grade } from '@/lib/model';
import { loadTodayQueue } from '@/lib/db/queries';
import { DAY, T0 } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { dumpAll, newDevice, TEST_SETTINGS } from '../../helpers/devices';
import { countCards, readAllCards, readCard } from '@/lib/db/card-store';

const draft = (over: Partial<ImportDraft> = {}): ImportDraft => ({
  kind: 'anki',
  fileName: 'cissp.apkg',
  decks: [{ key: '1', path: ['CISSP', 'Domain 1'] }],
  cards: [
    { deckKey: '1', front: 'What is **due care**?', back: 'Acting as a prudent person would.', tags: ['d1'], origin: { kind: 'anki', noteId: '100', ord: 0 }, suspended: false, buried: false, flag: 0, answers: [] },
    {
      deckKey: '1', front: 'ALE?', back: 'SLE × ARO', tags: [], origin: { kind: 'anki', noteId: '101', ord: 0 }, suspended: false, buried: false, flag: 2,
      answers: [
        { at: T0 - 10 * DAY, grade: Grade.Good, durationMs: 4000 },
        { at: T0 - 9 * DAY, grade: Grade.Good, durationMs: 3000 },
        { at: T0 - 3 * DAY, grade: Grade.Again, durationMs: 9000 },
      ],
    },
    { deckKey: '1', front: 'Suspended one', back: 'x', tags: [], origin: { kind: 'anki', noteId: '102', ord: 1 }, suspended: true, buried: false, flag: 0, answers: [] },
  ],
  media: [{ name: 'a.png', mime: 'image/png', bytes: Uint8Array.from([1, 2, 3]) }],
  skipped: [],
  ...over,
});

describe('storing an import draft', () => {
  it('adds the decks, the cards with their replayed history, and keeps states and flags', async () => {
    const db = freshDb();
    await newDevice(db);
    const report = await importDraft(db, draft(), T0);
    expect(report).toMatchObject({ decksAdded: 1, cardsAdded: 3, answersAdded: 3, alreadyHere: 0, mediaAdded: 0 });
    const deck = (await db.decks.toArray()).find((d) => !d.builtin)!;
    expect(deck).toMatchObject({ name: 'CISSP › Domain 1', path: ['CISSP', 'Domain 1'], builtin: false });
    const ale = await readCard(db, 'anki-101-0');
    expect(ale).toMatchObject({ origin: 'anki', originRef: '101:0', flag: 2, reps: 3, lapses: 1, state: CardState.Relearning, deckId: deck.id });
    expect(await readCard(db, 'anki-102-1')).toMatchObject({ suspended: true, queue: 'off' });
    // The answers are in the log (packed per day) and counted in the day totals.
    const packs = await db.packedReviews.toArray();
    expect(packs.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect((await db.dayTotals.toArray()).reduce((n, t) => n + t.reviews, 0)).toBe(3);
    // Studied at once: the new card is in today's queue.
    const q = await loadTodayQueue(db, { kind: 'deck', deckId: deck.id }, TEST_SETTINGS, T0);
    expect(q.fresh.map((c) => c.id)).toEqual(['anki-100-0']);
    expect(await loadCardKeys(db)).toContain(cardKey('ALE?', 'SLE × ARO'));
  });

  it('adds nothing the second time, and keeps only images a card shows', async () => {
    const db = freshDb();
    await newDevice(db);
    const withImage = draft();
    withImage.cards[0]!.back += '\n\n![diagram](media:a.png)';
    await importDraft(db, withImage, T0);
    expect(await db.media.count()).toBe(1);
    const before = await dumpAll(db);
    const again = await importDraft(db, withImage, T0 + DAY);
    expect(again).toMatchObject({ decksAdded: 0, cardsAdded: 0, answersAdded: 0, alreadyHere: 3, mediaAdded: 0 });
    expect(await dumpAll(db)).toEqual(before);
  });

  // Thousands of cards, as a real package brings: stored whole and in file order, or not at all.
  const manyCards = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      deckKey: '1', front: `Card ${i}`, back: `Back ${i}`, tags: [], origin: { kind: 'anki' as const, noteId: String(1000 + i), ord: 0 },
      suspended: false, buried: false, flag: 0, answers: i % 3 === 0 ? [{ at: T0 - 5 * DAY + i, grade: Grade.Good, durationMs: 2000 }] : [],
    }));

  it('a draft of several thousand cards is stored whole, in file order, with a repeated card counted once', async () => {
    const db = freshDb();
    await newDevice(db);
    const before = await countCards(db);
    const cards = manyCards(4500);
    // The same note and card as the first, near the end: already in this import, so left out.
    cards.push({ ...cards[0]!, front: 'Copy of card 0' });
    const report = await importDraft(db, draft({ cards, media: [] }), T0);
    expect(report).toMatchObject({ decksAdded: 1, cardsAdded: 4500, answersAdded: 1500, alreadyHere: 1 });
    expect(await countCards(db)).toBe(before + 4500);
    expect((await readCard(db, 'anki-1000-0'))?.front).toBe('Card 0');
    const imported = (await readAllCards(db)).filter((c) => c.origin === 'anki').sort((a, b) => a.order - b.order);
    // New-card order follows the file, with no gap or repeat.
    expect(imported.map((c) => c.front)).toEqual(cards.slice(0, 4500).map((c) => c.front));
    expect(new Set(imported.map((c) => c.order)).size).toBe(4500);
    expect(imported.at(-1)!.order - imported[0]!.order).toBe(4499);
    expect((await db.dayTotals.toArray()).reduce((n, t) => n + t.reviews, 0)).toBe(1500);
  });

  it('a card that cannot be placed, late in a large draft, leaves the database as it was', async () => {
    const db = freshDb();
    await newDevice(db);
    const before = await dumpAll(db);
    const cards = manyCards(4500);
    // A card near the end names a deck the draft does not list: the replay throws after thousands of cards.
    cards[4400] = { ...cards[4400]!, deckKey: 'missing' };
    await expect(importDraft(db, draft({ cards, media: [] }), T0)).rejects.toThrow(/deck missing/);
    expect(await dumpAll(db)).toEqual(before);
  });
});
