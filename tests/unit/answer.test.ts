import { describe, expect, it } from 'vitest';
import { applyAnswer, isLeechLapse, outcomeAt } from '@/lib/answer';
import { CardState, DEFAULT_SETTINGS, Grade, memoryOf } from '@/lib/model';
import { answerMemory, createScheduler, previewAnswers } from '@/lib/scheduler';
import { DAY, MINUTE, T0, makeCard } from '../helpers/cards';

const scheduler = createScheduler({ ...DEFAULT_SETTINGS, fuzz: true });
const given = (now: number, grade: Grade = Grade.Good) => ({ reviewId: 'r1', grade, now, durationMs: 4200.6, dayStartHour: 4 });

describe('applyAnswer', () => {
  it('gives the card its new memory, a new rev and queue, and a log entry with the memory before', () => {
    const card = makeCard({ id: 'c1', rev: 2 });
    const outcome = answerMemory(scheduler, card.id, memoryOf(card), Grade.Good, T0);
    const { card: after, review } = applyAnswer(card, outcome, given(T0));
    expect(after).toMatchObject({ ...outcome.after, rev: 3, queue: 'learn', rank: outcome.after.due });
    expect(review).toEqual({
      id: 'r1', cardId: 'c1', deckId: 'deck-a', grade: Grade.Good, reviewedAt: T0, durationMs: 4201, day: '2026-11-24',
      stateBefore: CardState.New, dueBefore: card.due, stabilityAfter: outcome.after.stability, difficultyAfter: outcome.after.difficulty,
      elapsedDays: outcome.elapsedDays, scheduledDays: outcome.scheduledDays, before: memoryOf(card),
    });
  });
});

describe('outcomeAt', () => {
  it('stores what the button showed, counted from the moment of the answer', () => {
    const card = makeCard({ id: 'c2' });
    const previews = previewAnswers(scheduler, card.id, memoryOf(card), T0);
    const at = T0 + 9_000;
    const stored = outcomeAt(previews[Grade.Good], T0, at);
    expect(stored.after.due - at).toBe(previews[Grade.Good].after.due - T0);
    expect(stored.after.lastReview).toBe(at);
    expect(stored.after.stability).toBe(previews[Grade.Good].after.stability);
    // and it is exactly what FSRS gives at the answer's moment (same day, seeded fuzz)
    expect(stored).toEqual(answerMemory(scheduler, card.id, memoryOf(card), Grade.Good, at));
    expect(outcomeAt(previews[Grade.Good], T0, T0)).toBe(previews[Grade.Good]);
  });

  it('matches FSRS at the answer for a review card too', () => {
    const reviewed = makeCard({ id: 'c3', state: CardState.Review, stability: 12, difficulty: 5, reps: 4, lastReview: T0 - 10 * DAY, due: T0, scheduledDays: 10, elapsedDays: 10 });
    const previews = previewAnswers(scheduler, reviewed.id, memoryOf(reviewed), T0);
    for (const g of [Grade.Again, Grade.Hard, Grade.Good, Grade.Easy])
      expect(outcomeAt(previews[g], T0, T0 + 2 * MINUTE)).toEqual(answerMemory(scheduler, reviewed.id, memoryOf(reviewed), g, T0 + 2 * MINUTE));
  });
});

describe('the leech rule', () => {
  it('fires at the threshold, then every half threshold after it, and never when off', () => {
    expect([7, 8, 9, 10, 11, 12].map((n) => isLeechLapse(n, 8))).toEqual([false, true, false, false, false, true]);
    expect(isLeechLapse(8, 0)).toBe(false);
    expect([1, 2, 3].map((n) => isLeechLapse(n, 1))).toEqual([true, true, true]);
  });

  it('tags and suspends a card whose live lapse reaches the threshold; a replay (no threshold) never does', () => {
    const scheduler = createScheduler({ ...DEFAULT_SETTINGS, fuzz: false });
    const card = makeCard({ id: 'l', state: CardState.Review, stability: 3, difficulty: 8, lastReview: T0 - 5 * DAY, due: T0, reps: 12, lapses: 7, tags: ['risk'] });
    const outcome = answerMemory(scheduler, card.id, memoryOf(card), Grade.Again, T0);
    const given = { reviewId: 'r', grade: Grade.Again, now: T0, durationMs: 1000, dayStartHour: 4 };
    const live = applyAnswer(card, outcome, { ...given, leechLapses: 8 }).card;
    expect(live).toMatchObject({ lapses: 8, suspended: true, queue: 'off', tags: ['risk', 'leech'] });
    expect(applyAnswer(card, outcome, given).card).toMatchObject({ lapses: 8, suspended: false, tags: ['risk'] });
    // A good answer is no lapse, whatever the count.
    const good = answerMemory(scheduler, card.id, memoryOf({ ...card, lapses: 8 }), Grade.Good, T0);
    expect(applyAnswer({ ...card, lapses: 8 }, good, { ...given, grade: Grade.Good, leechLapses: 8 }).card.suspended).toBe(false);
  });
});
