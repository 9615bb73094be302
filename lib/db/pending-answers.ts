/**
 * The write-ahead notes (write-ahead-notes.ts) of answers whose IndexedDB transaction has not
 * committed yet: each answer is noted before its transaction starts and forgotten once it
 * commits, and start-up replays whatever is left. `answerCard` stores an answer with a known id only once, so a replay
 * of an answer that did commit changes nothing.
 */
import { loadSettings } from './settings';
import { answerCard, type AnswerInput } from './answer-transactions';
import type { StudyDb } from './database';
import { createScheduler } from '../scheduler';
import { browserStore, type NoteStore, readNotes, writeNotes } from './write-ahead-notes';

const KEY = 'cism-cissp-study:pending-answers';

type PendingAnswer = AnswerInput & { reviewId: string };

export type { NoteStore };

const isPending = (p: unknown): p is PendingAnswer =>
  typeof (p as PendingAnswer | null)?.reviewId === 'string' && typeof (p as PendingAnswer).cardId === 'string';
const read = (store: NoteStore) => readNotes(store, KEY, isPending);
const write = (store: NoteStore, pending: PendingAnswer[]) => writeNotes(store, KEY, pending);

export function notePendingAnswer(answer: PendingAnswer, store: NoteStore | null = browserStore()): void {
  if (store) write(store, [...read(store).filter((p) => p.reviewId !== answer.reviewId), answer]);
}

export function forgetPendingAnswer(reviewId: string, store: NoteStore | null = browserStore()): void {
  if (store) write(store, read(store).filter((p) => p.reviewId !== reviewId));
}

/** Stores every noted answer that did not commit before the page went away; returns how many were noted. */
export async function replayPendingAnswers(db: StudyDb, store: NoteStore | null = browserStore()): Promise<number> {
  if (!store) return 0;
  const pending = read(store).sort((a, b) => a.now - b.now);
  if (!pending.length) return 0;
  const scheduler = createScheduler(await loadSettings(db));
  for (const answer of pending) {
    // A refused answer (the card changed meanwhile) is dropped, as it would have been live.
    await answerCard(db, scheduler, answer).catch(() => undefined);
    forgetPendingAnswer(answer.reviewId, store);
  }
  return pending.length;
}
