/**
 * Study days, the one module for their arithmetic. A study day starts at a configurable local
 * hour (default 4 a.m.), so answers given at 1 a.m. still count for the evening before, as
 * learners expect. Days are written YYYY-MM-DD; arithmetic on them is done in UTC on the date
 * itself, so a daylight-saving change can never make a day 23 or 25 hours long or skip a date.
 */

export const DAY_MS = 86_400_000;

/** Two digits: 4 → "04". */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The study day that `now` belongs to, as YYYY-MM-DD. */
export function studyDayOf(now: number, dayStartHour: number): string {
  const shifted = new Date(now - dayStartHour * 3_600_000);
  return `${shifted.getFullYear()}-${pad2(shifted.getMonth() + 1)}-${pad2(shifted.getDate())}`;
}

/** Epoch ms at which the study day containing the moment `now` began. */
export function studyDayStartAt(now: number, dayStartHour: number): number {
  const d = new Date(now);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), dayStartHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Epoch ms at which the study day containing `now` ends (the next day's start). */
export function studyDayEnd(now: number, dayStartHour: number): number {
  const start = new Date(studyDayStartAt(now, dayStartHour));
  start.setDate(start.getDate() + 1);
  return start.getTime();
}

/**
 * Epoch ms at which the study day `day` (YYYY-MM-DD) begins, in local time: the moment figures
 * for a future day are computed at (the exam morning, before any review that day).
 */
export function studyDayStartOn(day: string, dayStartHour: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, dayStartHour, 0, 0, 0).getTime();
}

function toUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtc(t: number): string {
  const date = new Date(t);
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
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

/** The day before a YYYY-MM-DD day, as YYYY-MM-DD. */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

/**
 * Consecutive study days ending today, or ending yesterday when today has no answer yet
 * (a streak is not broken before the day is over).
 */
export function streakOf(daysWithReviews: ReadonlySet<string>, today: string): number {
  let day = daysWithReviews.has(today) ? today : previousDay(today);
  let streak = 0;
  while (daysWithReviews.has(day)) {
    streak += 1;
    day = previousDay(day);
  }
  return streak;
}
