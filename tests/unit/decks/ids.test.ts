/** Card ids: a hash of template, fact key and question; stable under reordering and unrelated edits. */
import { describe, expect, it } from 'vitest';
import { fnv1a64, cardId } from '@/lib/decks/ids';
import { generateDecks, parseSources, type DeckSources } from '@/lib/decks/generate';
import type { GeneratedDecks } from '@/lib/decks/types';
import { realSources } from './helpers';

const base = parseSources(realSources());
const baseOut = generateDecks(base);
const clone = (): DeckSources => structuredClone(base);
const idsOf = (out: GeneratedDecks) => new Map(out.cards.map((c) => [`${c.template} ${c.factKey}`, c.id]));
const baseIds = idsOf(baseOut);

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('hashes UTF-8, so non-ASCII text gives a different id than its look-alike', () => {
    expect(fnv1a64('(ISC)²')).not.toBe(fnv1a64('(ISC)2'));
  });
  it('changes with the template, the fact key, the question and the choices, not with anything else', () => {
    const id = cardId('t', 'k', 'Q?', ['A', 'B']);
    expect(cardId('t', 'k', 'Q?', ['A', 'B'])).toBe(id);
    expect(cardId('u', 'k', 'Q?', ['A', 'B'])).not.toBe(id);
    expect(cardId('t', 'k2', 'Q?', ['A', 'B'])).not.toBe(id);
    expect(cardId('t', 'k', 'Q!', ['A', 'B'])).not.toBe(id);
    expect(cardId('t', 'k', 'Q?', ['B', 'A'])).not.toBe(id);
  });
});

describe('card ids', () => {
  it('stay the same when every list in the sources is reversed', () => {
    const s = clone();
    s.certifications.reverse();
    s.outlines.reverse();
    s.pairs.reverse();
    s.contrasts.reverse();
    s.decks.reverse();
    for (const o of s.outlines) {
      o.domains.reverse();
      for (const d of o.domains) {
        d.subtopics?.reverse();
        d.parts?.reverse();
        for (const p of d.parts ?? []) p.subtopics.reverse();
      }
    }
    for (const t of s.topicLocations) t.places.reverse();
    const out = generateDecks(s);
    expect(idsOf(out)).toEqual(baseIds);
    // the positions do change (so this test would notice ids derived from positions)
    expect(out.cards.map((c) => c.id)).not.toEqual(baseOut.cards.map((c) => c.id));
  });

  it('stay the same when only texts on the back change', () => {
    const s = clone();
    s.contrasts.find((c) => c.key === 'firewall-acls')!.why = 'Reworded explanation.';
    s.certifications.find((c) => c.key === 'cism')!.experience.summary = 'Reworded summary.';
    s.certifications.find((c) => c.key === 'cism')!.exam.durationHours = 5; // a figure on the back only
    const cissp = s.outlines.find((o) => o.key === 'cissp-2024')!;
    cissp.domains.find((d) => d.key === 'd3')!.subtopics!.find((st) => st.key === 'security-models')!.details =
      'Bell-LaPadula, Biba, Clark-Wilson';
    s.topicLocations[0]!.summary = 'Reworded summary.';
    const out = generateDecks(s);
    expect(idsOf(out)).toEqual(baseIds);
    const who = out.cards.find((c) => c.template === 'who-does-this' && c.factKey === 'contrast/firewall-acls')!;
    expect(who.back).toContain('Reworded explanation.');
  });

  it('keep every old id when facts are added, and give the new facts new ids', () => {
    const s = clone();
    s.contrasts.push({
      key: 'risk-appetite',
      pair: 'program',
      who: 'cism',
      activity: 'Agrees the risk appetite with senior management',
      why: 'Invented for the test.',
      file: 'test',
    });
    const cism = s.outlines.find((o) => o.key === 'cism-2022')!;
    cism.domains.find((d) => d.key === 'd3')!.parts![0]!.subtopics.unshift({ key: 'test-topic', name: 'an invented sub-topic' });
    s.certifications[0]!.awardingBody.note = undefined;
    const ids = idsOf(generateDecks(s));
    for (const [k, id] of baseIds) expect(ids.get(k), k).toBe(id);
    expect(ids.get('who-does-this contrast/risk-appetite')).toBeDefined();
    expect(ids.get('subtopic-to-domain cism-2022/d3/test-topic')).toBeDefined();
    expect(new Set(ids.values()).size).toBe(ids.size);
  });

  it('change for a card whose question changes, and only for cards that show that text', () => {
    const s = clone();
    s.contrasts.find((c) => c.key === 'ir-quarantine')!.activity = 'Isolates an infected network device';
    const ids = idsOf(generateDecks(s));
    expect(ids.get('who-does-this contrast/ir-quarantine')).not.toBe(baseIds.get('who-does-this contrast/ir-quarantine'));
    const changed = [...baseIds].filter(([k, id]) => ids.get(k) !== id).map(([k]) => k);
    // the two cards whose question shows the activity; cards that list it on the back keep their id
    expect(changed.sort()).toEqual(['contrast-other-side contrast/ir-quarantine', 'who-does-this contrast/ir-quarantine']);
    const summary = generateDecks(s).cards.find((c) => c.factKey === 'pair/ir-team')!;
    expect(summary.back).toContain('Isolates an infected network device');
  });

  it('renaming a domain keeps "what is Domain N?" (the name is its answer) but renews "which number is X?"', () => {
    const s = clone();
    s.outlines.find((o) => o.key === 'cissp-2024')!.domains.find((d) => d.key === 'd2')!.name = 'Asset and Data Security';
    const ids = idsOf(generateDecks(s));
    expect(ids.get('domain-number-to-name cissp-2024/d2')).toBe(baseIds.get('domain-number-to-name cissp-2024/d2'));
    expect(ids.get('domain-name-to-number cissp-2024/d2')).not.toBe(baseIds.get('domain-name-to-number cissp-2024/d2'));
  });
});
