/**
 * True retention as Anki shows it: of the answers given to cards in the review state, the share
 * that were not "Again", over the past day, week, month and year, for young and mature cards.
 */
import { daysBetween } from '../study-day';
import type { DayTotals } from './day-totals';

export interface RetentionCell {
  passed: number;
  failed: number;
  /** passed / (passed + failed), or null when there was no answer to count. */
  rate: number | null;
}

export interface RetentionRow {
  period: 'day' | 'week' | 'month' | 'year';
  label: string;
  young: RetentionCell;
  mature: RetentionCell;
  all: RetentionCell;
}

export const RETENTION_PERIODS = [
  { period: 'day', label: 'Today', days: 1 },
  { period: 'week', label: 'Past week', days: 7 },
  { period: 'month', label: 'Past month', days: 30 },
  { period: 'year', label: 'Past year', days: 365 },
] as const;

function cell(passed: number, failed: number): RetentionCell {
  return { passed, failed, rate: passed + failed > 0 ? passed / (passed + failed) : null };
}

/** Each period ends today and includes it ("past week" = today and the six days before). */
export function retentionOf(totals: readonly DayTotals[], today: string): RetentionRow[] {
  return RETENTION_PERIODS.map(({ period, label, days }) => {
    let yp = 0, yf = 0, mp = 0, mf = 0;
    for (const t of totals) {
      const age = daysBetween(t.day, today);
      if (age < 0 || age >= days) continue;
      yp += t.youngPassed;
      yf += t.youngFailed;
      mp += t.maturePassed;
      mf += t.matureFailed;
    }
    return { period, label, young: cell(yp, yf), mature: cell(mp, mf), all: cell(yp + mp, yf + mf) };
  });
}
