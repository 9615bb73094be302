/**
 * The generated decks against their sources, the official outlines and the fact sheet.
 * The expected figures below are copied from the shared outline files on purpose: if someone
 * edits a source to a wrong number, these tests fail.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDecks, parseSources } from '@/lib/decks/generate';
import { coverageGaps, coverageOf } from '@/lib/decks/coverage';
import { giveawayWords } from '@/lib/decks/giveaways';
import { outlineItems } from '@/lib/decks/sources';
import { KNOWLEDGE_TEMPLATES } from '@/lib/decks/templates/common';
import { WHO_CHOICES } from '@/lib/decks/templates/contrasts';
import type { GeneratedCard } from '@/lib/decks/types';
import { FIXTURES_DIR, realSources } from './helpers';

const sources = parseSources(realSources());
const out = buildDecks(realSources());
const cardsOf = (template: string) => out.cards.filter((c) => c.template === template);
const card = (template: string, factKey: string): GeneratedCard => {
  const found = out.cards.filter((c) => c.template === template && c.factKey === factKey);
  expect(found, `${template} ${factKey}`).toHaveLength(1);
  return found[0]!;
};
const answerText = (c: GeneratedCard) => (c.choices ? c.choices[c.answerIndex!] : c.back);
const isKnowledge = (c: GeneratedCard) => (KNOWLEDGE_TEMPLATES as readonly string[]).includes(c.template);

const OUTLINE_DOMAINS: Record<string, [string, number][]> = {
  'cism-2022': [
    ['Information Security Governance', 17],
    ['Information Security Risk Management', 20],
    ['Information Security Program', 33],
    ['Incident Management', 30],
  ],
  'cissp-2024': [
    ['Security and Risk Management', 16],
    ['Asset Security', 10],
    ['Security Architecture and Engineering', 13],
    ['Communication and Network Security', 13],
    ['Identity and Access Management', 13],
    ['Security Assessment and Testing', 12],
    ['Security Operations', 13],
    ['Software Development Security', 10],
  ],
};

/** Sub-domains per CISSP domain and their bullets, and topics per CISM domain, from the shared outline files. */
const CISSP_SUBDOMAINS = [12, 6, 10, 3, 6, 5, 15, 5];
const CISSP_BULLETS = 277;
const CISM_TOPICS = [6, 6, 11, 12];

describe('generated decks', () => {
  it('reaches exam depth: at least 1,200 cards and 100 role contrasts', () => {
    expect(out.cards.length).toBeGreaterThanOrEqual(1200);
    expect(sources.contrasts.length).toBeGreaterThanOrEqual(100);
    expect(cardsOf('who-does-this').length).toBe(sources.contrasts.length);
  });

  it('has a deck per domain of each outline, the role contrasts, exam facts and the two small syllabus maps', () => {
    for (const [outline, domains] of Object.entries(OUTLINE_DOMAINS)) {
      const cert = outline.split('-')[0]!;
      domains.forEach(([name], i) => {
        const deck = out.decks.find((d) => d.id === `${cert}-d${i + 1}`);
        expect(deck?.name, `${cert}-d${i + 1}`).toBe(`${cert.toUpperCase()} ${outline.split('-')[1]} · Domain ${i + 1}: ${name}`);
        const cards = out.cards.filter((c) => c.deckId === deck!.id);
        expect(cards.length).toBeGreaterThanOrEqual(30);
        for (const c of cards) {
          expect(isKnowledge(c), c.template).toBe(true);
          expect(c.tags).toContain(`domain:${outline}/${i + 1}`);
        }
      });
    }
    for (const id of ['who-does-what', 'exam-facts', 'cissp-domains', 'cism-domains'])
      expect(out.cards.some((c) => c.deckId === id), id).toBe(true);
    // the maps are small next to what they map
    const map = out.cards.filter((c) => c.deckId === 'cissp-domains' || c.deckId === 'cism-domains').length;
    expect(map / out.cards.length).toBeLessThan(0.15);
  });

  it('has both outlines with the official names and weights', () => {
    for (const [outline, expected] of Object.entries(OUTLINE_DOMAINS)) {
      const doms = out.domains.filter((d) => d.outline === outline);
      expect(doms.map((d) => [d.name, d.weight])).toEqual(expected);
      for (const d of doms) expect(d.key).toBe(`${outline}/${d.number}`);
    }
    expect(new Set(out.domains.map((d) => d.outline))).toEqual(new Set(Object.keys(OUTLINE_DOMAINS)));
  });

  it('knows every CISSP 2024 sub-domain with its bullet count and every CISM 2022 topic with its code', () => {
    const items = [...outlineItems(sources).values()];
    const cissp = items.filter((i) => i.outline.key === 'cissp-2024');
    expect(CISSP_SUBDOMAINS.map((n, d) => cissp.filter((i) => i.domain.number === d + 1).length)).toEqual(CISSP_SUBDOMAINS);
    expect(cissp.reduce((s, i) => s + (i.subtopic.items ?? 0), 0)).toBe(CISSP_BULLETS);
    expect(cissp.find((i) => i.subtopic.code === '3.7')?.subtopic.items).toBe(13);
    const cism = items.filter((i) => i.outline.key === 'cism-2022');
    expect(CISM_TOPICS.map((n, d) => cism.filter((i) => i.domain.number === d + 1).length)).toEqual(CISM_TOPICS);
    expect(cism.map((i) => i.subtopic.code)).toContain('4B6');
  });

  it('covers every sub-domain and topic with at least three concept cards, and every official bullet with a concept', () => {
    const rows = coverageOf(sources, out.cards);
    expect(rows).toHaveLength(62 + 35);
    expect(coverageGaps(rows).map((g) => `${g.ref} (${g.conceptCards} concept cards; bullets ${g.uncoveredBullets.join(',')})`)).toEqual([]);
  });

  it('gives every knowledge card its certification, outline, domain and sub-domain tags, and no other card a domain tag', () => {
    const subdomains = new Set([...outlineItems(sources).keys()].map((ref) => ref.replace(':', '/')));
    for (const c of out.cards) {
      const domainTags = c.tags.filter((t) => t.startsWith('domain:'));
      if (!isKnowledge(c)) {
        // readiness counts domain-tagged cards only: the map, exam facts and contrasts must not carry one
        expect(domainTags, `${c.template} ${c.factKey}`).toEqual([]);
        continue;
      }
      expect(domainTags).toHaveLength(1);
      const sub = c.tags.find((t) => t.startsWith('subdomain:'))!.slice('subdomain:'.length);
      expect(subdomains.has(sub), sub).toBe(true);
      const [outline, code] = sub.split('/');
      const domainNumber = /^\d+/.exec(code!)![0];
      expect(domainTags[0]).toBe(`domain:${outline}/${domainNumber}`);
      expect(c.tags).toContain(`outline:${outline}`);
      expect(c.tags).toContain(`cert:${outline!.split('-')[0]}`);
    }
  });

  it('ties every fact to an outline item that exists, and says which item on the back', () => {
    const items = outlineItems(sources);
    for (const f of [...sources.concepts, ...sources.sequences, ...sources.confusables, ...sources.formulas]) {
      const item = items.get(f.ref);
      expect(item, `${f.key}: ${f.ref}`).toBeDefined();
    }
    for (const c of out.cards.filter(isKnowledge)) expect(c.back).toMatch(/\*(CISSP 2024|CISM 2022) · \d+(\.\d+|[A-B]\d) /);
  });

  it('has no multiple-choice card whose question shares a distinctive word with the right option only', () => {
    const offenders = out.cards
      .filter((c) => c.choices && c.template !== 'who-does-this')
      .filter((c) => c.template !== 'sequence-first' && c.template !== 'sequence-next' && c.template !== 'confusable-choice')
      .map((c) => ({ c, words: giveawayWords(c.front, c.choices!, c.answerIndex!) }))
      .filter((x) => x.words.length > 0)
      .map((x) => `${x.c.factKey}: ${x.words.join(', ')}`);
    expect(offenders).toEqual([]);
  });

  it('draws four different options for definition and scenario cards, from neighbours of the same outline', () => {
    for (const c of [...cardsOf('concept-choice'), ...cardsOf('concept-scenario')]) {
      expect(c.choices, c.factKey).toHaveLength(4);
      expect(new Set(c.choices!.map((x) => x.toLowerCase())).size).toBe(4);
      const outline = c.tags.find((t) => t.startsWith('outline:'))!.slice('outline:'.length);
      const terms = new Set(sources.concepts.filter((x) => x.ref.startsWith(`${outline}:`)).map((x) => x.term));
      for (const choice of c.choices!) expect(terms.has(choice), `${c.factKey}: ${choice}`).toBe(true);
      const concept = sources.concepts.find((x) => `concept/${x.key}` === c.factKey)!;
      expect(answerText(c)).toBe(concept.term);
    }
    // the right option is not always in the same place
    const positions = new Set(cardsOf('concept-choice').map((c) => c.answerIndex));
    expect(positions.size).toBe(4);
  });

  it('asks every step of every ordered process, with the right next step', () => {
    for (const q of sources.sequences) {
      expect(card('sequence-order', `sequence/${q.key}`).back).toContain(q.steps.map((st, i) => `${i + 1}. ${st}`).join('\n'));
      expect(answerText(card('sequence-first', `sequence/${q.key}`))).toBe(q.steps[0]);
      for (let i = 1; i < q.steps.length; i += 1) {
        const c = card('sequence-next', `sequence/${q.key}/${i}`);
        expect(c.front).toContain(`*${q.steps[i - 1]}*`);
        expect(answerText(c)).toBe(q.steps[i]);
        expect(c.choices).not.toContain(q.steps[i - 1]);
        // The wrong options are the steps nearest the right one, never a far one while a nearer is left out.
        const distance = (step: string) => Math.abs(q.steps.indexOf(step) - i);
        const offered = Math.max(...c.choices!.filter((o) => o !== q.steps[i]).map(distance));
        const left = q.steps.filter((st, k) => k !== i && k !== i - 1 && !c.choices!.includes(st)).map(distance);
        for (const d of left) expect(d, `${q.key} step ${i}`).toBeGreaterThanOrEqual(offered);
      }
    }
  });

  it('offers every member of a confused set on each of its cards', () => {
    for (const set of sources.confusables)
      set.members.forEach((m, i) => {
        const c = card('confusable-choice', `confusable/${set.key}/${i}`);
        expect(answerText(c)).toBe(m.term);
        expect([...c.choices!].sort()).toEqual(set.members.map((x) => x.term).sort());
      });
  });

  it('asks role contrasts with the same four choices on every card, and no answer that is right most of the time', () => {
    const who = cardsOf('who-does-this');
    for (const c of who) expect(c.choices).toEqual([...WHO_CHOICES]);
    const share = (label: string) => who.filter((c) => answerText(c) === label).length / who.length;
    for (const label of WHO_CHOICES) expect(share(label), label).toBeLessThanOrEqual(0.45);
    expect(share('Both')).toBeGreaterThanOrEqual(0.08);
    expect(share('Neither')).toBeGreaterThanOrEqual(0.08);
    for (const c of sources.contrasts) {
      const back = card('who-does-this', `contrast/${c.key}`).back;
      expect(back.startsWith(`**${c.who === 'cism' ? 'CISM' : c.who === 'cissp' ? 'CISSP' : c.who === 'both' ? 'Both' : 'Neither'}**`), c.key).toBe(true);
      expect(back).not.toMatch(/source article/i);
    }
  });

  it('teaches the other side of each contrast from its named counterpart, never from an unrelated task', () => {
    const byKey = new Map(sources.contrasts.map((c) => [c.key, c]));
    for (const c of sources.contrasts.filter((x) => x.who === 'cism' || x.who === 'cissp')) {
      const other = byKey.get(c.counterpart!)!;
      expect(other.counterpart).toBe(c.key);
      const side = card('contrast-other-side', `contrast/${c.key}`);
      expect(side.back).toContain(other.activity.charAt(0).toLowerCase() + other.activity.slice(1));
      expect(side.front).toContain(c.who.toUpperCase());
      // Tagged with both sides' outline items: the answer teaches the counterpart's.
      expect(side.tags).toEqual(expect.arrayContaining([`about:${c.ref.replace(':', '/')}`, `about:${other.ref.replace(':', '/')}`]));
    }
  });

  it('lists every activity of an area on its who-does-what card, so the card asks something checkable', () => {
    const areas = new Set(sources.contrasts.map((c) => c.pair));
    expect(cardsOf('contrast-pair')).toHaveLength(areas.size);
    for (const area of areas) {
      const front = card('contrast-pair', `pair/${area}`).front;
      for (const c of sources.contrasts.filter((x) => x.pair === area)) expect(front, c.key).toContain(`\n- ${c.activity}`);
    }
  });

  it('covers every domain of both outlines with role contrasts', () => {
    const domains = new Set(sources.contrasts.map((c) => c.ref.replace(/^([a-z0-9-]+):(\d+).*$/, '$1/$2')));
    for (const d of out.domains) expect(domains.has(d.key), d.key).toBe(true);
  });

  it('keeps the id, and so the progress, of every card of the previous release whose question did not change', () => {
    const previous = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'previous-release-ids.json'), 'utf8')) as {
      cards: { id: string; template: string; factKey: string; front: string }[];
    };
    expect(previous.cards.length).toBeGreaterThan(50);
    const ids = new Map(out.cards.map((c) => [c.id, c]));
    for (const old of previous.cards) {
      const now = ids.get(old.id);
      expect(now?.front, `${old.template} ${old.factKey}`).toBe(old.front);
    }
  });

  it('maps each older (2017) CISM domain name to its 2022 name', () => {
    const version = cardsOf('domain-name-version').filter((c) => c.factKey.startsWith('cism-2022/'));
    expect(version.map((c) => [c.front.match(/named \*(.+)\*/)![1], c.back])).toEqual([
      ['Information Risk Management', '**Information Security Risk Management**.'],
      ['Information Security Program Development and Management', '**Information Security Program**.'],
      ['Information Security Incident Management', '**Incident Management**.'],
    ]);
    for (const c of version) expect(c.front).toContain('the CISM job practice used until May 2022');
  });

  it('states the exam facts of the outlines', () => {
    const back = (k: string) => card(k.includes('exam') || k.includes('experience') ? 'exam-fact' : 'cert-fact', k).back;
    expect(back('cism/awarding-body')).toContain('**ISACA**');
    expect(back('cissp/awarding-body')).toContain('**ISC2**');
    expect(back('cism/exam-questions')).toMatch(/^\*\*150\*\* questions.*multiple choice/);
    expect(back('cissp/exam-questions')).toMatch(/^\*\*100 to 150\*\* questions.*adaptive/);
    expect(back('cism/exam-duration')).toMatch(/^\*\*4 hours\*\*\.\n\n\*These are the exam facts under the CISM 2022 job practice\. .*3 November 2026/);
    for (const k of ['cism/exam-questions', 'cism/exam-pass-mark']) expect(back(k)).toContain('under the CISM 2022 job practice');
    expect(back('cism/experience')).not.toContain('job practice');
    expect(back('cissp/exam-duration')).toBe('**3 hours**.');
    expect(back('cism/exam-pass-mark')).toMatch(/^\*\*450\*\* on a scale that goes up to 800/);
    expect(back('cissp/exam-pass-mark')).toMatch(/^\*\*700\*\* on a scale that goes up to 1000/);
    // the managerial share of the CISSP by exam weight (Domain 1, 16 %), not by counting domains
    expect(back('cissp/managerial-share')).toMatch(/^\*\*About 16 %\*\*.*Domain 1.*16 %/s);
    expect(card('outline-fact', 'cissp-2024/heaviest').back).toMatch(/^\*\*Domain 1: Security and Risk Management\*\*, 16 %/);
    expect(card('outline-fact', 'cism-2022/heaviest').back).toMatch(/^\*\*Domain 3: Information Security Program\*\*, 33 %/);
  });

  it('asks for the letter of a CISM part as well as its domain, which most part names give away', () => {
    const ops = card('part-to-domain', 'cism-2022/d4/part-b');
    expect(ops.front).toContain('*Incident Management Operations*, and which letter is that part?');
    expect(ops.back).toBe('**Domain 4: Incident Management**, **part B**.\n\n- A. Incident Management Readiness\n- B. Incident Management Operations');
    expect(cardsOf('part-to-domain')).toHaveLength(8);
  });

  it('places incident response in CISM Domain 4 and CISSP Domain 7', () => {
    expect(card('topic-location', 'incident-response/cism-2022').back).toMatch(/^\*\*Domain 4: Incident Management\*\*/);
    expect(card('topic-location', 'incident-response/cissp-2024').back).toMatch(/^\*\*Domain 7: Security Operations\*\*/);
  });

  it('numbers each deck 0..n-1, keeps knowledge cards of one item together, and never repeats a question in a deck', () => {
    for (const d of out.decks) {
      const cards = out.cards.filter((c) => c.deckId === d.id);
      expect(cards.map((c) => c.order)).toEqual(cards.map((_, i) => i));
      if (d.certification) for (const c of cards) expect(c.tags).toContain(`cert:${d.certification}`);
      const questions = cards.map((c) => JSON.stringify([c.front, c.choices ?? []]));
      expect(new Set(questions).size).toBe(questions.length);
      const subs = cards.map((c) => c.tags.find((t) => t.startsWith('subdomain:'))).filter(Boolean);
      const runs = subs.filter((s, i) => i === 0 || s !== subs[i - 1]);
      expect(runs.length, d.id).toBe(new Set(subs).size);
    }
    expect(new Set(out.cards.map((c) => c.id)).size).toBe(out.cards.length);
    for (const c of out.cards) {
      expect(c.id).toMatch(/^[0-9a-f]{16}$/);
      expect(`${c.front}${c.back}${(c.choices ?? []).join('')}`).not.toMatch(/<[a-z]/i);
    }
  });

  it('produces identical output on two runs, whatever the order of the files', () => {
    const again = buildDecks(realSources());
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
    expect(JSON.stringify(buildDecks([...realSources()].reverse()))).toBe(JSON.stringify(out));
  });
});
