/** The pure session model, and the promise of the groundwork: FSRS runs once per answer. */
import { describe, expect, it, vi } from 'vitest';
import { submitAnswer } from '@/lib/db/answer-service';
import { DEFAULT_SETTINGS, Grade, memoryOf, type StudyCard } from '@/lib/model';
import type { TodayQueue } from '@/lib/queue';
import { answerMemory, createScheduler } from '@/lib/scheduler';
import { answer, answerFailed, lastAnswer, pickOf, previewsFor, remainingOf, startSession, tick, undone } from '@/lib/study/session';
import { MINUTE, T0, makeCard } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { readCard, storeCards } from '@/lib/db/card-store';

const settings = { ...DEFAULT_SETTINGS, fuzz: true };
const fresh = (n: number): StudyCard[] => Array.from({ length: n }, (_, i) => makeCard({ id: `card-${i}`, order: i, rank: i }));
const queueOf = (cards: StudyCard[]): TodayQueue => ({ learning: [], review: [], fresh: cards });
const given = (now: number, reviewId: string, grade: Grade = Grade.Good) => ({ grade, now, durationMs: 2000, dayStartHour: 4, reviewId });

describe('study session', () => {
  it('shows new cards in order, and brings a learning card back when it is due', () => {
    const scheduler = createScheduler(settings);
    let s = startSession(queueOf(fresh(2)), T0);
    const first = pickOf(s);
    expect(first).toMatchObject({ kind: 'card', card: { id: 'card-0' } });
    const card = (first as { card: StudyCard }).card;
    const step = answer(s, card, previewsFor(scheduler, card, T0), given(T0 + 5_000, 'r0', Grade.Again));
    s = step.state;
    expect(step.card.queue).toBe('learn');
    expect(pickOf(s)).toMatchObject({ kind: 'card', card: { id: 'card-1' } });
    expect(remainingOf(s)).toBe(2);
    expect(s.answered).toBe(1);
    const second = (pickOf(s) as { card: StudyCard }).card;
    s = answer(s, second, previewsFor(scheduler, second, s.now), given(T0 + 10_000, 'r1', Grade.Again)).state;
    // Only learning cards due in a minute are left: within learn-ahead, so the first comes back.
    expect(pickOf(s)).toMatchObject({ kind: 'card', card: { id: 'card-0' } });
    expect(pickOf(tick(s, T0 + 2 * MINUTE))).toMatchObject({ kind: 'card', card: { id: 'card-0' } });
  });

  it('refuses previews that belong to another card or another version of it', () => {
    const scheduler = createScheduler(settings);
    const s = startSession(queueOf(fresh(2)), T0);
    const [a, b] = fresh(2);
    expect(() => answer(s, a!, previewsFor(scheduler, b!, T0), given(T0, 'r'))).toThrow('do not belong to card card-0');
    expect(() => answer(s, a!, previewsFor(scheduler, { ...a!, rev: 5 }, T0), given(T0, 'r'))).toThrow();
  });

  it('puts the card back when its write fails, and shows an undone card first', () => {
    const scheduler = createScheduler(settings);
    const s0 = startSession(queueOf(fresh(3)), T0);
    const card = (pickOf(s0) as { card: StudyCard }).card;
    const step = answer(s0, card, previewsFor(scheduler, card, T0), given(T0 + 1000, 'r0'));
    const failed = answerFailed(step.state, 'r0', { queue: s0.queue, card });
    expect(failed).toMatchObject({ pinned: { id: 'card-0' }, answered: 0, undo: [] });
    expect(failed.queue).toBe(s0.queue);
    expect(lastAnswer(step.state)).toEqual({ reviewId: 'r0', cardId: 'card-0' });
    const back = undone(step.state, card, T0 + 2000);
    expect(pickOf(back)).toMatchObject({ kind: 'card', card: { id: 'card-0' } });
    expect(back).toMatchObject({ answered: 0, undo: [] });
  });

  it('runs FSRS once per answer: the preview, which is also what is stored', async () => {
    const db = freshDb();
    const cards = fresh(5);
    await storeCards(db, cards);
    const scheduler = createScheduler(settings);
    const repeat = vi.spyOn(scheduler, 'repeat');
    const next = vi.spyOn(scheduler, 'next');
    let s = startSession(queueOf(cards), T0);
    for (let i = 0; i < 5; i += 1) {
      const card = (pickOf(s) as { card: StudyCard }).card;
      const previews = previewsFor(scheduler, card, s.now);
      const at = s.now + 3_000;
      const step = answer(s, card, previews, given(at, `r${i}`, Grade.Easy));
      s = step.state;
      const { card: stored } = await submitAnswer(db, scheduler, { cardId: card.id, shownRev: card.rev, grade: Grade.Easy, now: at, durationMs: 3000, dayStartHour: 4, reviewId: `r${i}`, outcome: step.outcome }, null);
      // what the screen moved on with is what was stored, and it is what the Easy button showed
      expect(stored).toEqual(step.card);
      expect(stored.due - at).toBe(previews.outcomes[Grade.Easy].after.due - previews.at);
    }
    expect(repeat.mock.calls.length + next.mock.calls.length).toBe(5);
    expect(next).not.toHaveBeenCalled();
    // the stored result equals what FSRS gives at the answer's moment
    const again = createScheduler(settings);
    expect(memoryOf((await readCard(db, 'card-0'))!)).toEqual(answerMemory(again, 'card-0', memoryOf(cards[0]!), Grade.Easy, T0 + 3_000).after);
  });
});
