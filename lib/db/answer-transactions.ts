/**
 * Answering and undoing: each is one transaction over the card and its log row, so a review is
 * either fully recorded or not at all.
 */
import { applyAnswer } from '../answer';
import { type Grade, memoryOf, type ReviewEntry, type StudyCard, withQueueFields } from '../model';
import { type AnswerOutcome, answerMemory, type Scheduler } from '../scheduler';
import type { StudyDb } from './database';
import { bumpDayTotals } from './stored-day-totals';
import { recordUndoneAnswers } from './undone-answers';
import { NothingToUndoError, StaleCardError, withStorageErrors } from './errors';
import { cardStores, readCard, storeCards } from './card-store';

export interface AnswerInput {
  cardId: string;
  /** The `rev` of the card as it was shown; a different stored `rev` means another tab wrote it. */
  shownRev: number;
  grade: Grade;
  now: number;
  durationMs: number;
  dayStartHour: number;
  /** The leech threshold (settings); absent: no leech rule (a replay of past answers). */
  leechLapses?: number;
  /** The answer's id; answering twice with the same id stores it once. Otherwise a random UUID. */
  reviewId?: string;
  /**
   * FSRS's outcome for this grade at `now`, as the study screen already showed it (lib/answer.ts
   * `outcomeAt`); stored as is, so FSRS does not run again. Without it the outcome is computed.
   */
  outcome?: AnswerOutcome;
}

export interface Answered {
  card: StudyCard;
  review: ReviewEntry;
}

export function answerCard(db: StudyDb, scheduler: Scheduler, input: AnswerInput): Promise<Answered> {
  return withStorageErrors(() =>
    db.transaction('rw', [...cardStores(db), db.reviews, db.dayTotals], async () => {
      const card = await readCard(db, input.cardId);
      // The same answer stored already (replayed after a reload, or by another tab): nothing to do.
      const stored = input.reviewId === undefined ? undefined : await db.reviews.get(input.reviewId);
      if (card && stored && stored.cardId === input.cardId && stored.reviewedAt === input.now) return { card, review: stored };
      if (!card || card.rev !== input.shownRev || card.retired) throw new StaleCardError();
      const outcome = input.outcome ?? answerMemory(scheduler, card.id, memoryOf(card), input.grade, input.now);
      const { card: updated, review } = applyAnswer(card, outcome, { ...input, reviewId: input.reviewId ?? crypto.randomUUID() });
      await storeCards(db, [updated]);
      await db.reviews.add(review);
      await bumpDayTotals(db, review, 1);
      return { card: updated, review };
    }),
  );
}

/**
 * Takes back an answer: the card gets its state from before the answer and the log row goes.
 * Only the card's latest answer can be undone (an older one would leave the schedule wrong).
 * The undo itself is recorded, so sync can take the answer back on other devices too.
 */
export function undoAnswer(db: StudyDb, reviewId: string, now: number = Date.now()): Promise<StudyCard> {
  return withStorageErrors(() =>
    db.transaction('rw', [...cardStores(db), db.reviews, db.dayTotals, db.meta], async () => {
      const review = await db.reviews.get(reviewId);
      if (!review) throw new NothingToUndoError();
      const card = await readCard(db, review.cardId);
      if (!card || card.lastReview !== review.reviewedAt) throw new StaleCardError();
      const restored = withQueueFields({ ...card, ...review.before, rev: card.rev + 1 });
      await storeCards(db, [restored]);
      await db.reviews.delete(reviewId);
      await bumpDayTotals(db, review, -1);
      await recordUndoneAnswers(db, [{ id: review.id, cardId: review.cardId, day: review.day, at: now, reviewedAt: review.reviewedAt, before: review.before }]);
      return restored;
    }),
  );
}

