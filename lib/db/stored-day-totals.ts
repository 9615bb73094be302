/**
 * Storage side of the per-day totals (lib/stats/day-totals.ts): kept in step by answer and
 * undo, rebuilt from the review log by the schema upgrade, by imports, and by a repair when the
 * totals and the log disagree.
 */
import type { EntityTable } from 'dexie';
import type { ReviewEntry } from '../model';
import { unpackDay } from '../review-pack';
import { applyReview, type DayTotals, emptyDayTotals, totalsByDay } from '../stats/day-totals';
import type { StudyDb } from './schema';
import { withStorageErrors } from './errors';
import { countReviews, reviewsOnDay } from './review-log';

/**
 * Adds (1) or takes back (-1) one answer. Call it inside the transaction that writes or deletes
 * the review row, with `db.dayTotals` in that transaction's scope.
 */
export async function bumpDayTotals(db: StudyDb, review: ReviewEntry, sign: 1 | -1): Promise<void> {
  const next = applyReview((await db.dayTotals.get(review.day)) ?? emptyDayTotals(review.day), review, sign);
  if (next.reviews <= 0) await db.dayTotals.delete(review.day);
  else await db.dayTotals.put(next);
}

/**
 * Fills a totals table from a reviews table: the version-2 upgrade, when every answer was still a
 * row of `reviews` (imported packs arrived with version 3).
 */
export async function rebuildTotalsIn(reviews: EntityTable<ReviewEntry, 'id'>, totals: EntityTable<DayTotals, 'day'>): Promise<number> {
  const byDay = new Map<string, DayTotals>();
  // Cursor, not toArray: a year of answers is hundreds of thousands of rows.
  await reviews.each((r) => {
    byDay.set(r.day, applyReview(byDay.get(r.day) ?? emptyDayTotals(r.day), r, 1));
  });
  await totals.clear();
  await totals.bulkPut([...byDay.values()]);
  return byDay.size;
}

/**
 * Recomputes the totals of `days` (or of every day) from the whole review log (answer rows and
 * imported packs, see review-log.ts), in one transaction. Call it inside the caller's
 * transaction when there is one (with `reviews`, `packedReviews` and `dayTotals` in its scope).
 * Returns the number of days with answers.
 * @example await rebuildDayTotals(db, ['2026-11-24'])
 */
export function rebuildDayTotals(db: StudyDb, days?: Iterable<string>): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', db.reviews, db.packedReviews, db.dayTotals, async () => {
      if (days !== undefined) {
        const wanted = [...new Set(days)];
        const perDay = await Promise.all(wanted.map((d) => reviewsOnDay(db, d)));
        const byDay = totalsByDay(perDay.flat());
        await db.dayTotals.bulkDelete(wanted.filter((d) => !byDay.has(d)));
        await db.dayTotals.bulkPut([...byDay.values()]);
        return byDay.size;
      }
      const byDay = new Map<string, DayTotals>();
      const add = (r: ReviewEntry) => byDay.set(r.day, applyReview(byDay.get(r.day) ?? emptyDayTotals(r.day), r, 1));
      // Cursor, not toArray: a year of answers is hundreds of thousands of rows.
      await db.reviews.each(add);
      await db.packedReviews.each((pack) => unpackDay(pack).forEach(add));
      await db.dayTotals.clear();
      await db.dayTotals.bulkPut([...byDay.values()]);
      return byDay.size;
    }),
  );
}

/**
 * Rebuilds every total when they do not add up to the number of answers in the log, which
 * happens only when answers were written by something that bypassed answer, undo and import
 * (a tool, or the benchmark's raw seed). Returns true when it had to rebuild.
 */
export async function repairDayTotals(db: StudyDb): Promise<boolean> {
  // One read transaction, so an answer in another tab cannot fall between the two reads.
  const agree = await db.transaction('r', db.reviews, db.packedReviews, db.dayTotals, async () => {
    const [answers, totals] = await Promise.all([countReviews(db), db.dayTotals.toArray()]);
    return totals.reduce((s, t) => s + t.reviews, 0) === answers;
  });
  if (agree) return false;
  await rebuildDayTotals(db);
  return true;
}
