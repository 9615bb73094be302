/**
 * A practice attempt as data: a quiz, a mock exam in an exam's shape, or an adaptive mock. Pure
 * functions move it from one state to the next, as lib/study/session.ts does for a study session;
 * storage (lib/db/practice.ts) keeps every state as it goes, so a reload resumes the same
 * questions, answers and clock. Practice never touches FSRS: it has its own log.
 */
import type { CertificationId } from '../decks/types';
import { adaptiveDecision } from './adaptive';
import type { Question } from './questions';

export type AttemptMode = 'quiz' | 'mock' | 'adaptive';
/** When a quiz shows whether an answer was right: after each question, or at the end. */
export type Feedback = 'each' | 'end';
export type EndReason = 'submitted' | 'time' | 'confident-pass' | 'confident-fail' | 'last-question';

export interface QuestionResponse {
  choice: number | null;
  /** Answered for good (feedback shown, or moved on in an attempt that allows no going back). */
  locked: boolean;
  flagged: boolean;
  /** Time spent on the question so far. */
  timeMs: number;
  answeredAt: number | null;
}

export interface Attempt {
  id: string;
  mode: AttemptMode;
  certification: CertificationId;
  /** "CISSP 2024 · Domain 3 quiz", "CISM mock exam". */
  title: string;
  seed: string;
  bankVersion: string;
  createdAt: number;
  /** When the time runs out (a wall-clock time, so it keeps running across reloads), or null. */
  deadline: number | null;
  feedback: Feedback;
  /** Free: go to any question; forward: never back (the adaptive exam). */
  navigation: 'free' | 'forward';
  questions: Question[];
  responses: QuestionResponse[];
  current: number;
  /** When the current question was shown (in this page's life): its time is counted from here. */
  shownAt: number;
  status: 'active' | 'finished';
  finishedAt: number | null;
  endReason: EndReason | null;
  /** Bumped by every change: the newer copy of the same attempt wins a merge. */
  updatedAt: number;
}

/** What a plan gives startAttempt: the attempt's identity and questions, its feedback and time limit. */
export type NewAttempt = Pick<Attempt, 'id' | 'mode' | 'certification' | 'title' | 'seed' | 'bankVersion' | 'questions'> & {
  feedback?: Feedback;
  timeLimitMs?: number | null;
};

export function startAttempt(a: NewAttempt, now: number): Attempt {
  if (a.questions.length === 0) throw new Error('No questions match this choice');
  return {
    id: a.id,
    mode: a.mode,
    certification: a.certification,
    title: a.title,
    seed: a.seed,
    bankVersion: a.bankVersion,
    createdAt: now,
    deadline: a.timeLimitMs ? now + a.timeLimitMs : null,
    feedback: a.mode === 'quiz' ? (a.feedback ?? 'each') : 'end',
    navigation: a.mode === 'adaptive' ? 'forward' : 'free',
    questions: a.questions,
    responses: a.questions.map(() => ({ choice: null, locked: false, flagged: false, timeMs: 0, answeredAt: null })),
    current: 0,
    shownAt: now,
    status: 'active',
    finishedAt: null,
    endReason: null,
    updatedAt: now,
  };
}

/**
 * Every change moves `updatedAt` forward, by at least 1 ms: two steps in the same millisecond (or a
 * clock set back) still order, so the newer copy wins in storage, in its write-ahead note and in a merge.
 */
const stamp = (a: Attempt, now: number) => Math.max(now, a.updatedAt + 1);

const withResponse = (a: Attempt, i: number, change: Partial<QuestionResponse>): QuestionResponse[] =>
  a.responses.map((r, k) => (k === i ? { ...r, ...change } : r));

/** The time on the current question so far is added to it, and counting starts again from `now`. */
function counted(a: Attempt, now: number): Attempt {
  const spent = Math.max(0, now - a.shownAt);
  return { ...a, responses: withResponse(a, a.current, { timeMs: a.responses[a.current]!.timeMs + spent }), shownAt: now, updatedAt: stamp(a, now) };
}

/** After a reload: the time the page was closed counts on the exam clock, not on the question. */
export function resumed(a: Attempt, now: number): Attempt {
  return { ...a, shownAt: now };
}

export function remainingMs(a: Attempt, now: number): number | null {
  return a.deadline === null ? null : Math.max(0, a.deadline - now);
}

export function isTimeUp(a: Attempt, now: number): boolean {
  return a.status === 'active' && a.deadline !== null && now >= a.deadline;
}

/** Selects an option of the current question; a locked answer stays as it is. */
export function choose(a: Attempt, choice: number, now: number): Attempt {
  const r = a.responses[a.current]!;
  if (a.status !== 'active' || r.locked || choice < 0 || choice >= a.questions[a.current]!.options.length) return a;
  return { ...a, responses: withResponse(a, a.current, { choice, answeredAt: now }), updatedAt: stamp(a, now) };
}

export function toggleFlag(a: Attempt, now: number): Attempt {
  if (a.status !== 'active') return a;
  return { ...a, responses: withResponse(a, a.current, { flagged: !a.responses[a.current]!.flagged }), updatedAt: stamp(a, now) };
}

/** Whether moving to question `i` is allowed now. */
export function canGoTo(a: Attempt, i: number): boolean {
  if (a.status !== 'active' || i < 0 || i >= a.questions.length || i === a.current) return false;
  if (a.navigation === 'free') return true;
  return i === a.current + 1 && a.responses[a.current]!.locked;
}

export function goTo(a: Attempt, i: number, now: number): Attempt {
  if (!canGoTo(a, i)) return a;
  return { ...counted(a, now), current: i };
}

/**
 * Enter: confirms the chosen option. A quiz with feedback after each question locks it and shows
 * the result (a second Enter moves on); the adaptive exam locks it and moves on, or ends once its
 * estimate is clear; otherwise it moves to the next question.
 */
export function confirm(a: Attempt, now: number): Attempt {
  if (a.status !== 'active') return a;
  const r = a.responses[a.current]!;
  const last = a.current === a.questions.length - 1;
  if (r.choice === null) return a;
  if (a.mode === 'quiz' && a.feedback === 'each' && !r.locked) {
    const c = counted(a, now);
    return { ...c, responses: withResponse(c, a.current, { locked: true }) };
  }
  if (a.mode === 'adaptive') {
    const c = counted(a, now);
    const locked: Attempt = { ...c, responses: withResponse(c, a.current, { locked: true }) };
    // At the last question the share decides (score.ts); before it, only a clear estimate ends the exam.
    if (last) return finish(locked, now, 'last-question');
    const decision = adaptiveDecision(correctnessOf(locked));
    if (decision !== 'continue') return finish(locked, now, decision === 'pass' ? 'confident-pass' : 'confident-fail');
    return { ...locked, current: a.current + 1 };
  }
  return last ? counted(a, now) : goTo(a, a.current + 1, now);
}

/** Right or wrong for each locked answer of a forward-only attempt, in order. */
export function correctnessOf(a: Attempt): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < a.questions.length && a.responses[i]!.locked; i += 1) out.push(a.responses[i]!.choice === a.questions[i]!.answer);
  return out;
}

/**
 * Ends the attempt. An adaptive exam keeps only the questions it asked; when its time runs out
 * before the minimum number of questions, it is not passed (see adaptive.ts).
 */
export function finish(a: Attempt, now: number, reason: EndReason): Attempt {
  if (a.status !== 'active') return a;
  const c = counted(a, now);
  const asked = a.mode === 'adaptive' ? Math.max(1, c.responses.filter((r) => r.locked).length) : c.questions.length;
  return {
    ...c,
    questions: c.questions.slice(0, asked),
    responses: c.responses.slice(0, asked),
    current: Math.min(c.current, asked - 1),
    status: 'finished',
    finishedAt: now,
    endReason: reason,
    // `now` can be earlier than the last change: a time-out is dated at the deadline, which may
    // come before a step taken just after it, or before the stored state (another clock). The
    // finished copy must still be the newer one, or storage keeps the attempt in progress.
    updatedAt: stamp(c, now),
  };
}

/** What the review screen before submitting lists. */
export function progressOf(a: Attempt): { answered: number; unanswered: number[]; flagged: number[] } {
  const unanswered: number[] = [];
  const flagged: number[] = [];
  a.responses.forEach((r, i) => {
    if (r.choice === null) unanswered.push(i);
    if (r.flagged) flagged.push(i);
  });
  return { answered: a.responses.length - unanswered.length, unanswered, flagged };
}


/**
 * Which of two copies of the same attempt to keep (a backup import, later a sync): a finished
 * copy beats one in progress, then the one changed last; on a tie, the first (the stored one).
 */
export function keptCopy(first: Pick<Attempt, 'status' | 'updatedAt'>, second: Pick<Attempt, 'status' | 'updatedAt'>): 'first' | 'second' {
  if (first.status !== second.status) return first.status === 'finished' ? 'first' : 'second';
  return second.updatedAt > first.updatedAt ? 'second' : 'first';
}
