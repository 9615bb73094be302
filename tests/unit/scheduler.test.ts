import { describe, expect, it } from 'vitest';
import { CardState, DEFAULT_SETTINGS, Grade, GRADES, memoryOf } from '@/lib/model';
import { answerMemory, createScheduler, newMemoryState, previewAnswers, retrievabilityOn } from '@/lib/scheduler';
import { DAY, T0, makeCard } from '../helpers/cards';

const fuzzy = createScheduler({ ...DEFAULT_SETTINGS, fuzz: true });
const review = (id: string) =>
  makeCard({ id, state: CardState.Review, stability: 40, difficulty: 5, reps: 6, lastReview: T0 - 40 * DAY, due: T0, scheduledDays: 40, elapsedDays: 40 });

describe('scheduler bridge', () => {
  it('previews, for each button, exactly what answering with it gives', () => {
    const card = review('card-a');
    const previews = previewAnswers(fuzzy, card.id, memoryOf(card), T0);
    for (const g of GRADES) expect(previews[g]).toEqual(answerMemory(fuzzy, card.id, memoryOf(card), g, T0));
  });

  it('fuzzes deterministically per card: the same card gives the same interval, other cards spread', () => {
    const interval = (id: string) => answerMemory(fuzzy, id, memoryOf(review(id)), Grade.Good, T0).after.due - T0;
    expect(interval('card-a')).toBe(interval('card-a'));
    expect(answerMemory(createScheduler({ ...DEFAULT_SETTINGS, fuzz: true }), 'card-a', memoryOf(review('card-a')), Grade.Good, T0).after.due - T0).toBe(interval('card-a'));
    const spread = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((x) => interval(`card-${x}`)));
    expect(spread.size).toBeGreaterThan(1);
    const plain = createScheduler({ ...DEFAULT_SETTINGS, fuzz: false });
    const noFuzz = new Set(['a', 'b', 'c'].map((x) => answerMemory(plain, `card-${x}`, memoryOf(review(`card-${x}`)), Grade.Good, T0).after.due));
    expect(noFuzz.size).toBe(1);
  });

  it('gives 0 recall for a card never studied and 0.9 at one stability after the review', () => {
    expect(retrievabilityOn(fuzzy, newMemoryState(T0), T0)).toBe(0);
    expect(retrievabilityOn(fuzzy, { state: CardState.Review, lastReview: T0 - 40 * DAY, stability: 40 }, T0)).toBeCloseTo(0.9, 6);
  });
});
