import { describe, expect, it } from 'vitest';
import { activityOver, heatLevel, heatmapOf } from '@/lib/stats/activity';
import { emptyDayTotals, totalsByDay } from '@/lib/stats/day-totals';
import { HISTORY } from './fixtures';

const totals = [...totalsByDay(HISTORY).values()];

describe('activity and heatmap', () => {
  it('lists every day of the span with reviews and minutes, zero-filled', () => {
    const week = activityOver(totals, '2026-11-24', 7);
    expect(week.map((d) => d.day)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
    expect(week.map((d) => d.reviews)).toEqual([0, 0, 0, 5, 0, 0, 5]);
    expect(week[3]!.minutes).toBe(5); // 5 × 60 s
    expect(week[6]!.minutes).toBe(2.5); // 150 s
  });

  it('covers exactly the past 365 days and totals what falls inside them', () => {
    const map = heatmapOf(totals, '2026-11-24');
    expect(map.days).toHaveLength(365);
    expect(map.days[0]!.day).toBe('2025-11-25');
    expect(map.days.at(-1)!.day).toBe('2026-11-24');
    expect(map.total).toBe(5 + 5 + 3 + 2); // the day 400 days back is off the map
    expect(map.daysStudied).toBe(4);
    expect(map.max).toBe(5);
  });

  it('counts the streak across consecutive days, also past the map, and keeps it alive before today is studied', () => {
    const days = ['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d) => ({ ...emptyDayTotals(d), reviews: 1 }));
    expect(heatmapOf(days, '2026-11-23').streak).toBe(4);
    expect(heatmapOf(days, '2026-11-24').streak).toBe(4);
    expect(heatmapOf(days, '2026-11-25').streak).toBe(0);
    expect(heatmapOf(totals, '2026-11-24').streak).toBe(1);
  });

  it('shades a day by its quarter of the busiest day', () => {
    expect([0, 1, 25, 26, 50, 51, 99, 100].map((r) => heatLevel(r, 100))).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
    expect(heatLevel(3, 0)).toBe(0);
  });
});
