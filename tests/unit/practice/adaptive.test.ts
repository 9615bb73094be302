import { describe, expect, it } from 'vitest';
import { adaptiveDecision, wilsonInterval } from '@/lib/practice/adaptive';

/** `n` answers, right at an even spread so that floor(n × share) are right. */
const run = (n: number, share: number) => Array.from({ length: n }, (_, i) => Math.floor((i + 1) * share + 1e-9) > Math.floor(i * share + 1e-9));

describe('the adaptive stopping rule', () => {
  it('never stops before the minimum of 100', () => {
    expect(adaptiveDecision(Array(99).fill(true))).toBe('continue');
    expect(adaptiveDecision(Array(99).fill(false))).toBe('continue');
  });

  it('stops at 100 when clearly above or below the pass line', () => {
    expect(adaptiveDecision(Array(100).fill(true))).toBe('pass');
    expect(adaptiveDecision(Array(100).fill(false))).toBe('fail');
    const strong = run(100, 0.85);
    expect(strong.filter(Boolean).length).toBe(85);
    expect(adaptiveDecision(strong)).toBe('pass');
    expect(adaptiveDecision(run(100, 0.5))).toBe('fail');
  });

  it('goes on while the estimate is close to the line, and decides at 150 by the share', () => {
    expect(adaptiveDecision(run(120, 0.72))).toBe('continue');
    expect(adaptiveDecision(run(150, 0.72))).toBe('pass');
    expect(adaptiveDecision(run(150, 0.66))).toBe('fail');
  });

  it('uses a Wilson interval that narrows with more answers', () => {
    const a = wilsonInterval(70, 100);
    const b = wilsonInterval(105, 150);
    expect(a.low).toBeLessThan(0.7);
    expect(a.high).toBeGreaterThan(0.7);
    expect(b.high - b.low).toBeLessThan(a.high - a.low);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
