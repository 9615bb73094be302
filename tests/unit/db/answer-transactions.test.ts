import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCard, undoAnswer } from '@/lib/db/answer-transactions';
import { StaleCardError, StorageFullError } from '@/lib/db/errors';
import { CardState, DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import type { StudyDb } from '@/lib/db/database';
import { T0, makeCard } from '../../helpers/cards';
import { dumpDb, freshDb } from '../../helpers/db';
import { addCards, readCard } from '@/lib/db/card-store';

const scheduler = createScheduler({ ...DEFAULT_SETTINGS, fuzz: false });
const answer = (db: StudyDb, grade: Grade, extra: Partial<Parameters<typeof answerCard>[2]> = {}) =>
  answerCard(db, scheduler, { cardId: 'c1', shownRev: 0, grade, now: T0, durationMs: 4200, dayStartHour: 4, ...extra });

describe('answerCard', () => {
  let db: StudyDb;
  beforeEach(async () => {
    db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' })]);
  });

  it('writes the new state and one log row together', async () => {
    const { card, review } = await answer(db, Grade.Good);
    expect(card.state).toBe(CardState.Learning);
    expect(card.reps).toBe(1);
    expect(card.queue).toBe('learn');
    expect(card.rank).toBe(card.due);
    expect(await readCard(db, 'c1')).toEqual(card);
    const rows = await db.reviews.toArray();
    expect(rows).toEqual([review]);
    expect(review).toMatchObject({ cardId: 'c1', grade: Grade.Good, stateBefore: CardState.New, durationMs: 4200, day: '2026-11-24' });
    expect(review.before.state).toBe(CardState.New);
  });

  it('refuses an answer to a card that changed since it was shown (another tab)', async () => {
    await answer(db, Grade.Good);
    const before = await dumpDb(db);
    await expect(answer(db, Grade.Again)).rejects.toBeInstanceOf(StaleCardError);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('leaves neither the card nor the log changed when the log write fails', async () => {
    await db.reviews.add({ ...(await answer(db, Grade.Good)).review, id: 'taken' });
    const before = await dumpDb(db);
    await expect(answer(db, Grade.Easy, { shownRev: 1, reviewId: 'taken', now: T0 + 60_000 })).rejects.toThrow();
    expect(await dumpDb(db)).toEqual(before);
  });

  it('reports a full disk by name and writes nothing', async () => {
    const before = await dumpDb(db);
    const spy = vi.spyOn(db.reviews, 'add').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(answer(db, Grade.Good)).rejects.toBeInstanceOf(StorageFullError);
    spy.mockRestore();
    expect(await dumpDb(db)).toEqual(before);
  });

  it('stores an answer given twice with the same id once', async () => {
    const first = await answer(db, Grade.Good, { reviewId: 'r1' });
    const again = await answer(db, Grade.Good, { reviewId: 'r1' });
    expect(again).toEqual(first);
    expect(await db.reviews.count()).toBe(1);
    expect((await readCard(db, 'c1'))!.rev).toBe(1);
  });
});

describe('undoAnswer', () => {
  it('restores the previous state and removes the log row in one step', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' })]);
    const original = await dumpDb(db);
    const first = await answer(db, Grade.Good);
    const afterFirst = await dumpDb(db);
    const second = await answer(db, Grade.Again, { shownRev: first.card.rev, now: T0 + 60_000 });

    const restored = await undoAnswer(db, second.review.id);
    expect(restored.rev).toBe(3);
    const dump = await dumpDb(db);
    expect(dump.reviews).toEqual(afterFirst.reviews);
    expect({ ...dump.cards[0], rev: 1 }).toEqual(afterFirst.cards[0]);

    await undoAnswer(db, first.review.id);
    const back = await dumpDb(db);
    expect(back.reviews).toEqual([]);
    expect({ ...back.cards[0], rev: 0 }).toEqual(original.cards[0]);
  });

  it('refuses to undo an answer that is not the card\'s latest', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' })]);
    const first = await answer(db, Grade.Good);
    await answer(db, Grade.Good, { shownRev: 1, now: T0 + 600_000 });
    const before = await dumpDb(db);
    await expect(undoAnswer(db, first.review.id)).rejects.toBeInstanceOf(StaleCardError);
    expect(await dumpDb(db)).toEqual(before);
  });
});
