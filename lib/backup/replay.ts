/**
 * A card's schedule recomputed from its whole review log, in time order.
 *
 * Each stored answer records the memory state it started from (`before`) and what FSRS made of
 * it. While the merged log runs exactly as some device recorded it — the state reached so far is
 * the answer's `before`, and the next answer (or a stored card) starts from what this answer
 * produced — the recorded result is used as it is: it is what FSRS computed at the time, under
 * the settings of the time, which the log does not keep. From the first answer where the merged
 * history differs from every recording (answers from two devices interleaved), FSRS computes
 * each answer again and its recorded fields are rewritten to match.
 *
 * So an unmerged history comes back bit for bit, and a merged one gets the schedule FSRS gives
 * to the merged sequence of answers.
 */
import { type MemoryState, type ReviewEntry } from '../model';
import { reviewEntryOf } from '../answer';
import { answerMemory, type Scheduler } from '../scheduler';
import { reviewToRow } from './format';

/** One answer as each side holds it; the facts agree, the recorded results may differ. */
export interface AnswerCopies {
  copies: ReviewEntry[];
}

export interface Replayed {
  memory: MemoryState;
  /** One version per answer, in time order. */
  reviews: ReviewEntry[];
}

export function sameMemory(a: MemoryState, b: MemoryState): boolean {
  return (
    a.due === b.due && a.stability === b.stability && a.difficulty === b.difficulty && a.elapsedDays === b.elapsedDays &&
    a.scheduledDays === b.scheduledDays && a.learningSteps === b.learningSteps && a.reps === b.reps && a.lapses === b.lapses &&
    a.state === b.state && a.lastReview === b.lastReview
  );
}

/** True when `m` is the state answer `r` produced, as far as the answer's record can tell. */
function producedBy(r: ReviewEntry, m: MemoryState): boolean {
  return m.lastReview === r.reviewedAt && m.reps === r.before.reps + 1 && m.stability === r.stabilityAfter && m.difficulty === r.difficultyAfter;
}

/** The `before` of the next answer's first copy that `r` produced, if any. */
function producedState(r: ReviewEntry, next: readonly ReviewEntry[]): MemoryState | undefined {
  for (const c of next) if (producedBy(r, c.before)) return c.before;
  return undefined;
}

const canonical = (r: ReviewEntry) => JSON.stringify(reviewToRow(r));
const byCanonical = <T>(key: (t: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Time order; answers at the same millisecond by id, so every device sorts alike. */
export function byAnswerTime(a: AnswerCopies, b: AnswerCopies): number {
  const x = a.copies[0]!;
  const y = b.copies[0]!;
  return x.reviewedAt - y.reviewedAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

function memoryOnly(m: MemoryState): MemoryState {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = m;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}

/**
 * Replays a card's answers (sorted with byAnswerTime, at least one) and returns its state after
 * the last one. `finals` are the card's stored states on each side, used for the last answer's
 * result when one of them is what that answer produced. `start`, when an earlier answer was undone,
 * is the state the card was in before any of its answers (otherwise the first answer's `before`).
 * @example replayHistory(scheduler, 'c1', [{ copies: [review] }], [memoryOf(card)]).memory
 */
export function replayHistory(scheduler: Scheduler, cardId: string, answers: readonly AnswerCopies[], finals: readonly MemoryState[], start?: MemoryState): Replayed {
  const starts = answers[0]!.copies.map((c) => c.before).sort(byCanonical((m: MemoryState) => JSON.stringify(memoryOnly(m))));
  let state = memoryOnly(start ?? starts[0]!);
  const out: ReviewEntry[] = [];
  for (let i = 0; i < answers.length; i += 1) {
    // Runs once per answer of a restore (300,000 times), so it allocates nothing on the common
    // path: one copy, and the next answer's `before` (or a final state) is what it produced.
    const copies = answers[i]!.copies;
    const next = i + 1 < answers.length ? answers[i + 1]!.copies : null;
    let kept: ReviewEntry | undefined;
    let keptAfter: MemoryState | undefined;
    let keptKey: string | undefined;
    for (const copy of copies) {
      if (!sameMemory(copy.before, state)) continue;
      const after = next ? producedState(copy, next) : finals.find((m) => producedBy(copy, m));
      if (after === undefined) continue;
      if (kept === undefined) {
        kept = copy;
        keptAfter = after;
        continue;
      }
      // Two copies both fit: the smallest by content wins, so every device picks the same one.
      keptKey ??= canonical(kept);
      const key = canonical(copy);
      if (key < keptKey) {
        kept = copy;
        keptAfter = after;
        keptKey = key;
      }
    }
    if (kept !== undefined) {
      out.push(kept);
      state = keptAfter!;
      continue;
    }
    const facts = answers[i]!.copies[0]!;
    const result = answerMemory(scheduler, cardId, state, facts.grade, facts.reviewedAt);
    out.push(
      reviewEntryOf(
        { id: facts.id, cardId: facts.cardId, deckId: facts.deckId, grade: facts.grade, reviewedAt: facts.reviewedAt, durationMs: facts.durationMs, day: facts.day },
        memoryOnly(state),
        result,
      ),
    );
    state = memoryOnly(result.after);
  }
  return { memory: memoryOnly(state), reviews: out };
}
