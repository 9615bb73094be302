import { describe, expect, it } from 'vitest';
import { answerCard } from '@/lib/db/answer-transactions';
import { importDraft } from '@/lib/db/import-draft';
import { addCard, applyToCards, CardInputError, createDeck, deckDeletionPreview, deleteCards, deleteDeck, editCard, loadCardInfo, renameDeck } from '@/lib/db/own-cards';
import { unburyDue } from '@/lib/db/unbury';
import { CardState, Grade } from '@/lib/model';
import type { CardContent } from '@/lib/card-content';
import { createScheduler } from '@/lib/scheduler';
import { DAY, HOUR, T0 } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { dumpAll, newDevice, TEST_SETTINGS } from '../../helpers/devices';
import { readCard } from '@/lib/db/card-store';

async function device() {
  const db = freshDb();
  await newDevice(db);
  return db;
}
const scheduler = createScheduler(TEST_SETTINGS);
const answer = (db: Awaited<ReturnType<typeof device>>, cardId: string, rev: number, at: number, grade: Grade = Grade.Good) =>
  answerCard(db, scheduler, { cardId, shownRev: rev, grade, now: at, durationMs: 1000, dayStartHour: 4 });

describe("the learner's decks and cards", () => {
  it('creates and renames decks, refusing empty and duplicate names and the built-in decks', async () => {
    const db = await device();
    const deck = await createDeck(db, '  My   notes ', T0);
    expect(deck).toMatchObject({ name: 'My notes', builtin: false });
    await expect(createDeck(db, 'my NOTES', T0)).rejects.toThrow('There is already a deck called "My notes".');
    await expect(createDeck(db, '   ', T0)).rejects.toThrow('A deck needs a name.');
    await expect(createDeck(db, 'Deck deck-a', T0)).rejects.toThrow(/already a deck/);
    await renameDeck(db, deck.id, 'Crypto', T0 + 1);
    expect((await db.decks.get(deck.id))!.name).toBe('Crypto');
    await expect(renameDeck(db, 'deck-a', 'Mine now', T0)).rejects.toThrow('The built-in decks keep their names.');
  });

  it('adds a card, studies it, and keeps the earlier text of an edit in its history', async () => {
    const db = await device();
    const deck = await createDeck(db, 'Mine', T0);
    const card = await addCard(db, { deckId: deck.id, front: 'What is **ALE**?', back: 'SLE × ARO', tags: ['risk', 'formula'] }, T0);
    expect(card).toMatchObject({ origin: 'own', contentRev: 0, state: CardState.New, queue: 'new' });
    expect(card.order).toBeGreaterThanOrEqual(10_000_000);
    const { card: studied } = await answer(db, card.id, card.rev, T0 + HOUR);
    const edited = await editCard(db, card.id, { deckId: deck.id, front: 'How is **ALE** computed?', back: 'SLE × ARO', tags: ['risk'] }, studied.rev, T0 + 2 * HOUR);
    expect(edited).toMatchObject({ front: 'How is **ALE** computed?', contentRev: 1, contentAt: T0 + 2 * HOUR, reps: 1 });
    const info = (await loadCardInfo(db, card.id))!;
    expect(info.answers).toHaveLength(1);
    expect(info.revisions).toEqual([expect.objectContaining({ contentRev: 0, front: 'What is **ALE**?', tags: ['risk', 'formula'], replacedAt: T0 + 2 * HOUR })]);
    // An editor opened before the study answer is refused, not applied over it.
    await expect(editCard(db, card.id, { deckId: deck.id, front: 'x', back: 'y', tags: [] }, studied.rev, T0 + 3 * HOUR)).rejects.toThrow(/changed since you opened it/);
  });

  it('refuses bad content with a message saying what is wrong, and writes nothing', async () => {
    const db = await device();
    const deck = await createDeck(db, 'Mine', T0);
    const before = await dumpAll(db);
    const bad = [
      [{ front: ' ', back: 'b' }, 'The front of a card cannot be empty.'],
      [{ front: 'f', back: '' }, 'The back of a card cannot be empty.'],
      [{ front: 'f', back: 'b', tags: ['two words'] }, 'A tag cannot contain spaces'],
      [{ front: 'f', back: 'b', choices: ['A', 'a'], answerIndex: 0 }, 'Two options of this card are the same.'],
      [{ front: 'f', back: 'b', choices: ['A', 'B'] }, 'Mark which option is right.'],
      [{ front: 'x'.repeat(20_001), back: 'b' }, 'The front can have at most 20,000 characters'],
    ] as const;
    for (const [content, message] of bad) {
      const failure = await addCard(db, { deckId: deck.id, tags: [], ...(content as object) } as unknown as CardContent, T0).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(CardInputError);
      expect((failure as Error).message).toContain(message);
    }
    await expect(addCard(db, { deckId: 'deck-a', front: 'f', back: 'b', tags: [] }, T0)).rejects.toThrow(/your own decks/);
    expect(await dumpAll(db)).toEqual(before);
  });

  it('suspends, buries until the next study day, flags, resets and moves; built-in cards are never moved, edited or deleted', async () => {
    const db = await device();
    const deck = await createDeck(db, 'Mine', T0);
    const own = await addCard(db, { deckId: deck.id, front: 'f', back: 'b', tags: [] }, T0);
    expect(await applyToCards(db, ['card-0', own.id], { kind: 'suspend', on: true })).toBe(2);
    expect(await readCard(db, 'card-0')).toMatchObject({ suspended: true, queue: 'off', rev: 1 });
    await applyToCards(db, ['card-0', own.id], { kind: 'suspend', on: false });
    await applyToCards(db, ['card-1'], { kind: 'bury', now: T0, dayStartHour: 4 });
    expect(await readCard(db, 'card-1')).toMatchObject({ queue: 'off' });
    expect(await unburyDue(db, T0 + HOUR)).toBe(0);
    expect(await unburyDue(db, T0 + DAY)).toBe(1);
    expect(await readCard(db, 'card-1')).toMatchObject({ queue: 'new', buriedUntil: null });
    await applyToCards(db, ['card-2'], { kind: 'flag', flag: 3 });
    expect((await readCard(db, 'card-2'))!.flag).toBe(3);
    await expect(applyToCards(db, ['card-2'], { kind: 'flag', flag: 9 })).rejects.toThrow('Unknown flag.');
    const { card: studied } = await answer(db, 'card-3', 0, T0);
    expect(studied.state).not.toBe(CardState.New);
    await applyToCards(db, ['card-3'], { kind: 'reset', now: T0 + DAY });
    expect(await readCard(db, 'card-3')).toMatchObject({ state: CardState.New, reps: 0, queue: 'new' });
    await expect(applyToCards(db, ['card-0'], { kind: 'move', deckId: deck.id })).rejects.toThrow(/Built-in cards stay in their decks/);
    await expect(editCard(db, 'card-0', { deckId: 'deck-a', front: 'f', back: 'b', tags: [] }, 2, T0)).rejects.toThrow(/Built-in cards cannot be edited/);
    await expect(deleteCards(db, ['card-0'])).rejects.toThrow(/Built-in cards cannot be deleted/);
  });

  it('deletes a deck with its cards and every answer they had, rows and packed, keeping the day totals right', async () => {
    const db = await device();
    await importDraft(db, {
      kind: 'anki', fileName: 'x.apkg', decks: [{ key: 'd', path: ['Imported'] }], media: [], skipped: [],
      cards: [{ deckKey: 'd', front: 'q', back: 'a', tags: [], origin: { kind: 'anki', noteId: '1', ord: 0 }, suspended: false, buried: false, flag: 0, answers: [{ at: T0 - DAY, grade: Grade.Good, durationMs: 1 }] }],
    }, T0);
    const deck = (await db.decks.toArray()).find((d) => d.name === 'Imported')!;
    const own = await addCard(db, { deckId: deck.id, front: 'mine', back: 'b', tags: [] }, T0);
    await answer(db, own.id, own.rev, T0 + HOUR);
    await answer(db, 'card-0', 0, T0 + HOUR); // a built-in card's answer stays
    expect(await deckDeletionPreview(db, deck.id)).toEqual({ cards: 2, answers: 2 });
    expect(await deleteDeck(db, deck.id)).toEqual({ cards: 2, answers: 2 });
    expect(await db.decks.get(deck.id)).toBeUndefined();
    expect(await readCard(db, own.id)).toBeUndefined();
    expect(await db.reviews.count()).toBe(1);
    expect(await db.packedReviews.count()).toBe(0);
    expect((await db.dayTotals.toArray()).reduce((n, t) => n + t.reviews, 0)).toBe(1);
    await expect(deleteDeck(db, 'deck-a')).rejects.toThrow(/built-in decks cannot be deleted/);
  });
});
