import { describe, expect, it, vi } from 'vitest';
import { StorageFullError } from '@/lib/db/errors';
import { answerCard } from '@/lib/db/answer-transactions';
import { syncBuiltinContent, syncBuiltinDecks, syncOrKeepBuiltinDecks } from '@/lib/db/sync-decks';
import { loadCardInfo } from '@/lib/db/own-cards';
import { CardState, DEFAULT_SETTINGS, Grade, memoryOf } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { T0, makeGenerated } from '../../helpers/cards';
import { dumpDb, freshDb } from '../../helpers/db';
import { readAllCards, readCard } from '@/lib/db/card-store';
import { updateCard } from '../../helpers/cards';

describe('syncBuiltinDecks', () => {
  it('adds every generated card as new, and skips an unchanged build', async () => {
    const db = freshDb();
    const report = await syncBuiltinDecks(db, makeGenerated(6), T0);
    expect(report).toEqual({ added: 6, updated: 0, retired: 0, carried: 0, skipped: false });
    expect((await readAllCards(db)).filter((c) => c.queue === 'new')).toHaveLength(6);
    expect((await syncBuiltinDecks(db, makeGenerated(6), T0)).skipped).toBe(true);
  });

  it('updates changed text and retires removed cards without touching progress', async () => {
    const db = freshDb();
    await syncBuiltinDecks(db, makeGenerated(6), T0);
    const { card: studied } = await answerCard(db, createScheduler(DEFAULT_SETTINGS), {
      cardId: 'card-0', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1000, dayStartHour: 4,
    });
    const next = makeGenerated(6);
    next.cards[0]!.back = 'A better answer';
    next.cards.splice(5, 1);

    const report = await syncBuiltinDecks(db, next, T0 + 1000);
    expect(report).toEqual({ added: 0, updated: 1, retired: 1, carried: 0, skipped: false });
    const card0 = await readCard(db, 'card-0');
    expect(card0).toMatchObject({ back: 'A better answer', reps: studied.reps, due: studied.due, stability: studied.stability });
    expect(await readCard(db, 'card-5')).toMatchObject({ retired: true, queue: 'off' });
    expect(await db.reviews.count()).toBe(1);
  });

  it('gives a reworded question\'s new card the memory, suspension and flag of the card it replaces', async () => {
    const db = freshDb();
    await syncBuiltinDecks(db, makeGenerated(4), T0);
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const answer = { shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1000, dayStartHour: 4 };
    const { card: studied } = await answerCard(db, scheduler, { ...answer, cardId: 'card-0' });
    await answerCard(db, scheduler, { ...answer, cardId: 'card-3' });
    await updateCard(db, 'card-2', { flag: 3, marksAt: T0 });
    const next = makeGenerated(4);
    // Reworded questions get new ids (lib/decks/ids.ts). card-3's fact now has two cards: no single successor.
    for (const i of [0, 1, 2, 3]) Object.assign(next.cards[i]!, { id: `card-${i}-new`, front: `Question ${i}, reworded` });
    next.cards.push({ ...next.cards[3]!, id: 'card-3-other', front: 'Question 3, asked another way' });

    const report = await syncBuiltinDecks(db, next, T0 + 1000);
    expect(report).toEqual({ added: 5, updated: 0, retired: 4, carried: 2, skipped: false });
    const successor = (await readCard(db, 'card-0-new'))!;
    expect(memoryOf(successor)).toEqual(memoryOf(studied));
    expect(successor).toMatchObject({ queue: studied.queue, retired: false, suspended: false });
    expect(await readCard(db, 'card-0')).toMatchObject({ retired: true, reps: 1 });
    expect(await db.reviews.where('cardId').equals('card-0').count()).toBe(1);
    // Never studied: nothing to carry but the learner's marks.
    expect(await readCard(db, 'card-1-new')).toMatchObject({ state: CardState.New, reps: 0 });
    expect(await readCard(db, 'card-2-new')).toMatchObject({ state: CardState.New, flag: 3, marksAt: T0 });
    for (const id of ['card-3-new', 'card-3-other']) expect(await readCard(db, id)).toMatchObject({ state: CardState.New, reps: 0 });

    // Its first answer starts from the carried memory; its card info shows both wordings' answers.
    const { review } = await answerCard(db, scheduler, { ...answer, cardId: 'card-0-new', now: successor.due });
    expect(review.before).toEqual(memoryOf(studied));
    const info = (await loadCardInfo(db, 'card-0-new'))!;
    expect(info.earlierWordings).toEqual([{ id: 'card-0', front: 'Question 0' }]);
    expect(info.answers.map((a) => a.cardId)).toEqual(['card-0', 'card-0-new']);
    expect((await loadCardInfo(db, 'card-1-new'))!.earlierWordings).toEqual([]);
  });

  it('gives a wording that comes back the memory its successor built since, and leaves staying cards alone', async () => {
    const db = freshDb();
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const answer = { grade: Grade.Good, durationMs: 1000, dayStartHour: 4 };
    const first = makeGenerated(2);
    await syncBuiltinDecks(db, first, T0);
    await answerCard(db, scheduler, { ...answer, cardId: 'card-0', shownRev: 0, now: T0 });
    const reworded = makeGenerated(2);
    Object.assign(reworded.cards[0]!, { id: 'card-0-new', front: 'Question 0, reworded' });
    await syncBuiltinDecks(db, reworded, T0 + 1000);
    const carried = (await readCard(db, 'card-0-new'))!;
    const { card: later } = await answerCard(db, scheduler, { ...answer, cardId: 'card-0-new', shownRev: carried.rev, now: carried.due });

    const report = await syncBuiltinDecks(db, first, carried.due + 1000);
    expect(report).toMatchObject({ added: 0, updated: 1, retired: 1, carried: 1 });
    expect(memoryOf((await readCard(db, 'card-0'))!)).toEqual(memoryOf(later));
    expect(await readCard(db, 'card-0')).toMatchObject({ retired: false });
    expect(await readCard(db, 'card-1')).toMatchObject({ reps: 0, retired: false });
  });

  it('brings a retired card back, with its history, when its fact returns', async () => {
    const db = freshDb();
    await syncBuiltinDecks(db, makeGenerated(3), T0);
    await syncBuiltinDecks(db, makeGenerated(2), T0);
    await syncBuiltinDecks(db, makeGenerated(3), T0);
    expect(await readCard(db, 'card-2')).toMatchObject({ retired: false, queue: 'new' });
    const dump = await dumpDb(db);
    expect(dump.cards).toHaveLength(3);
  });

});

describe('syncBuiltinContent', () => {
  it('does not even load the cards when the stored version is the current one', async () => {
    const db = freshDb();
    let loads = 0;
    const content = (version: string, count: number) => ({
      version,
      load: async () => {
        loads += 1;
        return makeGenerated(count);
      },
    });
    expect(await syncBuiltinContent(db, content('v1', 4), T0)).toMatchObject({ added: 4, skipped: false });
    expect(loads).toBe(1);
    expect(await syncBuiltinContent(db, content('v1', 4), T0)).toMatchObject({ skipped: true });
    expect(loads).toBe(1);
    // a new version is loaded and applied
    expect(await syncBuiltinContent(db, content('v2', 5), T0)).toMatchObject({ added: 1, skipped: false });
    expect(loads).toBe(2);
  });

  it('leaves the stored decks exactly as they were when the cards cannot be loaded', async () => {
    const db = freshDb();
    await syncBuiltinContent(db, { version: 'v1', load: async () => makeGenerated(3) }, T0);
    const before = await dumpDb(db);
    await expect(
      syncBuiltinContent(db, { version: 'v2', load: () => Promise.reject(new Error('The built-in decks could not be loaded (HTTP 404)')) }, T0),
    ).rejects.toThrow('HTTP 404');
    expect(await dumpDb(db)).toEqual(before);
  });

});

describe('syncOrKeepBuiltinDecks', () => {
  it('keeps the stored decks, untouched, and says why when the new ones cannot be loaded', async () => {
    const db = freshDb();
    await syncBuiltinContent(db, { version: 'v1', load: async () => makeGenerated(3) }, T0);
    const before = await dumpDb(db);
    const outcome = await syncOrKeepBuiltinDecks(db, { version: 'v2', load: () => Promise.reject(new Error('the deck file should hold 4 cards')) }, T0);
    expect(outcome).toEqual({
      ok: false,
      message: 'The newest built-in decks could not be loaded (the deck file should hold 4 cards), so you are studying the decks already on this device. Reload when online to get the new ones.',
    });
    expect(await dumpDb(db)).toEqual(before);
  });

  it('fails when there are no decks to fall back on, and syncs as usual when it can', async () => {
    const db = freshDb();
    await expect(syncOrKeepBuiltinDecks(db, { version: 'v1', load: () => Promise.reject(new Error('offline')) }, T0)).rejects.toThrow('offline');
    expect(await syncOrKeepBuiltinDecks(db, { version: 'v1', load: async () => makeGenerated(2) }, T0)).toMatchObject({ ok: true, report: { added: 2 } });
  });

  it('does not hide a failure to store the new decks behind the fallback, and stores nothing', async () => {
    const db = freshDb();
    await syncBuiltinContent(db, { version: 'v1', load: async () => makeGenerated(3) }, T0);
    const before = await dumpDb(db);
    const spy = vi.spyOn(db.meta, 'put').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(syncOrKeepBuiltinDecks(db, { version: 'v2', load: async () => makeGenerated(4) }, T0)).rejects.toThrow(StorageFullError);
    spy.mockRestore();
    expect(await dumpDb(db)).toEqual(before);
  });
});
