/**
 * A study day's answers packed into one stored row: three text columns (the ids, card ids and
 * deck ids of the answers, one per line) and one Float64Array holding the 19 numeric fields of
 * each answer side by side.
 *
 * Why: IndexedDB in Chromium costs about 80 µs per stored row whatever its size, so 300,000
 * answers written one row each take 30 s or more, while the same answers packed per day (a few
 * hundred rows, their numbers copied as raw bytes, their ids as three strings rather than a
 * million small ones) take well under a second. Imports write packs;
 * answers given on this device stay one row each (see lib/db/review-log.ts).
 *
 * Every number a ReviewEntry holds is a JavaScript double, so the Float64Array keeps it bit for
 * bit; a null `before.lastReview` is stored as NaN, which no valid time can be.
 */
import type { CardState, Grade, ReviewEntry } from './model';

export interface PackedDay {
  /** The study day, YYYY-MM-DD: the row's key. */
  day: string;
  count: number;
  /** One id per line (ids never hold a line break: see ID_PATTERN in lib/backup/format.ts). */
  ids: string;
  cardIds: string;
  deckIds: string;
  /** NUMBER_FIELDS values per answer, answer after answer. */
  numbers: Float64Array;
}

/** A pack's text columns as lists. */
export interface PackColumns {
  ids: string[];
  cardIds: string[];
  deckIds: string[];
}

const SEPARATOR = '\n';

export function columnsOf(pack: PackedDay): PackColumns {
  if (pack.count === 0) return { ids: [], cardIds: [], deckIds: [] };
  return { ids: pack.ids.split(SEPARATOR), cardIds: pack.cardIds.split(SEPARATOR), deckIds: pack.deckIds.split(SEPARATOR) };
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

function isSorted(reviews: readonly ReviewEntry[]): boolean {
  for (let i = 1; i < reviews.length; i += 1) if (byTimeThenId(reviews[i - 1]!, reviews[i]!) > 0) return false;
  return true;
}

function joinIds(values: readonly string[]): string {
  const joined = values.join(SEPARATOR);
  // A restore joins 900,000 ids: count the separators of the joined text (one native scan) and
  // look for the culprit only when there are too many, instead of searching every id.
  let breaks = 0;
  for (let i = joined.indexOf(SEPARATOR); i >= 0; i = joined.indexOf(SEPARATOR, i + 1)) breaks += 1;
  if (values.length && breaks !== values.length - 1) {
    const culprit = values.find((v) => v.includes(SEPARATOR));
    throw new Error(`An id holds a line break: ${JSON.stringify(culprit)}`);
  }
  return joined;
}

/**
 * Packs the answers of one study day (all must carry that `day`). A restore packs 300,000
 * answers, so this writes the numbers straight into the array and sorts only when it must.
 */
export function packDay(day: string, reviews: readonly ReviewEntry[]): PackedDay {
  const sorted = isSorted(reviews) ? reviews : reviews.slice().sort(byTimeThenId);
  const count = sorted.length;
  const numbers = new Float64Array(count * NUMBER_FIELDS);
  const ids = new Array<string>(count);
  const cardIds = new Array<string>(count);
  const deckIds = new Array<string>(count);
  for (let i = 0; i < count; i += 1) {
    const r = sorted[i]!;
    if (r.day !== day) throw new Error(`Answer ${r.id} belongs to ${r.day}, not ${day}`);
    const b = r.before;
    const o = i * NUMBER_FIELDS;
    numbers[o] = r.grade;
    numbers[o + 1] = r.reviewedAt;
    numbers[o + 2] = r.durationMs;
    numbers[o + 3] = r.stateBefore;
    numbers[o + 4] = r.dueBefore;
    numbers[o + 5] = r.stabilityAfter;
    numbers[o + 6] = r.difficultyAfter;
    numbers[o + 7] = r.elapsedDays;
    numbers[o + 8] = r.scheduledDays;
    numbers[o + 9] = b.due;
    numbers[o + 10] = b.stability;
    numbers[o + 11] = b.difficulty;
    numbers[o + 12] = b.elapsedDays;
    numbers[o + 13] = b.scheduledDays;
    numbers[o + 14] = b.learningSteps;
    numbers[o + 15] = b.reps;
    numbers[o + 16] = b.lapses;
    numbers[o + 17] = b.state;
    numbers[o + 18] = b.lastReview ?? NaN;
    ids[i] = r.id;
    cardIds[i] = r.cardId;
    deckIds[i] = r.deckId;
  }
  return { day, count, ids: joinIds(ids), cardIds: joinIds(cardIds), deckIds: joinIds(deckIds), numbers };
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

export function packedCount(pack: Pick<PackedDay, 'count'>): number {
  return pack.count;
}

/** The answer at position `i` of a pack whose columns are `columns` (see columnsOf). */
export function unpackAt(pack: PackedDay, columns: PackColumns, i: number): ReviewEntry {
  const n = pack.numbers;
  const o = i * NUMBER_FIELDS;
  const lastReview = n[o + 18]!;
  return {
    id: columns.ids[i]!,
    cardId: columns.cardIds[i]!,
    deckId: columns.deckIds[i]!,
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
  const columns = columnsOf(pack);
  return columns.ids.map((_, i) => unpackAt(pack, columns, i));
}
