/** Each invalid source gives one clear error naming the file and the item. */
import { describe, expect, it } from 'vitest';
import { buildDecks, DeckSourceError, generateDecks, parseSources } from '@/lib/decks/generate';
import { sourcesWithFixture } from './helpers';

const F = 'tests/fixtures/decks';

function problemsOf(fixture: string): string[] {
  try {
    buildDecks(sourcesWithFixture(fixture));
  } catch (err) {
    expect(err).toBeInstanceOf(DeckSourceError);
    return (err as DeckSourceError).problems;
  }
  throw new Error(`fixture ${fixture} was accepted`);
}

const CASES: [fixture: string, message: string][] = [
  ['weight-not-number', `${F}/weight-not-number/cism-test.yaml: outline "cism-test" domain "d2": weight must be a number`],
  ['weights-not-100', `${F}/weights-not-100/cism-test.yaml: outline "cism-test": domain weights add up to 99, not 100`],
  ['missing-field', `${F}/missing-field/cism-test.yaml: outline "cism-test" domain "d3": name is missing`],
  [
    'unknown-certification',
    `${F}/unknown-certification/cisa-test.yaml: outline "cisa-2024": certification must be one of "cism", "cissp" (got "cisa")`,
  ],
  ['duplicate-domain-key', `${F}/duplicate-domain-key/cism-test.yaml: outline "cism-test": duplicate domain key "d2"`],
  [
    'duplicate-contrast-key',
    `decks/role-contrasts.yaml and ${F}/duplicate-contrast-key/more-contrasts.yaml: contrasts: duplicate key "firewall-acls"`,
  ],
  ['unknown-top-level-field', `${F}/unknown-top-level-field/cism-test.yaml: unknown field "outline" (a typo?)`],
  ['unknown-nested-field', `${F}/unknown-nested-field/cism-test.yaml: outline "cism-test" domain "d1": unknown field "wieght" (a typo?)`],
  ['unknown-pair', `${F}/unknown-pair/more-contrasts.yaml: contrast "rule-review": pair "firewalls-typo" is not defined under pairs`],
  ['bad-topic-place', `${F}/bad-topic-place/more-topics.yaml: topic "cryptography" place "cissp-2024": outline "cissp-2024" has no domain "d9"`],
  ['unknown-template', `${F}/unknown-template/decks.yaml: deck "everything": unknown template "subtopic-to-domian"`],
  ['card-without-deck', `${F}/card-without-deck/decks.yaml: no deck takes the "who-does-this" cards`],
  ['ambiguous-subtopic', `${F}/ambiguous-subtopic/cism-test.yaml: outline "cism-test": sub-topic or part "security metrics" appears in domain "d1" and domain "d2"`],
  ['numbering-gap', `${F}/numbering-gap/cism-test.yaml: outline "cism-test": domains must be numbered 1 to 4 without gaps`],
  ['html-in-text', `${F}/html-in-text/more-contrasts.yaml: contrast "rule-review": activity must not contain HTML tags`],
  ['invalid-yaml', `${F}/invalid-yaml/more-contrasts.yaml: not valid YAML`],
  ['empty-file', `${F}/empty-file/empty.yaml: the file is empty`],
  ['unknown-ref', `${F}/unknown-ref/more-facts.yaml: concept "test-lost-concept": ref "cissp-2024:3.99" names no sub-domain or topic of any outline`],
  ['item-out-of-range', `${F}/item-out-of-range/more-facts.yaml: concept "test-ninth-bullet": item 9 does not exist (cissp-2024:1.1 lists 2 bullets)`],
  [
    'giveaway',
    `${F}/giveaway/more-facts.yaml: concept/test-zebra-fallback (concept-choice): the question shares "zebra" with the right option "Zebra fallback" and with no wrong option`,
  ],
  [
    'counterpart-not-mutual',
    `${F}/counterpart-not-mutual/more-contrasts.yaml: contrast "test-rule-review": counterpart "test-rule-edit" names "test-rule-other" back, not "test-rule-review"`,
  ],
  ['neither-without-owner', `${F}/neither-without-owner/more-contrasts.yaml: contrast "test-appetite": owner is missing`],
  ['duplicate-fact-key', `${F}/duplicate-fact-key/more-facts.yaml: duplicate fact key "test-same-key" (concept, formula)`],
  ['repeated-step', `${F}/repeated-step/more-facts.yaml: sequence "test-steps": step "detect" appears twice`],
  [
    'unknown-distractor-key',
    `${F}/unknown-distractor-key/more-facts.yaml: concept "test-design-check": contrastsWith names "test-operating-chek", which is not a concept`,
  ],
  [
    'distractor-of-other-outline',
    `${F}/distractor-of-other-outline/more-facts.yaml: concept "test-annual-disclosure": contrastsWith names "cism3-soc2-type2", which belongs to cism-2022, not cissp-2024`,
  ],
];

describe('invalid deck sources', () => {
  it('accept the valid extra outline (the control: the fixtures fail only through their defect)', () => {
    const out = buildDecks(sourcesWithFixture('valid-extra-outline'));
    expect(out.domains.filter((d) => d.outline === 'cism-test')).toHaveLength(4);
  });

  it.each(CASES)('%s: names the file and the item', (fixture, message) => {
    const problems = problemsOf(fixture);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('throws one error that lists every problem when there are several', () => {
    const s = parseSources(sourcesWithFixture('valid-extra-outline'));
    const o = s.outlines.find((x) => x.key === 'cism-test')!;
    o.domains[0]!.weight = 30;
    s.contrasts.push({ ...s.contrasts[0]!, file: 'decks/extra.yaml' });
    expect(() => generateDecks(s)).toThrow(DeckSourceError);
    try {
      generateDecks(s);
    } catch (err) {
      const msg = (err as Error).message;
      expect(msg).toContain('tests/fixtures/decks/valid-extra-outline/cism-test.yaml: outline "cism-test": domain weights add up to 105, not 100');
      expect(msg).toContain(`duplicate key "${s.contrasts[0]!.key}"`);
    }
  });

  it('refuses a deck that would hold the same question twice', () => {
    const s = parseSources(sourcesWithFixture('valid-extra-outline'));
    // two outlines with the same label ask the same "what is Domain 1?" question in one deck
    s.outlines.find((x) => x.key === 'cism-test')!.label = s.outlines.find((x) => x.key === 'cism-2022')!.label;
    expect(() => generateDecks(s)).toThrow(
      /decks\/decks\.yaml: deck "cism-domains": two cards ask the same question "In the CISM job practice 2022, what is the name of Domain 1\?"/,
    );
  });
});
