/**
 * What a quiz's draws know of the learner, read when a quiz is planned (apart from practice.ts,
 * so that the attempt screen does not carry the scheduler).
 */
import { CardState } from '../model';
import { conceptHistory, type ConceptRecord } from '../practice/history';
import type { CardKnowledge } from '../practice/plan';
import { retrievabilityOn, type Scheduler } from '../scheduler';
import { withStorageErrors } from './errors';
import { loadFinishedAttempts } from './practice';
import type { StudyDb } from './schema';
import { readCardDigest } from './stored-card-digest';

/** Below this recall probability now, a studied card counts as weak for a quiz. */
export const WEAK_RECALL = 0.85;

/**
 * What a quiz's "new", "weak", "missed" and "flagged" draws need: each concept's practice
 * record, and for each card whether it was studied and whether it is weak now (in relearning,
 * or recalled with less than WEAK_RECALL probability). Read from the card digest, not the cards.
 */
export async function loadPracticeKnowledge(
  db: StudyDb,
  scheduler: Scheduler,
  now: number,
): Promise<{ history: Map<string, ConceptRecord>; cards: Map<string, CardKnowledge> }> {
  const [finished, digest] = await withStorageErrors(() =>
    db.transaction('r', db.practiceAttempts, db.cardDigest, () => Promise.all([loadFinishedAttempts(db), readCardDigest(db)])),
  );
  const cards = new Map<string, CardKnowledge>();
  for (const e of digest) {
    const studied = e.state !== CardState.New;
    const weak = studied && (e.state === CardState.Relearning || retrievabilityOn(scheduler, e, now) < WEAK_RECALL);
    cards.set(e.id, { studied, weak });
  }
  return { history: conceptHistory(finished), cards };
}
