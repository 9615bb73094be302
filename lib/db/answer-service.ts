/**
 * The one owner of the durable write of an answer: note it in localStorage (a transaction still
 * running when the page unloads is aborted), store it in one transaction, forget the note once it
 * committed or was refused. Start-up replays what is left (pending-answers.ts). Every study mode
 * stores answers through here.
 */
import type { Scheduler } from '../scheduler';
import { answerCard, type Answered, type AnswerInput } from './answer-transactions';
import type { StudyDb } from './schema';
import { forgetPendingAnswer, type NoteStore, notePendingAnswer } from './pending-answers';

export type DurableAnswer = AnswerInput & { reviewId: string };

/**
 * Stores an answer so that neither a reload nor a closed tab loses it. The note is written at
 * once; the transaction may start later (`startAfter`, e.g. once the next card is painted): until
 * it commits, the note is what keeps the answer, and start-up replays it.
 * @example await submitAnswer(db, scheduler, { cardId, shownRev, grade, now, durationMs, dayStartHour, reviewId, outcome })
 */
export async function submitAnswer(
  db: StudyDb,
  scheduler: Scheduler,
  input: DurableAnswer,
  store?: NoteStore | null,
  startAfter?: Promise<unknown>,
): Promise<Answered> {
  notePendingAnswer(input, store);
  try {
    await startAfter;
    return await answerCard(db, scheduler, input);
  } finally {
    forgetPendingAnswer(input.reviewId, store);
  }
}

export { replayPendingAnswers } from './pending-answers';
