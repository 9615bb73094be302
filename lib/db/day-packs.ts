/**
 * The writes to the packed answer log and the per-day totals that storing or removing many answers
 * needs: a backup import (added, rewritten and undone answers), an Anki or CSV import (added) and
 * deleting the learner's cards (removed). Call inside a transaction over `packedReviews` and `dayTotals`.
 */
import type { ReviewEntry } from '../model';
import { packDay, unpackDay } from '../review-pack';
import { countReviewInto, type DayTotals, emptyDayTotals } from '../stats/day-totals';
import type { StudyDb } from './schema';

/** Packed days written per request: a year of answers is hundreds of packs of thousands of answers. */
const PACK_CHUNK = 20;

/**
 * Rewrites the pack of each of `days` with what `change` makes of its stored answers (none for a
 * day without a pack); a day left with no answer loses its pack. `onWritten` counts the packs written.
 */
export async function rewriteDayPacks(
  db: StudyDb,
  days: readonly string[],
  change: (day: string, stored: ReviewEntry[]) => ReviewEntry[],
  onWritten?: (packs: number) => void,
): Promise<void> {
  if (!days.length) return;
  const existing = await db.packedReviews.bulkGet([...days]);
  for (let i = 0; i < days.length; i += PACK_CHUNK) {
    const packs = days.slice(i, i + PACK_CHUNK).map((day, k) => {
      const old = existing[i + k];
      return packDay(day, change(day, old ? unpackDay(old) : []));
    });
    const empty = packs.filter((p) => p.count === 0);
    await db.packedReviews.bulkPut(packs.filter((p) => p.count > 0));
    if (empty.length) await db.packedReviews.bulkDelete(empty.map((p) => p.day));
    onWritten?.(packs.length);
  }
}

/** Answers grouped by study day, in the order given. */
export function byStudyDay(reviews: readonly ReviewEntry[]): Map<string, ReviewEntry[]> {
  const out = new Map<string, ReviewEntry[]>();
  for (const r of reviews) {
    const list = out.get(r.day);
    if (list) list.push(r);
    else out.set(r.day, [r]);
  }
  return out;
}

/** Keeps the per-day totals in step: added answers counted in, removed ones out, rewritten ones again. */
export async function adjustDayTotals(
  db: StudyDb,
  change: { added?: readonly ReviewEntry[]; removed?: readonly ReviewEntry[]; rewritten?: readonly { before: ReviewEntry; after: ReviewEntry }[] },
): Promise<void> {
  const { added = [], removed = [], rewritten = [] } = change;
  const days = new Set<string>();
  for (const r of added) days.add(r.day);
  for (const r of removed) days.add(r.day);
  for (const r of rewritten) days.add(r.before.day).add(r.after.day);
  if (!days.size) return;
  const dayList = [...days];
  const stored = await db.dayTotals.bulkGet(dayList);
  const totals = new Map<string, DayTotals>(dayList.map((day, i) => [day, { ...(stored[i] ?? emptyDayTotals(day)) }]));
  for (const r of added) countReviewInto(totals.get(r.day)!, r, 1);
  for (const r of removed) countReviewInto(totals.get(r.day)!, r, -1);
  for (const { before, after } of rewritten) {
    countReviewInto(totals.get(before.day)!, before, -1);
    countReviewInto(totals.get(after.day)!, after, 1);
  }
  const rows = [...totals.values()];
  await db.dayTotals.bulkPut(rows.filter((t) => t.reviews > 0));
  const empty = rows.filter((t) => t.reviews <= 0).map((t) => t.day);
  if (empty.length) await db.dayTotals.bulkDelete(empty);
}
