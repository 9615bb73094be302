/**
 * Which concepts an attempt asks about: a mock exam draws by the exam's domain weights, a quiz
 * from the domains and sources the learner chose; within a domain the questions are spread over
 * its sub-domains in turn, so a short quiz does not dwell on one of them.
 */
import type { PracticeConcept } from './bank';
import { type Random, shuffle } from './random';

/**
 * Whole question counts in proportion to `weights`, summing to `total` (largest remainder; a tie
 * goes to the larger weight, then to the earlier domain).
 * @example countsByWeight([17, 20, 33, 30], 150) // [25, 30, 50, 45]
 */
export function countsByWeight(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('The weights must add up to more than zero');
  const exact = weights.map((w) => (w / sum) * total);
  // Rounded so that 25.500000000000004 and 49.5 tie, as they do on paper.
  const counts = exact.map((x) => Math.floor(x + 1e-9));
  const order = exact
    .map((x, i) => ({ i, rest: Math.round((x - Math.floor(x)) * 1e9), w: weights[i]! }))
    .sort((a, b) => b.rest - a.rest || b.w - a.w || a.i - b.i);
  const missing = total - counts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k += 1) counts[order[k % order.length]!.i]! += 1;
  return counts;
}

/** Up to `count` concepts, taking the sub-domains in turn (each in a shuffled order). */
export function spreadOverSubdomains(concepts: readonly PracticeConcept[], count: number, random: Random): PracticeConcept[] {
  const bySub = new Map<string, PracticeConcept[]>();
  for (const c of shuffle(concepts, random)) bySub.set(c.sub, [...(bySub.get(c.sub) ?? []), c]);
  const lists = shuffle([...bySub.values()], random);
  const out: PracticeConcept[] = [];
  for (let round = 0; out.length < count; round += 1) {
    let any = false;
    for (const list of lists) {
      const c = list[round];
      if (c && out.length < count) {
        out.push(c);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

export interface DomainWeight {
  key: string;
  weight: number;
}

/**
 * A mock exam's concepts: per domain, its share of `total` by weight. A domain with fewer
 * concepts than its share gives what it has (the result is then shorter than `total`).
 */
export function drawByBlueprint(concepts: readonly PracticeConcept[], domains: readonly DomainWeight[], total: number, random: Random): PracticeConcept[] {
  const counts = countsByWeight(domains.map((d) => d.weight), total);
  const drawn = domains.flatMap((d, i) => spreadOverSubdomains(concepts.filter((c) => c.domain === d.key), counts[i]!, random));
  // Mixed, as on the exam: not all of Domain 1 first.
  return shuffle(drawn, random);
}
