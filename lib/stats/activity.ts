/** Reviews per day for the heatmap and the activity bars, from the per-day totals. */
import { streakOf } from '../study-day';
import { daysEndingOn } from '../study-day';
import type { DayTotals } from './day-totals';

export interface DayActivity {
  day: string;
  reviews: number;
  minutes: number;
}

export interface Heatmap {
  /** The past year (365 study days ending today), oldest first, days without answers included. */
  days: DayActivity[];
  /** The busiest day's count, which sets the heatmap's scale. */
  max: number;
  total: number;
  daysStudied: number;
  streak: number;
}

/** One entry per day ending `today`, zero where nothing was studied. */
export function activityOver(totals: readonly DayTotals[], today: string, span: number): DayActivity[] {
  const byDay = new Map(totals.map((t) => [t.day, t]));
  return daysEndingOn(today, span).map((day) => {
    const t = byDay.get(day);
    return { day, reviews: t?.reviews ?? 0, minutes: t ? t.durationMs / 60_000 : 0 };
  });
}

/**
 * The heatmap's year and the current streak. `totals` may reach further back than a year:
 * the streak counts every consecutive day, not only those on the map.
 */
export function heatmapOf(totals: readonly DayTotals[], today: string): Heatmap {
  const days = activityOver(totals, today, 365);
  const studied = days.filter((d) => d.reviews > 0);
  return {
    days,
    max: Math.max(0, ...days.map((d) => d.reviews)),
    total: studied.reduce((s, d) => s + d.reviews, 0),
    daysStudied: studied.length,
    streak: streakOf(new Set(totals.filter((t) => t.reviews > 0).map((t) => t.day)), today),
  };
}

/**
 * The heatmap shade of a day, 0 (nothing) to 4 (near the busiest day): quarters of the year's
 * maximum, so one huge day does not flatten the rest less than a fixed scale would.
 */
export function heatLevel(reviews: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (reviews <= 0 || max <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((reviews / max) * 4))) as 1 | 2 | 3 | 4;
}
