import { describe, expect, it } from 'vitest';
import { totalsByDay } from '@/lib/stats/day-totals';
import { retentionOf } from '@/lib/stats/retention';
import { HISTORY } from './fixtures';

describe('true retention', () => {
  const rows = retentionOf([...totalsByDay(HISTORY).values()], '2026-11-24');
  const byPeriod = Object.fromEntries(rows.map((r) => [r.period, r]));

  it('counts only today for "today"', () => {
    // young: Good, Again → 1/2; mature: Good → 1/1; all 2/3
    expect(byPeriod.day!.young).toEqual({ passed: 1, failed: 1, rate: 0.5 });
    expect(byPeriod.day!.mature).toEqual({ passed: 1, failed: 0, rate: 1 });
    expect(byPeriod.day!.all.rate).toBeCloseTo(2 / 3, 10);
  });

  it('adds the days of the past week, month and year, and nothing older', () => {
    // week = today + 3 days ago: young 2/3, mature (1 + Easy + Hard) 3 of 4
    expect(byPeriod.week!.young).toEqual({ passed: 2, failed: 1, rate: 2 / 3 });
    expect(byPeriod.week!.mature).toEqual({ passed: 3, failed: 1, rate: 0.75 });
    // month adds 20 days ago: young 2 of 5, mature 4 of 5
    expect(byPeriod.month!.young).toEqual({ passed: 2, failed: 3, rate: 0.4 });
    expect(byPeriod.month!.mature).toEqual({ passed: 4, failed: 1, rate: 0.8 });
    // year adds 200 days ago (young 1, mature 1); the answer 400 days ago is left out
    expect(byPeriod.year!.young).toEqual({ passed: 3, failed: 3, rate: 0.5 });
    expect(byPeriod.year!.mature).toEqual({ passed: 5, failed: 1, rate: 5 / 6 });
    expect(byPeriod.year!.all).toEqual({ passed: 8, failed: 4, rate: 8 / 12 });
  });

  it('gives no rate, rather than 0 %, for a period without review answers', () => {
    const empty = retentionOf([], '2026-11-24');
    expect(empty.map((r) => r.all.rate)).toEqual([null, null, null, null]);
  });
});
