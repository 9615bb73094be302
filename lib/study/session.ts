/**
 * A study session as data: today's queue, the card pinned on screen after an undo or a failed
 * write, the clock, the answers that can be undone, and the count of answers. Pure functions move
 * it from one state to the next; storage and React stay outside (lib/db/answer-service.ts writes,
 * components/study/use-study-session.ts renders). A practice quiz or a custom study mode reuses it.
 */
import { applyAnswer, outcomeAt } from '../answer';
import { type Grade, GRADES, memoryOf, type StudyCard } from '../model';
import { afterAnswer, type NextPick, pickNext, queueSize, type TodayQueue, withoutCard } from '../queue';
import { type AnswerOutcome, previewAnswers, type Scheduler } from '../scheduler';
import { studyDayEnd } from '../study-day';

export interface UndoEntry {
  reviewId: string;
  cardId: string;
}

export interface SessionState {
  queue: TodayQueue;
  /** A card shown again whatever the queue says: the one an undo brought back, or whose write failed. */
  pinned: StudyCard | null;
  /** The session's clock: when the queue was last looked at. */
  now: number;
  undo: UndoEntry[];
  answered: number;
}

/** What the four buttons of the card on screen would do, as FSRS computed them when it was shown. */
export interface Previews {
  cardId: string;
  rev: number;
  at: number;
  outcomes: Record<Grade, AnswerOutcome>;
}

export function startSession(queue: TodayQueue, now: number): SessionState {
  return { queue, pinned: null, now, undo: [], answered: 0 };
}

/** The card to show, a wait for the next learning card, or done. */
export function pickOf(s: SessionState): NextPick {
  return s.pinned ? { kind: 'card', card: s.pinned } : pickNext(s.queue, s.now);
}

export function remainingOf(s: SessionState): number {
  return queueSize(s.queue);
}

/** The previews of the card on screen: the one FSRS pass an answer needs. */
export function previewsFor(scheduler: Scheduler, card: StudyCard, at: number): Previews {
  return { cardId: card.id, rev: card.rev, at, outcomes: previewAnswers(scheduler, card.id, memoryOf(card), at) };
}

/** The clock moves (waiting for a learning card). */
export function tick(s: SessionState, now: number): SessionState {
  return { ...s, now };
}

export interface AnswerStep {
  state: SessionState;
  /** The card as the answer leaves it (what the screen now assumes is stored). */
  card: StudyCard;
  /** The outcome to store: the preview the learner saw, counted from the moment of the answer. */
  outcome: AnswerOutcome;
}

/**
 * The learner grades the card on screen: the session moves on at once, from the preview the
 * buttons showed (no FSRS run). The caller stores `outcome` and calls `answerFailed` if it cannot.
 * @throws if the previews are not those of this card as shown
 */
export function answer(
  s: SessionState,
  card: StudyCard,
  previews: Previews,
  a: { grade: Grade; now: number; durationMs: number; dayStartHour: number; reviewId: string; leechLapses?: number },
): AnswerStep {
  if (previews.cardId !== card.id || previews.rev !== card.rev || !GRADES.includes(a.grade))
    throw new Error(`The answer buttons do not belong to card ${card.id} as shown`);
  const outcome = outcomeAt(previews.outcomes[a.grade], previews.at, a.now);
  const { card: after } = applyAnswer(card, outcome, a);
  return {
    state: {
      queue: afterAnswer(s.queue, after, studyDayEnd(a.now, a.dayStartHour)),
      pinned: null,
      now: a.now,
      undo: [...s.undo, { reviewId: a.reviewId, cardId: card.id }],
      answered: s.answered + 1,
    },
    card: after,
    outcome,
  };
}

/**
 * The write of an answer failed: the answer no longer counts and cannot be undone; the card is
 * shown again with the queue as it was before it (unless the queue is reloaded instead).
 */
export function answerFailed(s: SessionState, reviewId: string, before: { queue: TodayQueue; card: StudyCard }): SessionState {
  return { ...s, queue: before.queue, pinned: before.card, undo: s.undo.filter((u) => u.reviewId !== reviewId), answered: s.answered - 1 };
}

/** The answer to take back next, if any. */
export function lastAnswer(s: SessionState): UndoEntry | undefined {
  return s.undo.at(-1);
}

/** An undo was stored: the restored card is shown again, first. */
export function undone(s: SessionState, restored: StudyCard, now: number): SessionState {
  return { ...s, queue: withoutCard(s.queue, restored.id), pinned: restored, undo: s.undo.slice(0, -1), answered: s.answered - 1, now };
}

/** The card on screen left the session (buried or suspended): the next one comes up. */
export function setAside(s: SessionState, cardId: string, now: number): SessionState {
  return { ...s, queue: withoutCard(s.queue, cardId), pinned: s.pinned?.id === cardId ? null : s.pinned, now };
}

/** The card on screen was changed (flagged, edited): it stays on screen as it is stored now. */
export function changedOnScreen(s: SessionState, card: StudyCard): SessionState {
  return { ...s, queue: withoutCard(s.queue, card.id), pinned: card };
}
