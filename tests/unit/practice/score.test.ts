import { describe, expect, it } from 'vitest';
import { choose, finish, goTo, startAttempt } from '@/lib/practice/attempt';
import { planMock } from '@/lib/practice/plan';
import { accuracyByDomain, missedCardIds } from '@/lib/practice/history';
import { scaledEstimate, scoreAttempt } from '@/lib/practice/score';
import { realBank } from './real-bank';

const { bank, domains } = realBank();
const T0 = Date.UTC(2026, 11, 1, 9);

describe('scoring', () => {
  it('maps shares to the exam scale through the assumed pass share', () => {
    expect(scaledEstimate(0, 'cism')).toBe(200);
    expect(scaledEstimate(0.65, 'cism')).toBe(450);
    expect(scaledEstimate(1, 'cism')).toBe(800);
    expect(scaledEstimate(0.7, 'cissp')).toBe(700);
    expect(scaledEstimate(1, 'cissp')).toBe(1000);
    expect(scaledEstimate(0.35, 'cissp')).toBe(350);
  });

  it('scores overall, per domain and sub-domain, counts unanswered as wrong and lists the missed', () => {
    let a = startAttempt(planMock(bank, 'cism', domains, { id: 's', seed: 's' }), T0);
    // Right on the first 100 questions, wrong on the next 20, 30 left unanswered.
    for (let i = 0; i < 120; i += 1) {
      a = goTo(a, i, T0 + i * 1000);
      a = choose(a, i < 100 ? a.questions[i]!.answer : (a.questions[i]!.answer + 1) % 4, T0 + i * 1000 + 500);
    }
    a = finish(a, T0 + 200_000, 'submitted');
    const s = scoreAttempt(a);
    expect(s).toMatchObject({ right: 100, answered: 120, total: 150 });
    expect(s.missed).toHaveLength(50);
    expect(s.missed[0]).toBe(100);
    expect(s.byDomain.reduce((n, d) => n + d.total, 0)).toBe(150);
    expect(s.byDomain.reduce((n, d) => n + d.right, 0)).toBe(100);
    expect(s.bySub.reduce((n, d) => n + d.right, 0)).toBe(100);
    const d1 = s.byDomain.find((d) => d.key === 'cism-2022/1')!;
    expect(d1.right).toBe(a.questions.slice(0, 100).filter((q) => q.domain === 'cism-2022/1').length);
    expect(s.scaled).toBe(scaledEstimate(100 / 150, 'cism'));
    expect(s.passed).toBe(s.scaled >= 450);
    expect(s.time.totalMs).toBe(200_000);
    expect(s.time.medianMs).toBe(1000);
    expect(new Set(missedCardIds(a))).toEqual(new Set(a.questions.slice(100).flatMap((q) => q.cardIds)));
    expect(accuracyByDomain([a]).get('cism-2022/1')).toEqual({ right: d1.right, total: d1.total });
  });

  it('fails an adaptive exam whose time ran out before 100 questions, whatever the share', () => {
    let a = startAttempt(planMock(bank, 'cissp-adaptive', domains, { id: 'ad', seed: 'ad' }), T0);
    a = choose(a, a.questions[0]!.answer, T0 + 1);
    a = finish(a, T0 + 3 * 3600_000, 'time');
    expect(a.questions).toHaveLength(1);
    expect(scoreAttempt(a).passed).toBe(false);
  });
});
