import { describe, expect, it } from 'vitest';
import { afterAnswer, buildTodayQueue, pickNext, remainingToday } from '@/lib/queue';
import { CardState, DEFAULT_SETTINGS } from '@/lib/model';
import { MINUTE, T0, makeCard } from '../helpers/cards';

const learning = (id: string, due: number) => makeCard({ id, state: CardState.Learning, due, lastReview: due - MINUTE });
const review = (id: string, due: number) => makeCard({ id, state: CardState.Review, due, lastReview: due - 86_400_000 });
const fresh = (id: string, order: number) => makeCard({ id, order });

describe('buildTodayQueue', () => {
  it('keeps learning cards, then reviews, then new cards, each within its limit', () => {
    const q = buildTodayQueue(
      {
        learning: [learning('l1', T0 - MINUTE)],
        review: [review('r1', T0 - 2), review('r2', T0 - 1), review('r3', T0)],
        fresh: [fresh('n1', 1), fresh('n2', 2), fresh('n3', 3)],
      },
      { newCards: 1, reviews: 1 },
      { newCardsPerDay: 3, reviewsPerDay: 3 },
    );
    expect(q.learning.map((c) => c.id)).toEqual(['l1']);
    expect(q.review.map((c) => c.id)).toEqual(['r1', 'r2']);
    expect(q.fresh.map((c) => c.id)).toEqual(['n1', 'n2']);
  });

  it('shows no new cards once the daily limit is used up, even if the limit was lowered', () => {
    expect(remainingToday({ newCards: 10, learning: 2, review: 5 }, { newCards: 25, reviews: 0 }, DEFAULT_SETTINGS)).toEqual({
      newCards: 0,
      learning: 2,
      review: 5,
    });
  });
});

describe('pickNext', () => {
  const queue = {
    learning: [learning('l1', T0 + 5 * MINUTE)],
    review: [review('r1', T0 - 1)],
    fresh: [fresh('n1', 1)],
  };

  it('puts a due learning card first', () => {
    expect(pickNext(queue, T0 + 5 * MINUTE)).toEqual({ kind: 'card', card: queue.learning[0] });
  });

  it('shows reviews before new cards while the learning card is not yet due', () => {
    expect(pickNext(queue, T0)).toMatchObject({ kind: 'card', card: { id: 'r1' } });
    expect(pickNext({ ...queue, review: [] }, T0)).toMatchObject({ kind: 'card', card: { id: 'n1' } });
  });

  it('learns ahead when only learning cards are left, and waits for one due later', () => {
    const onlyLearning = { learning: queue.learning, review: [], fresh: [] };
    expect(pickNext(onlyLearning, T0)).toMatchObject({ kind: 'card', card: { id: 'l1' } });
    expect(pickNext(onlyLearning, T0, MINUTE)).toEqual({ kind: 'wait', until: T0 + 5 * MINUTE });
    expect(pickNext({ learning: [], review: [], fresh: [] }, T0)).toEqual({ kind: 'done' });
  });
});

describe('afterAnswer', () => {
  const dayEnd = T0 + 12 * 60 * MINUTE;

  it('brings a card back into the learning list, in due order, when its next step is today', () => {
    const q = { learning: [learning('l1', T0 + 2 * MINUTE), learning('l2', T0 + 20 * MINUTE)], review: [], fresh: [fresh('n1', 1)] };
    const answered = learning('n1', T0 + 10 * MINUTE);
    const next = afterAnswer(q, answered, dayEnd);
    expect(next.learning.map((c) => c.id)).toEqual(['l1', 'n1', 'l2']);
    expect(next.fresh).toEqual([]);
  });

  it('drops a card scheduled for another day', () => {
    const q = { learning: [], review: [review('r1', T0)], fresh: [] };
    const next = afterAnswer(q, review('r1', dayEnd + 1), dayEnd);
    expect(next).toEqual({ learning: [], review: [], fresh: [] });
  });
});
