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
    s.concepts.reverse();
    s.sequences.reverse();
    s.confusables.reverse();
    s.formulas.reverse();
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
    const contrast = s.contrasts.find((c) => c.who === 'cissp')!;
    contrast.why = 'Reworded explanation.';
    s.certifications.find((c) => c.key === 'cism')!.experience.summary = 'Reworded summary.';
    s.certifications.find((c) => c.key === 'cism')!.exam.durationHours = 5; // a figure on the back only
    const cissp = s.outlines.find((o) => o.key === 'cissp-2024')!;
    cissp.domains.find((d) => d.key === 'd3')!.subtopics!.find((st) => st.key === 'security-models')!.details =
      'Bell-LaPadula, Biba, Clark-Wilson';
    s.topicLocations[0]!.summary = 'Reworded summary.';
    const concept = s.concepts[0]!;
    concept.tell = 'A reworded distinction.';
    concept.example = 'A reworded example.';
    s.sequences[0]!.note = 'A reworded note.';
    const out = generateDecks(s);
    expect(idsOf(out)).toEqual(baseIds);
    const who = out.cards.find((c) => c.template === 'who-does-this' && c.factKey === `contrast/${contrast.key}`)!;
    expect(who.back).toContain('Reworded explanation.');
    expect(out.cards.find((c) => c.template === 'concept-recall' && c.factKey === `concept/${concept.key}`)!.back).toContain('A reworded example.');
  });

  it('keep every old id when facts are added, and give the new facts new ids', () => {
    const s = clone();
    const other = s.contrasts.find((c) => c.who === 'cissp')!;
    s.contrasts.push({
      key: 'test-risk-appetite',
      pair: other.pair,
      ref: 'cism-2022:2A3',
      who: 'both',
      activity: 'Explains an invented task for the test',
      why: 'Invented for the test.',
      file: 'test',
    });
    const cism = s.outlines.find((o) => o.key === 'cism-2022')!;
    cism.domains.find((d) => d.key === 'd3')!.parts![0]!.subtopics.unshift({ key: 'test-topic', code: '3A9', name: 'an invented sub-topic' });
    s.certifications[0]!.awardingBody.note = undefined;
    // a new concept in an existing group: it may become another concept's wrong option,
    // which must not renew that card
    const neighbour = s.concepts.find((c) => c.group !== undefined)!;
    s.concepts.push({ key: 'test-new-concept', ref: neighbour.ref, group: neighbour.group, term: 'Invented neighbour', definition: 'Something made up for the test.', file: 'test' });
    const ids = idsOf(generateDecks(s));
    // The area's who-does-what card lists its activities in its question, so a new activity renews
    // it (the deck sync carries its progress over); every other card keeps its id.
    const area = `contrast-pair pair/${other.pair}`;
    for (const [k, id] of baseIds) if (k !== area) expect(ids.get(k), k).toBe(id);
    expect(ids.get(area)).not.toBe(baseIds.get(area));
    expect(ids.get('who-does-this contrast/test-risk-appetite')).toBeDefined();
    expect(ids.get('subtopic-to-domain cism-2022/d3/test-topic')).toBeDefined();
    expect(ids.get('concept-recall concept/test-new-concept')).toBeDefined();
    expect(new Set(ids.values()).size).toBe(ids.size);
  });

  it('change for a card whose question changes, and only for cards that show that text', () => {
    const s = clone();
    const row = s.contrasts.find((c) => c.who === 'cissp' && c.counterpart)!;
    row.activity = 'Isolates an infected network device for the test';
    const ids = idsOf(generateDecks(s));
    expect(ids.get(`who-does-this contrast/${row.key}`)).not.toBe(baseIds.get(`who-does-this contrast/${row.key}`));
    const changed = [...baseIds].filter(([k, id]) => ids.get(k) !== id).map(([k]) => k);
    // the cards whose question shows the activity (its area's card lists them all); the counterpart's other-side card, which has it on the back, keeps its id
    expect(changed.sort()).toEqual([`contrast-other-side contrast/${row.key}`, `contrast-pair pair/${row.pair}`, `who-does-this contrast/${row.key}`]);
    const summary = generateDecks(s).cards.find((c) => c.factKey === `pair/${row.pair}`)!;
    expect(summary.back).toContain('Isolates an infected network device for the test');
  });

  it('renews a concept\'s definition card when its definition changes, and keeps its recall card', () => {
    const s = clone();
    const concept = s.concepts.find((c) => c.scenario === undefined)!;
    concept.definition = `${concept.definition} (reworded for the test)`;
    const ids = idsOf(generateDecks(s));
    const changed = [...baseIds].filter(([k, id]) => ids.get(k) !== id).map(([k]) => k);
    expect(changed).toEqual([`concept-choice concept/${concept.key}`]);
  });

  it('renaming a domain keeps "what is Domain N?" (the name is its answer) but renews "which number is X?"', () => {
    const s = clone();
    s.outlines.find((o) => o.key === 'cissp-2024')!.domains.find((d) => d.key === 'd2')!.name = 'Asset and Data Security';
    const ids = idsOf(generateDecks(s));
    expect(ids.get('domain-number-to-name cissp-2024/d2')).toBe(baseIds.get('domain-number-to-name cissp-2024/d2'));
    expect(ids.get('domain-name-to-number cissp-2024/d2')).not.toBe(baseIds.get('domain-name-to-number cissp-2024/d2'));
  });
});
