/**
 * Anki's review log → the app's answers.
 *
 * Each revlog row is one press of an answer button: `id` is when (epoch ms), `ease` the button,
 * `time` how long the learner looked (ms), `type` what kind of review it was (0 learning,
 * 1 review, 2 relearning, 3 filtered deck, 4 manual change, 5 rescheduled). Rows that are not
 * answers (type 4 and 5, and ease 0, which Anki writes for manual changes) are skipped.
 *
 * The old v1 scheduler gave cards in (re)learning three buttons, Again / Good / Easy, stored as
 * ease 1, 2, 3; every later scheduler gives four everywhere. So under v1 a learning row's ease 2
 * is Good, not Hard. A collection counts as v1 when its config says so (Anki's default when the
 * setting is missing in an old collection) and no learning row has ease 4, which a v1 learning
 * step could never write.
 *
 * `time` is capped at 60 s, the cap Anki applies when it records an answer (older versions and
 * add-ons could write more).
 */
import type { DraftAnswer } from '../draft';
import type { Grade } from '../../model';

export const MAX_ANSWER_MS = 60_000;

const LEARNING_TYPES = new Set([0, 2]);
const ANSWER_TYPES = new Set([0, 1, 2, 3]);

/** The answer a revlog row records, or null when the row is not an answer. */
export function revlogToAnswer(id: number, ease: number, timeMs: number, type: number, v1: boolean): DraftAnswer | null {
  if (!ANSWER_TYPES.has(type) || !Number.isInteger(ease) || ease < 1 || ease > 4) return null;
  if (!Number.isFinite(id) || id <= 0) return null;
  let grade = ease as Grade;
  if (v1 && LEARNING_TYPES.has(type)) {
    if (ease === 4) return null;
    grade = ease === 1 ? 1 : ease === 2 ? 3 : 4;
  }
  const durationMs = Number.isFinite(timeMs) ? Math.min(Math.max(Math.round(timeMs), 0), MAX_ANSWER_MS) : 0;
  return { at: id, grade, durationMs };
}
