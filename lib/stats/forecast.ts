/** Reviews falling due on each of the coming days. */
import { studyDayOf } from '../study-day';
import { addDays, daysBetween } from '../study-day';

export interface ForecastDay {
  day: string;
  due: number;
}

/**
 * Counts due times per study day for `days` days starting today. Cards already overdue are
 * counted today, since that is when they will be shown; due times beyond the window are ignored.
 * @example forecastOf([now - DAY, now + DAY], now, 4, 30)[0].due === 1
 */
export function forecastOf(dueTimes: Iterable<number>, now: number, dayStartHour: number, days = 30): ForecastDay[] {
  const today = studyDayOf(now, dayStartHour);
  const counts = new Array<number>(days).fill(0);
  for (const due of dueTimes) {
    const offset = due <= now ? 0 : daysBetween(today, studyDayOf(due, dayStartHour));
    if (offset >= 0 && offset < days) counts[offset]! += 1;
  }
  return counts.map((due, i) => ({ day: addDays(today, i), due }));
}
