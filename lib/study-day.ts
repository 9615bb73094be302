/**
 * A study day starts at a configurable local hour (default 4 a.m.), so answers given at
 * 1 a.m. still count for the evening before, as learners expect.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The study day that `now` belongs to, as YYYY-MM-DD. */
export function studyDayOf(now: number, dayStartHour: number): string {
  const shifted = new Date(now - dayStartHour * 3_600_000);
  return `${shifted.getFullYear()}-${pad(shifted.getMonth() + 1)}-${pad(shifted.getDate())}`;
}

/** Epoch ms at which the study day containing `now` began. */
export function studyDayStart(now: number, dayStartHour: number): number {
  const d = new Date(now);
  const start = new Date(d.getFullYear(), d.getMonth(), d.getDate(), dayStartHour, 0, 0, 0);
  if (start.getTime() > now) start.setDate(start.getDate() - 1);
  return start.getTime();
}

/** Epoch ms at which the study day containing `now` ends (the next day's start). */
export function studyDayEnd(now: number, dayStartHour: number): number {
  const start = new Date(studyDayStart(now, dayStartHour));
  start.setDate(start.getDate() + 1);
  return start.getTime();
}

/** The day before a YYYY-MM-DD day, as YYYY-MM-DD. */
export function previousDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d - 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
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
