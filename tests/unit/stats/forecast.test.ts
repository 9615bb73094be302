import { describe, expect, it } from 'vitest';
import { forecastOf } from '@/lib/stats/forecast';
import { DAY, HOUR, T0 } from '../../helpers/cards';

describe('forecast of due reviews', () => {
  // T0 = 24 Nov 2026 12:00 UTC; the study day starts at 04:00.
  const dues = [
    T0 - 3 * DAY, // overdue → today
    T0 - HOUR, // due earlier today → today
    T0 + 10 * HOUR, // 22:00 today → today
    T0 + 16 * HOUR, // 04:00 on the 25th → tomorrow
    T0 + 15 * HOUR, // 03:00 on the 25th → still the study day of the 24th
    T0 + 2 * DAY, // the 26th
    T0 + 29 * DAY, // the last day of the window
    T0 + 30 * DAY, // one past it: not shown
  ];

  it('counts each due time on its study day, overdue ones today', () => {
    const f = forecastOf(dues, T0, 4, 30);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2026-11-24', due: 4 });
    expect(f[1]).toEqual({ day: '2026-11-25', due: 1 });
    expect(f[2]).toEqual({ day: '2026-11-26', due: 1 });
    expect(f[29]).toEqual({ day: '2026-12-23', due: 1 });
    expect(f.reduce((s, d) => s + d.due, 0)).toBe(7);
  });
});
