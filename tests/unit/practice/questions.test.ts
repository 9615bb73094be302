import { describe, expect, it } from 'vitest';
import { giveawayWords } from '@/lib/decks/giveaways';
import { kindsOf, makeQuestion, poolOf } from '@/lib/practice/questions';
import { realBank } from './real-bank';

const { bank } = realBank();
const cissp = poolOf(bank.concepts.filter((c) => c.certification === 'cissp'));
const cism = poolOf(bank.concepts.filter((c) => c.certification === 'cism'));

describe('practice questions', () => {
  it('have four options, exactly one of them right, none twice, each with its reason', () => {
    for (const pool of [cissp, cism])
      for (const c of pool.concepts)
        for (const kind of kindsOf(c)) {
          const q = makeQuestion(c, pool, kind, 'seed-1');
          expect(q.options).toHaveLength(4);
          const texts = q.options.map((o) => o.text.toLowerCase());
          expect(new Set(texts).size, q.id).toBe(4);
          expect(q.options.filter((o) => o.conceptKey === c.key)).toHaveLength(1);
          expect(q.options[q.answer]!.conceptKey).toBe(c.key);
          for (const o of q.options) expect(o.why.length).toBeGreaterThan(10);
        }
  });

  it('draw wrong options from the same sub-domain whenever it has enough concepts', () => {
    let checked = 0;
    for (const c of cissp.concepts) {
      // Rivals that would also be right (overlapsWith, either way) are never offered, so they do not count.
      const overlaps = (x: typeof c) => c.overlapsWith?.includes(x.key) || x.overlapsWith?.includes(c.key);
      const siblings = cissp.concepts.filter((x) => x.sub === c.sub && x.key !== c.key && x.term.toLowerCase() !== c.term.toLowerCase() && !overlaps(x));
      if (siblings.length < 3) continue;
      const q = makeQuestion(c, cissp, 'definition', 'seed-2');
      for (const o of q.options) {
        const named = cissp.byKey.get(o.conceptKey)!;
        // The concepts it contrasts with, then its group, come first and may reach into another
        // sub-domain; otherwise the sub-domain.
        const contrasted = c.contrastsWith?.includes(o.conceptKey) ?? false;
        if (!contrasted && (named.group === undefined || named.group !== c.group)) expect(named.sub, `${q.id} → ${o.conceptKey}`).toBe(c.sub);
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('are the same for the same seed and differ between seeds', () => {
    const c = cissp.concepts[10]!;
    expect(makeQuestion(c, cissp, 'definition', 'a')).toEqual(makeQuestion(c, cissp, 'definition', 'a'));
    const orders = new Set(['a', 'b', 'c', 'd', 'e', 'f'].map((s) => makeQuestion(c, cissp, 'definition', s).options.map((o) => o.conceptKey).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('put the right option in every position about equally often', () => {
    const positions = [0, 0, 0, 0];
    for (const c of cissp.concepts) positions[makeQuestion(c, cissp, 'definition', 'pos').answer]! += 1;
    for (const n of positions) expect(n / cissp.concepts.length).toBeGreaterThan(0.18);
  });

  it('rarely give the answer away by a shared word (under 1 % of questions)', () => {
    let n = 0;
    let giveaways = 0;
    for (const pool of [cissp, cism])
      for (const c of pool.concepts)
        for (const kind of kindsOf(c)) {
          const q = makeQuestion(c, pool, kind, 'g');
          n += 1;
          if (giveawayWords(q.stem, q.options.map((o) => o.text), q.answer).length) giveaways += 1;
        }
    expect(giveaways / n).toBeLessThan(0.01);
  });

  it('explain a wrong option from the facts of the concept it names', () => {
    const c = cissp.concepts.find((x) => x.scenario)!;
    const q = makeQuestion(c, cissp, 'scenario', 's');
    for (const o of q.options.filter((x) => x.conceptKey !== c.key))
      expect(o.why).toContain(cissp.byKey.get(o.conceptKey)!.definition.trim().replace(/\.$/, ''));
    expect(q.stem).toBe(c.scenario);
  });
});
