/**
 * The durable write of a practice attempt's progress, as answer-service.ts is for answers: each
 * step (an option chosen, a flag, a move, the end) is noted in localStorage at once, stored in one
 * transaction, and the note forgotten once it committed; start-up replays what is left. The note
 * holds the progress only (answers, flags, position, clock), not the questions, which were stored
 * when the attempt began.
 */
import type { Attempt } from '../practice/attempt';
import { storeAttempt, type StoreOutcome } from './practice';
import type { StudyDb } from './schema';
import { browserStore, type NoteStore, readNotes, writeNotes } from './write-ahead-notes';

const KEY = 'cism-cissp-study:pending-practice';

type Progress = Omit<Attempt, 'questions'> & { asked: number };

const isProgress = (p: unknown): p is Progress =>
  typeof (p as Progress | null)?.id === 'string' && Array.isArray((p as Progress).responses) && typeof (p as Progress).updatedAt === 'number';

function progressOf(a: Attempt): Progress {
  const { questions, ...rest } = a;
  return { ...rest, asked: questions.length };
}

function note(a: Attempt, store: NoteStore | null): void {
  if (store) writeNotes(store, KEY, [...readNotes(store, KEY, isProgress).filter((p) => p.id !== a.id), progressOf(a)]);
}

function forget(a: Attempt, store: NoteStore | null): void {
  if (!store) return;
  // Only this state's note: a later step of the same attempt may have been noted meanwhile.
  writeNotes(store, KEY, readNotes(store, KEY, isProgress).filter((p) => !(p.id === a.id && p.updatedAt <= a.updatedAt)));
}

/**
 * Stores a state of an attempt so that neither a reload nor a closed tab loses it. The note is
 * written at once; the transaction may start later (`startAfter`, e.g. once the next question is
 * painted), and is skipped when `superseded` says a later state has been given meanwhile.
 */
export async function saveAttemptDurably(
  db: StudyDb,
  a: Attempt,
  store: NoteStore | null = browserStore(),
  startAfter?: Promise<unknown>,
  superseded?: () => boolean,
): Promise<StoreOutcome | 'superseded'> {
  note(a, store);
  try {
    await startAfter;
    // A later state of the attempt is already noted and will be stored: storing this one too would
    // only clone 150 questions again (a note holds the whole progress, so nothing is lost).
    if (superseded?.()) return 'superseded';
    return await storeAttempt(db, a);
  } finally {
    forget(a, store);
  }
}

/** Applies every noted step whose transaction did not commit before the page went away; returns how many. */
export async function replayPendingPractice(db: StudyDb, store: NoteStore | null = browserStore()): Promise<number> {
  if (!store) return 0;
  const pending = readNotes(store, KEY, isProgress);
  for (const p of pending) {
    const stored = await db.practiceAttempts.get(p.id);
    if (stored) {
      const { asked, ...progress } = p;
      await storeAttempt(db, { ...stored, ...progress, questions: stored.questions.slice(0, asked) }).catch(() => undefined);
    }
    writeNotes(store, KEY, readNotes(store, KEY, isProgress).filter((x) => !(x.id === p.id && x.updatedAt <= p.updatedAt)));
  }
  return pending.length;
}
