/**
 * Exam-date pacing: how many new cards a day it takes to have seen every card of a
 * certification a chosen number of days before the exam, leaving those days for review.
 */
import { addDays, daysBetween } from '../study-day';

export type Pacing =
  | { status: 'no-date'; unseen: number }
  | { status: 'exam-passed'; unseen: number; examDate: string }
  | { status: 'done'; unseen: 0; examDate: string; daysToExam: number }
  /** On plan: `perDay` new cards from today reaches every card by `deadline`. */
  | { status: 'plan'; unseen: number; examDate: string; daysToExam: number; deadline: string; daysLeft: number; perDay: number }
  /** The buffer has begun: `perDay` still shows every card before the exam day, with no buffer. */
  | { status: 'late'; unseen: number; examDate: string; daysToExam: number; deadline: string; daysLeft: number; perDay: number };

/**
 * `daysLeft` counts today: with the deadline tomorrow there are two days to introduce cards in.
 * @example pacingOf(100, '2026-11-24', '2026-12-18', 14) // deadline 2026-12-04, 11 days, 10 a day
 */
export function pacingOf(unseen: number, today: string, examDate: string | null, bufferDays: number): Pacing {
  if (examDate === null) return { status: 'no-date', unseen };
  const daysToExam = daysBetween(today, examDate);
  if (daysToExam < 0) return { status: 'exam-passed', unseen, examDate };
  if (unseen === 0) return { status: 'done', unseen: 0, examDate, daysToExam };
  const deadline = addDays(examDate, -bufferDays);
  const daysLeft = daysBetween(today, deadline) + 1;
  if (daysLeft >= 1) return { status: 'plan', unseen, examDate, daysToExam, deadline, daysLeft, perDay: Math.ceil(unseen / daysLeft) };
  // Inside the buffer: what remains still fits on the days before the exam day (today included).
  return { status: 'late', unseen, examDate, daysToExam, deadline, daysLeft: Math.max(1, daysToExam), perDay: Math.ceil(unseen / Math.max(1, daysToExam)) };
}

/**
 * The last day on which new cards are still needed at `perDay` a day from today, or null when
 * `perDay` is 0 (never).
 */
export function finishDayAt(unseen: number, perDay: number, today: string): string | null {
  if (unseen === 0) return today;
  if (perDay <= 0) return null;
  return addDays(today, Math.ceil(unseen / perDay) - 1);
}
