/**
 * Today's study queue: learning and relearning cards that are due, then due reviews, then
 * new cards, within the daily limits. Pure: storage hands in the candidates, already sorted.
 */
import type { StudyCard, StudySettings } from './model';

export interface TodayCandidates {
  /** Learning/relearning cards due before the study day ends, by due time. */
  learning: StudyCard[];
  /** Review cards due before the study day ends, by due time. */
  review: StudyCard[];
  /** New cards in introduction order. */
  fresh: StudyCard[];
}

export interface DoneToday {
  /** New cards introduced today. */
  newCards: number;
  /** Answers today to cards that were in review state. */
  reviews: number;
}

export type DailyLimits = Pick<StudySettings, 'newCardsPerDay' | 'reviewsPerDay'>;

export interface TodayCounts {
  newCards: number;
  learning: number;
  review: number;
}

/** How many of each kind may still be studied today. */
export function remainingToday(available: TodayCounts, done: DoneToday, limits: DailyLimits): TodayCounts {
  return {
    newCards: Math.max(0, Math.min(available.newCards, limits.newCardsPerDay - done.newCards)),
    learning: available.learning,
    review: Math.max(0, Math.min(available.review, limits.reviewsPerDay - done.reviews)),
  };
}

export type TodayQueue = TodayCandidates;

/**
 * @example buildTodayQueue(candidates, { newCards: 3, reviews: 0 }, settings)
 */
export function buildTodayQueue(candidates: TodayCandidates, done: DoneToday, limits: DailyLimits): TodayQueue {
  const left = remainingToday(
    { newCards: candidates.fresh.length, learning: candidates.learning.length, review: candidates.review.length },
    done,
    limits,
  );
  return {
    learning: candidates.learning.slice(),
    review: candidates.review.slice(0, left.review),
    fresh: candidates.fresh.slice(0, left.newCards),
  };
}

/** Anki's "learn ahead": a learning card due this soon is shown rather than making the learner wait. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export type NextPick =
  | { kind: 'card'; card: StudyCard }
  | { kind: 'wait'; until: number }
  | { kind: 'done' };

/** The card to show now. */
export function pickNext(queue: TodayQueue, now: number, learnAheadMs = LEARN_AHEAD_MS): NextPick {
  const firstLearning = queue.learning[0];
  if (firstLearning && firstLearning.due <= now) return { kind: 'card', card: firstLearning };
  const review = queue.review[0];
  if (review) return { kind: 'card', card: review };
  const fresh = queue.fresh[0];
  if (fresh) return { kind: 'card', card: fresh };
  if (firstLearning && firstLearning.due <= now + learnAheadMs) return { kind: 'card', card: firstLearning };
  if (firstLearning) return { kind: 'wait', until: firstLearning.due };
  return { kind: 'done' };
}

export function withoutCard(queue: TodayQueue, cardId: string): TodayQueue {
  const keep = (c: StudyCard) => c.id !== cardId;
  return { learning: queue.learning.filter(keep), review: queue.review.filter(keep), fresh: queue.fresh.filter(keep) };
}

/**
 * After an answer: the card leaves the queue, and comes back into the learning list if its
 * next step falls inside today.
 */
export function afterAnswer(queue: TodayQueue, answered: StudyCard, dayEnd: number): TodayQueue {
  const rest = withoutCard(queue, answered.id);
  if (answered.queue !== 'learn' || answered.due >= dayEnd) return rest;
  const learning = rest.learning.slice();
  let i = learning.length;
  while (i > 0 && learning[i - 1]!.due > answered.due) i -= 1;
  learning.splice(i, 0, answered);
  return { ...rest, learning };
}

export function queueSize(queue: TodayQueue): number {
  return queue.learning.length + queue.review.length + queue.fresh.length;
}
