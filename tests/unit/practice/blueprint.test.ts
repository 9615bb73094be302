import { describe, expect, it } from 'vitest';
import { countsByWeight, drawByBlueprint, spreadOverSubdomains } from '@/lib/practice/blueprint';
import { MOCK_SHAPES, planMock } from '@/lib/practice/plan';
import { randomFrom } from '@/lib/practice/random';
import { realBank } from './real-bank';

const { bank, domains } = realBank();

describe('blueprint weighting', () => {
  it('splits a total by weight, the counts adding up exactly', () => {
    expect(countsByWeight([17, 20, 33, 30], 150)).toEqual([25, 30, 50, 45]);
    const cissp = countsByWeight([16, 10, 13, 13, 13, 12, 13, 10], 150);
    expect(cissp.reduce((a, b) => a + b)).toBe(150);
    cissp.forEach((n, i) => expect(Math.abs(n - ([16, 10, 13, 13, 13, 12, 13, 10][i]! / 100) * 150)).toBeLessThan(1));
    expect(() => countsByWeight([0, 0], 10)).toThrow(/more than zero/);
  });

  it.each(['cism', 'cissp'] as const)('gives a 150-question %s mock the domain counts of the official weights', (shape) => {
    const plan = planMock(bank, shape, domains, { id: 'x', seed: `blueprint-${shape}` });
    expect(plan.questions).toHaveLength(150);
    const mine = domains.filter((d) => d.certification === shape);
    const expected = countsByWeight(mine.map((d) => d.weight!), 150);
    mine.forEach((d, i) => expect(plan.questions.filter((q) => q.domain === d.key), d.key).toHaveLength(expected[i]!));
    expect(new Set(plan.questions.map((q) => q.conceptKey)).size).toBe(150);
    expect(plan.timeLimitMs).toBe(MOCK_SHAPES[shape].minutes * 60_000);
  });

  it('spreads a domain over its sub-domains before repeating one', () => {
    const d3 = bank.concepts.filter((c) => c.domain === 'cissp-2024/3');
    const subs = new Set(d3.map((c) => c.sub));
    const drawn = spreadOverSubdomains(d3, subs.size, randomFrom('spread'));
    expect(new Set(drawn.map((c) => c.sub)).size).toBe(subs.size);
  });

  it('is deterministic for a seed', () => {
    const weights = domains.filter((d) => d.certification === 'cism').map((d) => ({ key: d.key, weight: d.weight! }));
    const draw = (seed: string) => drawByBlueprint(bank.concepts, weights, 40, randomFrom(seed)).map((c) => c.key);
    expect(draw('s1')).toEqual(draw('s1'));
    expect(draw('s1')).not.toEqual(draw('s2'));
  });
});
