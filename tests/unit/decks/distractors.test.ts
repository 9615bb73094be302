import { describe, expect, it } from 'vitest';
import { type DistractorCandidate, pickDistractors } from '@/lib/decks/distractors';

const concept = (key: string, over: Partial<DistractorCandidate> = {}): DistractorCandidate => ({ key, term: `Term ${key}`, sub: 'cism-2022/3B6', domain: 'cism-2022/3', group: 'g', ...over });
const keysOf = (xs: readonly DistractorCandidate[]) => xs.map((x) => x.key);
// The order a card's hash would give; here simply by key, so the rule alone decides.
const byKey = (xs: DistractorCandidate[]) => xs.slice().sort((a, b) => a.key.localeCompare(b.key));

describe('wrong options for a concept', () => {
  const group = ['a', 'b', 'c', 'd', 'e'].map((k) => concept(k));

  it('come from its group first', () => {
    expect(keysOf(pickDistractors(concept('t'), group, byKey))).toEqual(['a', 'b', 'c']);
  });

  it('always include the concepts it contrasts with, ahead of its group', () => {
    const target = concept('t', { contrastsWith: ['e'] });
    expect(keysOf(pickDistractors(target, group, byKey))).toEqual(['e', 'a', 'b']);
  });

  it('never include a concept it overlaps, nor one that names it as overlapping', () => {
    const target = concept('t', { overlapsWith: ['a'] });
    const others = group.map((c) => (c.key === 'b' ? { ...c, overlapsWith: ['t'] } : c));
    expect(keysOf(pickDistractors(target, others, byKey))).toEqual(['c', 'd', 'e']);
  });
});
