/**
 * The writes to the packed answer log and the per-day totals that storing or removing many answers
 * needs: a backup import (added, rewritten and undone answers), an Anki or CSV import (added) and
 * deleting the learner's cards (removed). Call inside a transaction over `packedReviews` and `dayTotals`.
 */
import type { ReviewEntry } from '../model';
import { packDay, unpackDay } from '../review-pack';
import { addTotalsInto, type AnswersChange, type DayTotals, dayTotalsChange, emptyDayTotals } from '../stats/day-totals';
import type { StudyDb } from './schema';
import { writeBehind } from './write-behind';

/** Packed days written per request: a year of answers is hundreds of packs of thousands of answers. */
const PACK_CHUNK = 20;

export interface RewriteOptions {
  /** Counts the packs written. */
  onWritten?: (packs: number) => void;
  /**
   * The days that have a pack, when the caller read them before its other writes: only those are
   * read here. Otherwise every day is read, and the read waits for the transaction's earlier writes.
   */
  storedDays?: ReadonlySet<string>;
}

/**
 * Rewrites the pack of each of `days` with what `change` makes of its stored answers (none for a
 * day without a pack); a day left with no answer loses its pack. Each chunk of packs is built
 * while the previous one is being stored.
 */
export async function rewriteDayPacks(
  db: StudyDb,
  days: readonly string[],
  change: (day: string, stored: ReviewEntry[]) => ReviewEntry[],
  { onWritten, storedDays }: RewriteOptions = {},
): Promise<void> {
  if (!days.length) return;
  const toRead = storedDays ? days.filter((d) => storedDays.has(d)) : days;
  const found = toRead.length ? await db.packedReviews.bulkGet([...toRead]) : [];
  const existing = new Map(found.filter((p) => p !== undefined).map((p) => [p.day, p]));
  const writes = writeBehind();
  for (let i = 0; i < days.length; i += PACK_CHUNK) {
    const packs = days.slice(i, i + PACK_CHUNK).map((day) => {
      const old = existing.get(day);
      return packDay(day, change(day, old ? unpackDay(old) : []));
    });
    const empty = packs.filter((p) => p.count === 0);
    writes.add(db.packedReviews.bulkPut(packs.filter((p) => p.count > 0)), onWritten && (() => onWritten(packs.length)));
    if (empty.length) writes.add(db.packedReviews.bulkDelete(empty.map((p) => p.day)));
  }
  await writes.settled();
}

/** The days that have a pack (keys only): read before a writer's other writes, see RewriteOptions. */
export async function daysWithPacks(db: StudyDb): Promise<Set<string>> {
  return new Set(await db.packedReviews.toCollection().primaryKeys());
}

/** Keeps the per-day totals in step: added answers counted in, removed ones out, rewritten ones again. */
export function adjustDayTotals(db: StudyDb, change: AnswersChange): Promise<void> {
  return addDayTotals(db, dayTotalsChange(change));
}

/**
 * Adds counts per day (signed: dayTotalsChange) to the stored totals; a day left with no answer
 * loses its row. Counting first lets a writer count while its other writes are being stored.
 */
export async function addDayTotals(db: StudyDb, counted: readonly DayTotals[]): Promise<void> {
  if (!counted.length) return;
  const stored = await db.dayTotals.bulkGet(counted.map((t) => t.day));
  const rows = counted.map((t, i) => {
    const sum = { ...(stored[i] ?? emptyDayTotals(t.day)) };
    addTotalsInto(sum, t);
    return sum;
  });
  await db.dayTotals.bulkPut(rows.filter((t) => t.reviews > 0));
  const empty = rows.filter((t) => t.reviews <= 0).map((t) => t.day);
  if (empty.length) await db.dayTotals.bulkDelete(empty);
}
