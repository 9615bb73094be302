/**
 * Per-day totals of the review log. The statistics page reads these (one row per study day)
 * instead of the review rows themselves, which run to hundreds of thousands after a year.
 * `applyReview` is the one definition of what an answer adds; storage keeps the rows in step
 * inside the answer and undo transactions, and can rebuild them from the log at any time.
 */
import { CardState, Grade, type ReviewEntry } from '../model';
import { DAY_MS } from '../study-day';

export interface DayTotals {
  /** Study day, YYYY-MM-DD. */
  day: string;
  /** All answers given that day. */
  reviews: number;
  durationMs: number;
  /** Answers by the card's state before the answer. */
  fromNew: number;
  fromLearning: number;
  fromReview: number;
  fromRelearning: number;
  /** Answers to review-state cards, split young (interval < 21 days) / mature, and Again or not. */
  youngPassed: number;
  youngFailed: number;
  maturePassed: number;
  matureFailed: number;
}

/** Anki's line between young and mature cards. */
export const MATURE_INTERVAL_DAYS = 21;

export function emptyDayTotals(day: string): DayTotals {
  return {
    day, reviews: 0, durationMs: 0, fromNew: 0, fromLearning: 0, fromReview: 0, fromRelearning: 0,
    youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0,
  };
}

/**
 * The interval the card was on when it was answered: its due date minus its last review, as it
 * stood before the answer (FSRS's `scheduled_days` is on its way out of ts-fsrs).
 */
export function intervalBefore(review: Pick<ReviewEntry, 'before'>): number {
  const b = review.before;
  return b.lastReview === null ? b.scheduledDays : (b.due - b.lastReview) / DAY_MS;
}

type Counted = Pick<ReviewEntry, 'grade' | 'durationMs' | 'stateBefore' | 'before'>;

/**
 * Adds (sign 1) or removes (sign -1) one answer. Returns a new object.
 * @example applyReview(emptyDayTotals('2026-11-24'), review, 1).reviews === 1
 */
export function applyReview(totals: DayTotals, review: Counted, sign: 1 | -1): DayTotals {
  const t = { ...totals };
  countReviewInto(t, review, sign);
  return t;
}

/** applyReview in place, for loops over a whole log (a restore counts 300,000 answers). */
export function countReviewInto(t: DayTotals, review: Counted, sign: 1 | -1): void {
  t.reviews += sign;
  t.durationMs += sign * review.durationMs;
  switch (review.stateBefore) {
    case CardState.New:
      t.fromNew += sign;
      break;
    case CardState.Learning:
      t.fromLearning += sign;
      break;
    case CardState.Relearning:
      t.fromRelearning += sign;
      break;
    case CardState.Review: {
      t.fromReview += sign;
      const mature = intervalBefore(review) >= MATURE_INTERVAL_DAYS;
      const failed = review.grade === Grade.Again;
      if (mature) {
        if (failed) t.matureFailed += sign;
        else t.maturePassed += sign;
      } else if (failed) t.youngFailed += sign;
      else t.youngPassed += sign;
      break;
    }
  }
}

type Count = Exclude<keyof DayTotals, 'day'>;
// A record, so that a count added to DayTotals and forgotten here fails to compile.
const COUNTS = Object.keys({
  reviews: 0, durationMs: 0, fromNew: 0, fromLearning: 0, fromReview: 0, fromRelearning: 0, youngPassed: 0, youngFailed: 0, maturePassed: 0, matureFailed: 0,
} satisfies Record<Count, 0>) as Count[];

/** Adds one day's counts to another's, in place (every count is a sum of answers). */
export function addTotalsInto(t: DayTotals, more: DayTotals): void {
  for (const k of COUNTS) t[k] += more[k];
}

/** Totals for every day that appears in `reviews`. */
export function totalsByDay(reviews: Iterable<CountedOnDay>): Map<string, DayTotals> {
  return new Map(dayTotalsChange({ added: reviews }).map((t) => [t.day, t]));
}

type CountedOnDay = Counted & Pick<ReviewEntry, 'day'>;

/** Answers added, removed, and rewritten (counted out as they were, in as they are). */
export interface AnswersChange {
  added?: Iterable<CountedOnDay>;
  removed?: Iterable<CountedOnDay>;
  rewritten?: Iterable<{ before: CountedOnDay; after: CountedOnDay }>;
}

/** What a change of answers does to each day's totals, as one signed count per day. */
export function dayTotalsChange({ added = [], removed = [], rewritten = [] }: AnswersChange): DayTotals[] {
  const byDay = new Map<string, DayTotals>();
  const count = (r: CountedOnDay, sign: 1 | -1) => {
    let t = byDay.get(r.day);
    if (!t) byDay.set(r.day, (t = emptyDayTotals(r.day)));
    countReviewInto(t, r, sign);
  };
  for (const r of added) count(r, 1);
  for (const r of removed) count(r, -1);
  for (const { before, after } of rewritten) {
    count(before, -1);
    count(after, 1);
  }
  return [...byDay.values()];
}
