/**
 * What an answer does to a card, given its FSRS outcome: the updated card and its review-log
 * entry. The one place both are built, for the study screen (which shows the outcome before the
 * answer is stored), the answer transaction and the backup replay. Pure: the outcome comes from
 * lib/scheduler.ts, the time from the caller.
 */
import { type Grade, memoryOf, type MemoryState, type ReviewEntry, type StudyCard, withQueueFields } from './model';
import type { AnswerOutcome } from './scheduler';
import { studyDayOf } from './study-day';

/** The facts of one answer that are not FSRS's: who, when, how long. */
export type AnswerFacts = Pick<ReviewEntry, 'id' | 'cardId' | 'deckId' | 'grade' | 'reviewedAt' | 'durationMs' | 'day'>;

/** The log entry of an answer: its facts, the memory before it, and what FSRS made of it. */
export function reviewEntryOf(facts: AnswerFacts, before: MemoryState, outcome: AnswerOutcome): ReviewEntry {
  // Written out rather than spread: a restore or an import builds 300,000 of these, and a spread
  // makes each one several times slower to build.
  return {
    id: facts.id,
    cardId: facts.cardId,
    deckId: facts.deckId,
    grade: facts.grade,
    reviewedAt: facts.reviewedAt,
    durationMs: facts.durationMs,
    day: facts.day,
    stateBefore: before.state,
    dueBefore: before.due,
    stabilityAfter: outcome.after.stability,
    difficultyAfter: outcome.after.difficulty,
    elapsedDays: outcome.elapsedDays,
    scheduledDays: outcome.scheduledDays,
    before,
  };
}

/** An answer as the learner gives it. */
export interface GivenAnswer {
  reviewId: string;
  grade: Grade;
  /** When the grade was given. */
  now: number;
  durationMs: number;
  dayStartHour: number;
  /** The leech threshold when the learner answers live (absent in replays of past answers). */
  leechLapses?: number;
}

/**
 * Whether a lapse makes the card a leech: at the threshold, then again every half threshold
 * (as Anki does), so a leech the learner reworded and unsuspended is caught again if it still fails.
 */
export function isLeechLapse(lapses: number, threshold: number): boolean {
  if (threshold <= 0 || lapses < threshold) return false;
  return (lapses - threshold) % Math.max(1, Math.floor(threshold / 2)) === 0;
}

/**
 * The card after the answer (its `rev` bumped, its queue fields recomputed) and the log entry.
 * @example const { card, review } = applyAnswer(card, previews[Grade.Good], answer)
 */
export function applyAnswer(card: StudyCard, outcome: AnswerOutcome, a: GivenAnswer): { card: StudyCard; review: ReviewEntry } {
  const before = memoryOf(card);
  const review = reviewEntryOf(
    {
      id: a.reviewId,
      cardId: card.id,
      deckId: card.deckId,
      grade: a.grade,
      reviewedAt: a.now,
      durationMs: Math.max(0, Math.round(a.durationMs)),
      day: studyDayOf(a.now, a.dayStartHour),
    },
    before,
    outcome,
  );
  let after: StudyCard = { ...card, ...outcome.after, rev: card.rev + 1 };
  // A live lapse at the leech threshold: tagged and suspended, so it stops costing time every day.
  if (a.leechLapses !== undefined && outcome.after.lapses > before.lapses && isLeechLapse(outcome.after.lapses, a.leechLapses))
    after = { ...after, suspended: true, marksAt: a.now, tags: after.tags.includes('leech') ? after.tags : [...after.tags, 'leech'] };
  return { card: withQueueFields(after), review };
}

/**
 * A button's outcome, computed when the card was shown (`shownAt`), for an answer given at `at`:
 * the same intervals and memory, counted from the moment of the answer. So the interval the
 * button showed is the one stored, and FSRS runs once per card shown rather than again on answer.
 * (Seconds of thinking never change FSRS's whole-day elapsed time, except across a day boundary,
 * where the learner still gets exactly what the button said.)
 */
export function outcomeAt(preview: AnswerOutcome, shownAt: number, at: number): AnswerOutcome {
  const shift = at - shownAt;
  if (shift === 0) return preview;
  return {
    ...preview,
    after: { ...preview.after, due: preview.after.due + shift, lastReview: preview.after.lastReview === null ? null : preview.after.lastReview + shift },
  };
}
