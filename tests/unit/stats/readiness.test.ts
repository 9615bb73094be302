import { describe, expect, it } from 'vitest';
import type { GeneratedDomain } from '@/lib/decks/types';
import { CardState, DEFAULT_SETTINGS } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { readinessOf, type ReadinessCard } from '@/lib/stats/readiness';
import { DAY, T0 } from '../../helpers/cards';

const scheduler = createScheduler({ ...DEFAULT_SETTINGS, fuzz: false });

/** FSRS-6 forgetting curve with the default decay, written out by hand: R(t, S) = (1 + F·t/S)^−d. */
const DECAY = 0.1542;
const F = Math.pow(0.9, -1 / DECAY) - 1;
const recall = (t: number, s: number) => Math.pow(1 + (F * t) / s, -DECAY);

const domains: GeneratedDomain[] = [
  { key: 'cissp-2024/1', certification: 'cissp', outline: 'cissp-2024', number: 1, name: 'One', weight: 60 },
  { key: 'cissp-2024/2', certification: 'cissp', outline: 'cissp-2024', number: 2, name: 'Two', weight: 40 },
  { key: 'cissp-2015/1', certification: 'cissp', outline: 'cissp-2015', number: 1, name: 'Old outline' },
  { key: 'cism-2022/1', certification: 'cism', outline: 'cism-2022', number: 1, name: 'Other exam', weight: 100 },
];

function card(tag: string, stability: number, daysSinceReview: number | null, extra: Partial<ReadinessCard> = {}): ReadinessCard {
  return {
    stability,
    state: daysSinceReview === null ? CardState.New : CardState.Review,
    lastReview: daysSinceReview === null ? null : T0 - daysSinceReview * DAY,
    tags: [tag], retired: false, ...extra,
  };
}

const cards = [
  card('domain:cissp-2024/1', 10, 10), // today t = S → 0.9
  card('domain:cissp-2024/1', 30, 0), // just reviewed → 1
  card('domain:cissp-2024/1', 0, null), // never studied → 0
  card('domain:cissp-2024/2', 30, 30), // t = S → 0.9
  card('domain:cissp-2024/2', 1, 1, { retired: true }), // retired: not counted
  card('domain:cissp-2015/1', 5, 5), // another outline: not counted
  card('domain:cism-2022/1', 5, 5), // another certification
];

describe('exam readiness', () => {
  it('gives each domain its introduced share and mean recall today, never-studied cards counting 0', () => {
    const r = readinessOf('cissp', domains, cards, scheduler, T0, null);
    const one = r.domains.find((d) => d.number === 1)!;
    const two = r.domains.find((d) => d.number === 2)!;
    expect(one).toMatchObject({ tag: 'domain:cissp-2024/1', cards: 3, introduced: 2, weight: 60 });
    expect(one.introducedShare).toBeCloseTo(2 / 3, 10);
    expect(one.recallToday).toBeCloseTo((0.9 + 1 + 0) / 3, 6);
    expect(two).toMatchObject({ cards: 1, introduced: 1, introducedShare: 1, recallOnExam: null });
    expect(two.recallToday).toBeCloseTo(0.9, 6);
    expect(r.domains.map((d) => d.key)).toEqual(['cissp-2024/1', 'cissp-2024/2']);
  });

  it('weights the overall figure by the official domain weights, weakest domain first', () => {
    const r = readinessOf('cissp', domains, cards, scheduler, T0, null);
    expect(r.totalWeight).toBe(100);
    // 0.6 × 0.6333… + 0.4 × 0.9 = 0.38 + 0.36
    expect(r.overallToday).toBeCloseTo(0.74, 6);
    expect(r.domains[0]!.number).toBe(1);
    expect(r.overallOnExam).toBeNull();
  });

  it('projects recall to the exam date if no further review happens', () => {
    const examAt = T0 + 20 * DAY;
    const r = readinessOf('cissp', domains, cards, scheduler, T0, examAt);
    const one = r.domains.find((d) => d.number === 1)!;
    const two = r.domains.find((d) => d.number === 2)!;
    // card 1: t = 30, S = 10; card 2: t = 20, S = 30; card 3: 0; domain 2: t = 50, S = 30
    const d1 = (recall(30, 10) + recall(20, 30) + 0) / 3;
    const d2 = recall(50, 30);
    expect(one.recallOnExam).toBeCloseTo(d1, 6);
    expect(two.recallOnExam).toBeCloseTo(d2, 6);
    expect(r.overallOnExam).toBeCloseTo(0.6 * d1 + 0.4 * d2, 6);
    expect(r.overallOnExam!).toBeLessThan(r.overallToday);
  });

  it('orders by the exam-date figure when there is one, then by the larger weight', () => {
    const even = readinessOf('cissp', domains, [card('domain:cissp-2024/1', 0, null), card('domain:cissp-2024/2', 0, null)], scheduler, T0, T0 + DAY);
    expect(even.domains.map((d) => d.number)).toEqual([1, 2]); // both 0: the 60 % domain first
    expect(even.overallToday).toBe(0);
  });

  it('counts a domain without cards as 0 and keeps its weight', () => {
    const r = readinessOf('cissp', domains, [card('domain:cissp-2024/2', 30, 30)], scheduler, T0, null);
    expect(r.domains[0]).toMatchObject({ number: 1, cards: 0, introducedShare: 0, recallToday: 0 });
    expect(r.overallToday).toBeCloseTo(0.4 * 0.9, 6);
  });
});

describe('readiness per sub-domain', () => {
  it('gives each sub-domain of a domain its own card count, seen count and recall, in outline order', () => {
    const subdomains = [
      { key: 'cissp-2024/1.1', domain: 'cissp-2024/1', code: '1.1', name: 'ethics' },
      { key: 'cissp-2024/1.2', domain: 'cissp-2024/1', code: '1.2', name: 'concepts' },
      { key: 'cism-2022/1A1', domain: 'cism-2022/1', code: '1A1', name: 'other exam' },
    ];
    const tagged = [
      card('domain:cissp-2024/1', 10, 10, { tags: ['domain:cissp-2024/1', 'subdomain:cissp-2024/1.1'] }),
      card('domain:cissp-2024/1', 0, null, { tags: ['domain:cissp-2024/1', 'subdomain:cissp-2024/1.1'] }),
      card('domain:cissp-2024/1', 30, 0, { tags: ['domain:cissp-2024/1', 'subdomain:cissp-2024/1.2'] }),
    ];
    const r = readinessOf('cissp', domains, tagged, scheduler, T0, null, subdomains);
    const one = r.domains.find((d) => d.key === 'cissp-2024/1')!;
    expect(one.subdomains.map((s) => [s.code, s.tag, s.cards, s.introduced])).toEqual([
      ['1.1', 'subdomain:cissp-2024/1.1', 2, 1],
      ['1.2', 'subdomain:cissp-2024/1.2', 1, 1],
    ]);
    expect(one.subdomains[0]!.recallToday).toBeCloseTo(0.45, 2);
    expect(one.subdomains[1]!.recallToday).toBeCloseTo(1, 5);
    expect(r.domains.find((d) => d.key === 'cissp-2024/2')!.subdomains).toEqual([]);
  });
});

