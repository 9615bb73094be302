/**
 * Arithmetic on study days written as YYYY-MM-DD. Done in UTC on the date itself, so a
 * daylight-saving change can never make a day 23 or 25 hours long or skip a date.
 */

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function toUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(t: number): string {
  const date = new Date(t);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** @example addDays('2026-12-31', 1) === '2027-01-01' */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). @example daysBetween('2026-11-24', '2026-12-01') === 7 */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** The `count` days ending with `last`, oldest first. */
export function daysEndingOn(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}

/** Day of the week, Monday = 0 … Sunday = 6. */
export function weekdayOf(day: string): number {
  return (new Date(toUtc(day)).getUTCDay() + 6) % 7;
}

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  return fromUtc(toUtc(text)) === text;
}

/**
 * The moment the figures for a future day are computed at: the start of that study day in local
 * time (the exam morning, before any review that day could change the picture).
 */
export function startOfStudyDay(day: string, dayStartHour: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, dayStartHour, 0, 0, 0).getTime();
}
