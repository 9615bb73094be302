/** Number and date wording shared by the statistics components. */

/** 0.7349 → "73%"; null → "—" (nothing to measure). */
export function percent(share: number | null, digits = 0): string {
  return share === null ? '—' : `${(share * 100).toFixed(digits)}%`;
}

/** "2027-03-15" → "15 Mar 2027", the same on every machine (the day is a calendar date, not a moment). */
export function longDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
}

/** "2027-03-15" → "15 Mar". */
export function shortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
}

export function minutes(m: number): string {
  if (m < 1 && m > 0) return '<1 min';
  if (m < 60) return `${Math.round(m)} min`;
  return `${Math.floor(m / 60)} h ${Math.round(m % 60)} min`;
}

export { plural } from '@/lib/words';
