import { describe, expect, it } from 'vitest';
import { CardState, Grade } from '@/lib/model';
import { applyReview, emptyDayTotals, intervalBefore, totalsByDay } from '@/lib/stats/day-totals';
import { answer, HISTORY } from './fixtures';

describe('per-day totals', () => {
  it('sums a day of answers by state, time and young/mature outcome', () => {
    const today = totalsByDay(HISTORY).get('2026-11-24');
    expect(today).toEqual({
      day: '2026-11-24', reviews: 5, durationMs: 150_000,
      fromNew: 1, fromLearning: 1, fromReview: 3, fromRelearning: 0,
      // interval 5 → young pass; 20.9 days is still young (fail); 21 days is mature (pass)
      youngPassed: 1, youngFailed: 1, maturePassed: 1, matureFailed: 0,
    });
    const d3 = totalsByDay(HISTORY).get('2026-11-21');
    expect(d3).toMatchObject({ reviews: 5, fromReview: 4, fromRelearning: 1, youngPassed: 1, maturePassed: 2, matureFailed: 1 });
  });

  it('takes an answer back exactly (sign -1 undoes sign 1)', () => {
    const r = answer('2026-11-24', CardState.Review, Grade.Again, 1234, 40);
    const base = totalsByDay(HISTORY).get('2026-11-24')!;
    expect(applyReview(applyReview(base, r, 1), r, -1)).toEqual(base);
    expect(applyReview(emptyDayTotals('2026-11-24'), r, 1)).toMatchObject({ reviews: 1, durationMs: 1234, matureFailed: 1 });
  });

  it('measures the interval as due minus last review before the answer', () => {
    expect(intervalBefore(answer('2026-11-24', CardState.Review, Grade.Good, 0, 21))).toBe(21);
  });
});
