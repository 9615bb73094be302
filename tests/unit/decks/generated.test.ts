/**
 * The generated decks against their sources and against the fact sheet's figures.
 * The expected figures below are copied from the fact sheet on purpose: if someone edits a
 * source to a wrong number, these tests fail.
 */
import { describe, expect, it } from 'vitest';
import { buildDecks, parseSources } from '@/lib/decks/generate';
import type { GeneratedCard } from '@/lib/decks/types';
import { domainSubtopics } from '@/lib/decks/sources';
import { realSources } from './helpers';

const sources = parseSources(realSources());
const out = buildDecks(realSources());
const cardsOf = (template: string) => out.cards.filter((c) => c.template === template);
const card = (template: string, factKey: string): GeneratedCard => {
  const found = out.cards.filter((c) => c.template === template && c.factKey === factKey);
  expect(found, `${template} ${factKey}`).toHaveLength(1);
  return found[0]!;
};
const answerText = (c: GeneratedCard) => (c.choices ? c.choices[c.answerIndex!] : c.back);

const FACT_SHEET_DOMAINS: Record<string, [string, number | undefined][]> = {
  'cism-pre2022': [
    ['Information Security Governance', undefined],
    ['Information Risk Management', undefined],
    ['Information Security Program Development and Management', undefined],
    ['Information Security Incident Management', undefined],
  ],
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

/** The role-contrast rows of the fact sheet (by source key) and who does them. */
const FACT_SHEET_CONTRASTS: Record<string, 'cism' | 'cissp' | 'both'> = {
  'program-design': 'cism',
  'program-execution': 'cissp',
  'firewall-management': 'cissp',
  'firewall-acls': 'cissp',
  'firewall-business-case': 'cism',
  'network-protocols': 'cissp',
  'pentest-process': 'cissp',
  'pentest-business-case': 'cissp',
  'ir-plan-writing': 'cism',
  'ir-team-assembly': 'cism',
  'ir-plan-upkeep': 'cism',
  'ir-team-lead': 'cissp',
  'ir-quarantine': 'cissp',
  'ir-drive-hash': 'cissp',
  'ir-backup-strategy': 'cissp',
  'ir-steps-followed': 'cissp',
  'ir-purpose': 'both',
};

describe('generated decks', () => {
  it('has well over 200 cards and the six required decks', () => {
    expect(out.cards.length).toBeGreaterThanOrEqual(200);
    expect(out.decks.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        'CISM domains',
        'CISSP domains',
        'Who does what: CISM or CISSP?',
        'Exam facts and weights',
        'CISSP sub-topics',
        'CISM sub-topics',
      ]),
    );
    for (const d of out.decks) expect(out.cards.some((c) => c.deckId === d.id), d.id).toBe(true);
  });

  it('has the three outlines with the fact sheet names and weights, in the domains list too', () => {
    for (const [outline, expected] of Object.entries(FACT_SHEET_DOMAINS)) {
      const doms = out.domains.filter((d) => d.outline === outline);
      expect(doms.map((d) => [d.name, d.weight])).toEqual(expected);
      expect(doms.map((d) => d.number)).toEqual(expected.map((_, i) => i + 1));
      for (const d of doms) expect(d.key).toBe(`${outline}/${d.number}`);
    }
    expect(new Set(out.domains.map((d) => d.outline))).toEqual(new Set(Object.keys(FACT_SHEET_DOMAINS)));
  });

  it('gives every domain of every outline its number, name and order cards, with the right answers', () => {
    for (const o of sources.outlines)
      for (const d of o.domains) {
        const tag = `domain:${o.key}/${d.number}`;
        const tagged = out.cards.filter((c) => c.tags.includes(tag));
        expect(tagged.length, tag).toBeGreaterThanOrEqual(4);
        expect(card('domain-number-to-name', `${o.key}/${d.key}`).back).toContain(`**${d.name}**`);
        expect(card('domain-number-to-name', `${o.key}/${d.key}`).front).toContain(`Domain ${d.number}?`);
        expect(card('domain-name-to-number', `${o.key}/${d.key}`).back).toContain(`**Domain ${d.number}**`);
        expect(card('domain-order', `${o.key}/${d.key}`).back).toMatch(
          new RegExp(`^\\*\\*Domain ${d.number}: ${d.name.replace(/[()]/g, '\\$&')}\\*\\*`),
        );
        const cert = card('domain-certification', `${o.certification}/domain-name/${d.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
        expect(answerText(cert)).toBe(o.certification.toUpperCase());
        expect(cert.tags).toContain(tag);
      }
  });

  it('asks for the domain order one position at a time, naming the previous domain', () => {
    for (const o of sources.outlines) {
      const sorted = [...o.domains].sort((a, b) => a.number - b.number);
      sorted.forEach((d, i) => {
        const c = card('domain-order', `${o.key}/${d.key}`);
        if (i === 0) expect(c.front).toMatch(/comes first\?$/);
        else expect(c.front).toContain(`after Domain ${sorted[i - 1]!.number}, *${sorted[i - 1]!.name}*`);
      });
    }
  });

  it('says which outline a domain card is about', () => {
    for (const c of out.cards.filter((x) => x.template.startsWith('domain-number') || x.template === 'domain-name-to-number')) {
      const outline = c.factKey.split('/')[0]!;
      expect(c.front).toContain(sources.outlines.find((o) => o.key === outline)!.label);
    }
    expect(card('domain-number-to-name', 'cism-pre2022/d2').front).toMatch(/older CISM domain list \(pre-2022/);
    expect(card('domain-number-to-name', 'cism-2022/d2').front).toMatch(/CISM job practice 2022/);
  });

  it('has a weight card per weighted domain whose answer is the source weight', () => {
    let n = 0;
    for (const o of sources.outlines)
      for (const d of o.domains) {
        if (d.weight === undefined) continue;
        n++;
        const c = card('domain-weight', `${o.key}/${d.key}`);
        expect(c.back.startsWith(`**${d.weight} %**`), c.factKey).toBe(true);
        expect(d.weight).toBe(FACT_SHEET_DOMAINS[o.key]![d.number - 1]![1]);
      }
    expect(n).toBe(12);
    expect(cardsOf('domain-weight')).toHaveLength(12);
    expect(card('domain-weight', 'cissp-2024/d3').back).toContain('12 % in the 2015 outline');
    expect(card('outline-fact', 'cism-2022/heaviest').back).toMatch(/^\*\*Domain 3: Information Security Program\*\*, 33 %/);
    expect(card('outline-fact', 'cissp-2024/heaviest').back).toMatch(/^\*\*Domain 1: Security and Risk Management\*\*, 16 %/);
  });

  it('states the exam facts of the fact sheet', () => {
    const back = (k: string) => card(k.includes('exam') || k.includes('experience') ? 'exam-fact' : 'cert-fact', k).back;
    expect(back('cism/expansion')).toContain('Certified Information Security Manager');
    expect(back('cissp/expansion')).toContain('Certified Information Systems Security Professional');
    expect(back('cism/awarding-body')).toContain('**ISACA**');
    expect(back('cissp/awarding-body')).toContain('**ISC2**');
    expect(back('cissp/awarding-body')).toContain('(ISC)²');
    expect(back('cism/awarding-body-name')).toContain('Information Systems Audit and Control Association');
    expect(back('cissp/awarding-body-name')).toContain('International Information System Security Certification Consortium');
    expect(back('cism/exam-questions')).toMatch(/^\*\*150\*\* questions.*multiple choice/);
    expect(back('cissp/exam-questions')).toMatch(/^\*\*100 to 150\*\* questions.*adaptive/);
    expect(back('cism/exam-duration')).toBe('**4 hours**.');
    expect(back('cissp/exam-duration')).toBe('**3 hours**.');
    expect(back('cism/exam-pass-mark')).toMatch(/^\*\*450\*\* on a scale that goes up to 800/);
    expect(back('cissp/exam-pass-mark')).toMatch(/^\*\*700\*\* on a scale that goes up to 1000/);
    expect(back('cism/experience')).toMatch(/^\*\*5 years\*\*.*three of them.*three or more of the four/);
    expect(back('cissp/experience')).toMatch(/^\*\*5 years\*\*.*two of the eight.*one of those years/);
    expect(back('cism/managerial-share')).toMatch(/^\*\*About 90 %\*\*/);
    expect(back('cissp/managerial-share')).toMatch(/^\*\*About 13 %\*\*.*one of its eight domains/);
    expect(back('cism/domain-count')).toMatch(/^\*\*4\*\*/);
    expect(back('cissp/domain-count')).toMatch(/^\*\*8\*\*/);
    // and the cards follow the sources, not only the fact sheet
    for (const c of sources.certifications) {
      expect(back(`${c.key}/exam-pass-mark`)).toContain(`**${c.exam.passingScore}**`);
      expect(back(`${c.key}/exam-duration`)).toContain(`**${c.exam.durationHours} hours**`);
      expect(back(`${c.key}/experience`)).toContain(`**${c.experience.years} years**`);
    }
  });

  it('places incident response in CISM Domain 4 and CISSP Domain 7', () => {
    expect(answerText(card('topic-location', 'incident-response/cism-2022'))).toBe('Domain 4: Incident Management');
    expect(answerText(card('topic-location', 'incident-response/cism-pre2022'))).toBe(
      'Domain 4: Information Security Incident Management',
    );
    expect(answerText(card('topic-location', 'incident-response/cissp-2024'))).toBe('Domain 7: Security Operations');
    const compare = card('topic-location-compare', 'incident-response');
    expect(compare.tags).toEqual(expect.arrayContaining(['domain:cism-2022/4', 'domain:cissp-2024/7']));
  });

  it('asks about every sub-topic, with the right domain among deterministic sibling distractors', () => {
    for (const o of sources.outlines)
      for (const d of o.domains)
        for (const st of domainSubtopics(d)) {
          const c = card('subtopic-to-domain', `${o.key}/${d.key}/${st.key}`);
          expect(c.front).toContain(`*${st.name}*`);
          expect(c.choices).toHaveLength(Math.min(4, o.domains.length));
          expect(new Set(c.choices).size).toBe(c.choices!.length);
          expect(answerText(c)).toBe(`Domain ${d.number}: ${d.name}`);
          const titles = o.domains.map((x) => `Domain ${x.number}: ${x.name}`);
          for (const choice of c.choices!) expect(titles).toContain(choice);
          expect(c.tags).toContain(`domain:${o.key}/${d.number}`);
        }
    // distractors are spread over the siblings, not always the same three
    const distractorSets = new Set(
      cardsOf('subtopic-to-domain')
        .filter((c) => c.factKey.startsWith('cissp-2024/'))
        .map((c) => c.choices!.join('|')),
    );
    expect(distractorSets.size).toBeGreaterThan(10);
  });

  it('teaches every role contrast of the fact sheet, both sides of each pair together', () => {
    for (const [key, who] of Object.entries(FACT_SHEET_CONTRASTS)) {
      const src = sources.contrasts.find((c) => c.key === key);
      expect(src?.who, key).toBe(who);
      const c = card('who-does-this', `contrast/${key}`);
      expect(answerText(c)).toBe(who === 'both' ? 'Both' : who.toUpperCase());
      expect(c.choices).toEqual(who === 'both' ? ['CISM', 'CISSP', 'Both'] : ['CISM', 'CISSP']);
      expect(c.back).toContain(src!.why.slice(0, 30));
      expect(c.front).toContain(src!.activity);
    }
    for (const pair of sources.pairs) {
      const deckCards = out.cards.filter((c) => c.tags.includes(`pair:${pair.key}`));
      const orders = deckCards.map((c) => c.order).sort((a, b) => a - b);
      expect(orders.at(-1)! - orders[0]! + 1, `pair ${pair.key} is contiguous`).toBe(orders.length);
      expect(deckCards.some((c) => c.template === 'contrast-pair')).toBe(true);
      const sides = new Set(sources.contrasts.filter((c) => c.pair === pair.key).map((c) => c.who));
      if (sides.has('cism') && sides.has('cissp'))
        for (const row of sources.contrasts.filter((c) => c.pair === pair.key && c.who !== 'both'))
          expect(card('contrast-other-side', `contrast/${row.key}`).back).toContain(row.who === 'cism' ? '**CISSP**' : '**CISM**');
    }
  });

  it('tags every card with its certification and template, and domain cards with outline and domain', () => {
    const domainKeys = new Set(out.domains.map((d) => d.key));
    for (const c of out.cards) {
      expect(c.tags.filter((t) => t.startsWith('cert:')).length, c.id).toBeGreaterThan(0);
      for (const t of c.tags.filter((x) => x.startsWith('cert:'))) expect(['cert:cism', 'cert:cissp']).toContain(t);
      expect(c.tags).toContain(`template:${c.template}`);
      for (const t of c.tags.filter((x) => x.startsWith('domain:'))) {
        expect(domainKeys.has(t.slice('domain:'.length)), t).toBe(true);
        expect(c.tags).toContain(`outline:${t.slice('domain:'.length).split('/')[0]}`);
      }
      if (/^(domain-|subtopic-|part-|topic-location$)/.test(c.template) || c.template === 'domain-weight')
        expect(c.tags.some((t) => t.startsWith('domain:')), `${c.template} ${c.factKey}`).toBe(true);
    }
  });

  it('puts deck certification cards only in that deck, numbers order 0..n-1, and never repeats a question in a deck', () => {
    for (const d of out.decks) {
      const cards = out.cards.filter((c) => c.deckId === d.id);
      expect(cards.map((c) => c.order)).toEqual(cards.map((_, i) => i));
      if (d.certification) for (const c of cards) expect(c.tags).toContain(`cert:${d.certification}`);
      const questions = cards.map((c) => JSON.stringify([c.front, c.choices ?? []]));
      expect(new Set(questions).size).toBe(questions.length);
    }
    expect(new Set(out.cards.map((c) => c.id)).size).toBe(out.cards.length);
    for (const c of out.cards) {
      expect(c.id).toMatch(/^[0-9a-f]{16}$/);
      if (c.choices) expect(c.answerIndex).toBeGreaterThanOrEqual(0);
      expect(`${c.front}${c.back}${(c.choices ?? []).join('')}`).not.toMatch(/<[a-z]/i);
    }
  });

  it('produces identical output on two runs', () => {
    const again = buildDecks(realSources());
    expect(again).toEqual(out);
    expect(JSON.stringify(again)).toBe(JSON.stringify(out));
    // and the order of the files given does not matter
    expect(JSON.stringify(buildDecks([...realSources()].reverse()))).toBe(JSON.stringify(out));
  });
});
