/**
 * Storage side of the per-day totals (lib/stats/day-totals.ts): kept in step by answer and
 * undo, rebuilt from the review log by the schema upgrade, by imports, and by a repair when the
 * totals and the log disagree.
 */
import type { EntityTable } from 'dexie';
import type { ReviewEntry } from '../model';
import { applyReview, type DayTotals, emptyDayTotals, totalsByDay } from '../stats/day-totals';
import type { StudyDb } from './database';
import { withStorageErrors } from './errors';

/**
 * Adds (1) or takes back (-1) one answer. Call it inside the transaction that writes or deletes
 * the review row, with `db.dayTotals` in that transaction's scope.
 */
export async function bumpDayTotals(db: StudyDb, review: ReviewEntry, sign: 1 | -1): Promise<void> {
  const next = applyReview((await db.dayTotals.get(review.day)) ?? emptyDayTotals(review.day), review, sign);
  if (next.reviews <= 0) await db.dayTotals.delete(review.day);
  else await db.dayTotals.put(next);
}

/** Recomputes totals from a reviews table into a totals table (any transaction that holds both). */
export async function rebuildTotalsIn(reviews: EntityTable<ReviewEntry, 'id'>, totals: EntityTable<DayTotals, 'day'>, days?: Iterable<string>): Promise<number> {
  if (days === undefined) {
    const byDay = new Map<string, DayTotals>();
    // Cursor, not toArray: a year of answers is hundreds of thousands of rows.
    await reviews.each((r) => {
      const before = byDay.get(r.day) ?? emptyDayTotals(r.day);
      byDay.set(r.day, applyReview(before, r, 1));
    });
    await totals.clear();
    await totals.bulkPut([...byDay.values()]);
    return byDay.size;
  }
  const wanted = [...new Set(days)];
  if (!wanted.length) return 0;
  const byDay = totalsByDay(await reviews.where('day').anyOf(wanted).toArray());
  await totals.bulkDelete(wanted.filter((d) => !byDay.has(d)));
  await totals.bulkPut([...byDay.values()]);
  return byDay.size;
}

/**
 * Recomputes the totals of `days` (or of every day) from the review log, in one transaction.
 * For imports: call it after writing review rows, inside the same transaction if there is one
 * (include `db.dayTotals` and `db.reviews` in its scope). Returns the number of days with answers.
 * @example await rebuildDayTotals(db, ['2026-11-24'])
 */
export function rebuildDayTotals(db: StudyDb, days?: Iterable<string>): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', db.reviews, db.dayTotals, () => rebuildTotalsIn(db.reviews, db.dayTotals, days)),
  );
}

/**
 * Rebuilds every total when they do not add up to the number of review rows, which happens
 * only when rows were written by something that bypassed answer/undo (an older import, a tool).
 * Returns true when it had to rebuild.
 */
export async function repairDayTotals(db: StudyDb): Promise<boolean> {
  const [rows, totals] = await Promise.all([db.reviews.count(), db.dayTotals.toArray()]);
  if (totals.reduce((s, t) => s + t.reviews, 0) === rows) return false;
  await rebuildDayTotals(db);
  return true;
}
