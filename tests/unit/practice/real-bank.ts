import { buildDecksWithSources } from '@/lib/decks/generate';
import { practiceBankOf } from '@/lib/decks/build-practice-bank';
import type { PracticeBank } from '@/lib/practice/bank';
import type { GeneratedDomain } from '@/lib/decks/types';
import { realSources } from '../decks/helpers';

let cached: { bank: PracticeBank; domains: GeneratedDomain[] } | null = null;

/** The practice bank and outline domains built from the real deck sources (once per test file). */
export function realBank(): { bank: PracticeBank; domains: GeneratedDomain[] } {
  if (!cached) {
    const { generated, sources } = buildDecksWithSources(realSources());
    cached = { bank: practiceBankOf(sources, generated.cards), domains: generated.domains };
  }
  return cached;
}
