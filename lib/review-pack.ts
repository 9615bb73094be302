/**
 * A study day's answers packed into one stored row: three string columns and one Float64Array
 * holding the 19 numeric fields of each answer side by side.
 *
 * Why: IndexedDB in Chromium costs about 80 µs per stored row whatever its size, so 300,000
 * answers written one row each take 30 s or more, while the same answers packed per day (a few
 * hundred rows, their numbers copied as raw bytes) take well under a second. Imports write packs;
 * answers given on this device stay one row each (see lib/db/review-log.ts).
 *
 * Every number a ReviewEntry holds is a JavaScript double, so the Float64Array keeps it bit for
 * bit; a null `before.lastReview` is stored as NaN, which no valid time can be.
 */
import type { CardState, Grade, ReviewEntry } from './model';

export interface PackedDay {
  /** The study day, YYYY-MM-DD: the row's key. */
  day: string;
  ids: string[];
  cardIds: string[];
  deckIds: string[];
  /** NUMBER_FIELDS values per answer, answer after answer. */
  numbers: Float64Array;
}

export const NUMBER_FIELDS = 19;

/** Where a stored answer lives: its own row (answered on this device) or a day's pack (imported). */
export type StoredIn = 'row' | 'packed';

export interface StoredReview {
  review: ReviewEntry;
  storedIn: StoredIn;
}

/** Canonical order inside a day: by time, then id, so a pack's bytes depend only on its answers. */
export function byTimeThenId(a: ReviewEntry, b: ReviewEntry): number {
  return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Packs the answers of one study day (all must carry that `day`). */
export function packDay(day: string, reviews: readonly ReviewEntry[]): PackedDay {
  const sorted = reviews.slice().sort(byTimeThenId);
  const numbers = new Float64Array(sorted.length * NUMBER_FIELDS);
  sorted.forEach((r, i) => {
    if (r.day !== day) throw new Error(`Answer ${r.id} belongs to ${r.day}, not ${day}`);
    const b = r.before;
    numbers.set(
      [
        r.grade, r.reviewedAt, r.durationMs, r.stateBefore, r.dueBefore, r.stabilityAfter, r.difficultyAfter, r.elapsedDays, r.scheduledDays,
        b.due, b.stability, b.difficulty, b.elapsedDays, b.scheduledDays, b.learningSteps, b.reps, b.lapses, b.state, b.lastReview ?? NaN,
      ],
      i * NUMBER_FIELDS,
    );
  });
  return { day, ids: sorted.map((r) => r.id), cardIds: sorted.map((r) => r.cardId), deckIds: sorted.map((r) => r.deckId), numbers };
}

export function packedCount(pack: Pick<PackedDay, 'ids'>): number {
  return pack.ids.length;
}

/** The answer at position `i` of a pack. */
export function unpackAt(pack: PackedDay, i: number): ReviewEntry {
  const n = pack.numbers;
  const o = i * NUMBER_FIELDS;
  const lastReview = n[o + 18]!;
  return {
    id: pack.ids[i]!,
    cardId: pack.cardIds[i]!,
    deckId: pack.deckIds[i]!,
    grade: n[o]! as Grade,
    reviewedAt: n[o + 1]!,
    durationMs: n[o + 2]!,
    day: pack.day,
    stateBefore: n[o + 3]! as CardState,
    dueBefore: n[o + 4]!,
    stabilityAfter: n[o + 5]!,
    difficultyAfter: n[o + 6]!,
    elapsedDays: n[o + 7]!,
    scheduledDays: n[o + 8]!,
    before: {
      due: n[o + 9]!,
      stability: n[o + 10]!,
      difficulty: n[o + 11]!,
      elapsedDays: n[o + 12]!,
      scheduledDays: n[o + 13]!,
      learningSteps: n[o + 14]!,
      reps: n[o + 15]!,
      lapses: n[o + 16]!,
      state: n[o + 17]! as CardState,
      lastReview: Number.isNaN(lastReview) ? null : lastReview,
    },
  };
}

export function unpackDay(pack: PackedDay): ReviewEntry[] {
  return pack.ids.map((_, i) => unpackAt(pack, i));
}
