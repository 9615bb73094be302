/**
 * The practice bank: the concept facts of the decks, as practice questions are made from them at
 * run time (per attempt, with the attempt's seed). Built by `npm run decks` next to the cards and
 * fetched only when a practice attempt starts, so it weighs on no page's first load.
 */
import type { CertificationId } from '../decks/types';
import type { DistractorCandidate } from '../decks/distractors';

export interface PracticeConcept extends DistractorCandidate {
  certification: CertificationId;
  definition: string;
  /** What tells it apart from its neighbours. */
  tell?: string;
  example?: string;
  /** A short situation whose answer is the term. */
  scenario?: string;
  source?: string;
  /** "CISSP 2024 · 3.2 Security models". */
  label: string;
  /** The cards that teach this concept: "Study what I missed" and the FSRS-based draws use them. */
  cardIds: string[];
}

export interface PracticeBank {
  formatVersion: 1;
  /** A hash of the concepts: the URL of the file carries it, and an attempt records it. */
  version: string;
  concepts: PracticeConcept[];
}

/** Checks a fetched bank, so a stale or broken file never starts an attempt. */
export function checkPracticeBank(data: unknown, expected: { version: string; count: number }): PracticeBank {
  if (!data || typeof data !== 'object') throw new Error('the practice questions file is not a JSON object');
  const bank = data as Partial<PracticeBank>;
  if (bank.version !== expected.version)
    throw new Error(`the practice questions file has version ${String(bank.version)}, the app expects ${expected.version}`);
  if (!Array.isArray(bank.concepts) || bank.concepts.length !== expected.count)
    throw new Error(`the practice questions file should hold ${expected.count} concepts`);
  return bank as PracticeBank;
}
