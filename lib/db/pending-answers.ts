/**
 * A write-ahead note of answers whose IndexedDB transaction has not committed yet. IndexedDB
 * aborts a transaction that is still running when the page unloads, so an answer given just
 * before a reload or a closed tab would be lost. localStorage writes synchronously: each answer
 * is noted there before its transaction starts and forgotten once it commits, and start-up
 * replays whatever is left. `answerCard` stores an answer with a known id only once, so a replay
 * of an answer that did commit changes nothing.
 */
import { loadSettings } from './settings';
import { answerCard, type AnswerInput } from './answer-transactions';
import type { StudyDb } from './database';
import { createScheduler } from '../scheduler';

const KEY = 'cism-cissp-study:pending-answers';

type PendingAnswer = AnswerInput & { reviewId: string };

/** The part of the Web Storage API used here (tests pass a stand-in). */
export type NoteStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStore(): NoteStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: the answer still goes to IndexedDB, just without the note
  }
}

function read(store: NoteStore): PendingAnswer[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as PendingAnswer[]).filter((p) => typeof p?.reviewId === 'string' && typeof p.cardId === 'string') : [];
  } catch {
    return [];
  }
}

function write(store: NoteStore, pending: PendingAnswer[]): void {
  try {
    if (pending.length) store.setItem(KEY, JSON.stringify(pending));
    else store.removeItem(KEY);
  } catch {
    // A full localStorage only loses the safety net, never the answer itself.
  }
}

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
