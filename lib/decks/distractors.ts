/**
 * Which concepts make the wrong options of a question about another concept. One rule for the
 * cards (built once, ordered by a hash of the card) and for practice questions (built per attempt,
 * ordered by the attempt's seed): the concepts it contrasts with first, then concepts of the same
 * group, then of the same sub-domain, then of the same domain, then of the same outline; within
 * each tier, terms of a similar length first. Concepts that overlap it (either way) are never
 * offered. Only the order inside a tier differs between the two callers.
 */

export interface DistractorCandidate {
  key: string;
  term: string;
  group?: string;
  /** Keys of the concepts always among its wrong options. */
  contrastsWith?: string[];
  /** Keys of the concepts never among its wrong options (nor it among theirs). */
  overlapsWith?: string[];
  /** "cissp-2024/3.2": the sub-domain or topic. */
  sub: string;
  /** "cissp-2024/3". */
  domain: string;
}

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const outlineOf = (c: DistractorCandidate) => c.sub.split('/')[0];

/**
 * Up to `count` concepts whose terms differ from the target's and from each other's.
 * `order` arranges the candidates of one tier (a hash order, or a seeded shuffle).
 */
export function pickDistractors<T extends DistractorCandidate>(target: T, all: readonly T[], order: (candidates: T[]) => T[], count = 3): T[] {
  const overlaps = (c: T) => target.overlapsWith?.includes(c.key) || c.overlapsWith?.includes(target.key);
  const tiers: ((c: T) => boolean)[] = [
    (c) => target.contrastsWith?.includes(c.key) ?? false,
    (c) => target.group !== undefined && c.group === target.group,
    (c) => c.sub === target.sub,
    (c) => c.domain === target.domain,
    (c) => outlineOf(c) === outlineOf(target),
  ];
  const picked: T[] = [];
  const taken = (c: T) => picked.some((p) => sameText(p.term, c.term));
  const len = target.term.length;
  const similar = (c: T) => c.term.length <= len * 2 + 8 && c.term.length * 2 + 8 >= len;
  for (const tier of tiers) {
    const ordered = order(all.filter((c) => c.key !== target.key && tier(c) && !overlaps(c) && !sameText(c.term, target.term) && !taken(c)));
    for (const c of [...ordered.filter(similar), ...ordered.filter((x) => !similar(x))]) {
      if (picked.length >= count) return picked;
      if (!taken(c)) picked.push(c);
    }
  }
  return picked;
}
