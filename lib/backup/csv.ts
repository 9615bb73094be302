/**
 * The review log as CSV: one file for people and spreadsheets, one in the column layout the
 * FSRS optimizer reads (github.com/open-spaced-repetition/fsrs-optimizer, "Review Logs Schema").
 *
 * RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line
 * break, quotes doubled. The people's file starts with a UTF-8 byte order mark, which is how
 * Excel knows the file is UTF-8; a text cell that starts with = + - @ gets a leading apostrophe
 * so a spreadsheet shows it as text instead of running it as a formula.
 */
import { type CardState, GRADE_NAMES, type ReviewEntry } from '../model';

export const BOM = '\uFEFF';

const STATE_NAMES: Record<CardState, string> = { 0: 'New', 1: 'Learning', 2: 'Review', 3: 'Relearning' };

export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export interface CardText {
  deck: string;
  question: string;
}

export const REVIEW_LOG_HEADER = [
  'card_id', 'deck', 'question', 'reviewed_at', 'rating', 'rating_name', 'state_before', 'elapsed_days', 'scheduled_days', 'answer_seconds',
];

/** One row per answer, oldest first, for people and spreadsheets. */
export function reviewLogCsv(reviews: readonly ReviewEntry[], textOf: (cardId: string) => CardText | undefined): string {
  const rows: (string | number)[][] = [REVIEW_LOG_HEADER];
  for (const r of [...reviews].sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : 1))) {
    const text = textOf(r.cardId);
    rows.push([
      r.cardId,
      text?.deck ?? r.deckId,
      text?.question ?? '',
      new Date(r.reviewedAt).toISOString(),
      r.grade,
      GRADE_NAMES[r.grade],
      STATE_NAMES[r.stateBefore],
      r.elapsedDays,
      r.scheduledDays,
      Math.round(r.durationMs / 100) / 10,
    ]);
  }
  return BOM + csv(rows);
}

export const OPTIMIZER_HEADER = ['card_id', 'review_time', 'review_rating', 'review_state', 'review_duration'];

/**
 * The optimizer's layout: review_time in epoch milliseconds (UTC), review_state the card's state
 * when it was answered (0 new, 1 learning, 2 review, 3 relearning), review_duration in ms.
 * Card ids are numbered 1, 2, 3… in the order of the app's ids: the optimizer reads ids with
 * pandas, which would turn an id such as "12e45…" into a number and merge unrelated cards.
 * No byte order mark: the optimizer expects a plain header.
 */
export function optimizerCsv(reviews: readonly ReviewEntry[]): string {
  const ids = [...new Set(reviews.map((r) => r.cardId))].sort();
  const numberOf = new Map(ids.map((id, i) => [id, i + 1]));
  const rows: (string | number)[][] = [OPTIMIZER_HEADER];
  const sorted = [...reviews].sort((a, b) => numberOf.get(a.cardId)! - numberOf.get(b.cardId)! || a.reviewedAt - b.reviewedAt);
  for (const r of sorted) rows.push([numberOf.get(r.cardId)!, r.reviewedAt, r.grade, r.stateBefore, Math.round(r.durationMs)]);
  return csv(rows);
}
