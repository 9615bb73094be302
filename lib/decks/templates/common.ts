/** Shared pieces of the card templates. Pure functions only. */
import type { CertificationId } from '../types';
import type { Domain, Outline } from '../source-schema';
import { hashOrder } from '../ids';

/** The templates whose cards teach an outline item's content; readiness is computed from these. */
const KNOWLEDGE = [
  'concept-recall',
  'concept-choice',
  'concept-scenario',
  'sequence-order',
  'sequence-first',
  'sequence-next',
  'confusable-choice',
  'confusable-summary',
  'formula-recall',
  'formula-problem',
] as const;

export const TEMPLATE_NAMES = [
  'domain-number-to-name',
  'domain-name-to-number',
  'domain-name-version',
  'domain-weight',
  'outline-fact',
  'topic-location',
  'topic-location-compare',
  'subtopic-to-domain',
  'part-to-domain',
  'domain-parts',
  'cert-fact',
  'exam-fact',
  'who-does-this',
  'contrast-other-side',
  'contrast-pair',
  ...KNOWLEDGE,
] as const;

export const KNOWLEDGE_TEMPLATES: readonly TemplateName[] = KNOWLEDGE;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

/** A card before it is given an id and placed in a deck. */
export interface CardDraft {
  template: TemplateName;
  factKey: string;
  front: string;
  back: string;
  choices?: string[];
  answerIndex?: number;
  /**
   * The part of the question that carries the clue, when the front also holds fixed context
   * (the four roles named in every who-does-this question, a process's name): the giveaway
   * check reads this instead of the whole front.
   */
  asked?: string;
  /** The certification the card is about; undefined when it is about both. Decides the deck. */
  certification?: CertificationId;
  /** The outline domain ("cissp-2024/3") a knowledge card teaches; decks by domain select on it. */
  domain?: string;
  /** Tags; "template:" is added by the generator. */
  tags: string[];
}

export const ACRONYM: Record<CertificationId, string> = { cism: 'CISM', cissp: 'CISSP' };

export function certTag(cert: CertificationId): string {
  return `cert:${cert}`;
}

/**
 * Tags of a card about a domain's place in the outline (map, weight): `about:` rather than
 * `domain:`, because readiness and "Study this domain" count only the cards that teach the
 * domain's content (see templates/knowledge.ts).
 */
export function domainTags(outline: Outline, domain: Domain): string[] {
  return [`outline:${outline.key}`, `about:${outline.key}/${domain.number}`];
}

export function byNumber(domains: readonly Domain[]): Domain[] {
  return [...domains].sort((a, b) => a.number - b.number);
}

export function domainTitle(domain: Domain): string {
  return `Domain ${domain.number}: ${domain.name}`;
}

/** "In the CISSP 2024 exam outline" */
export function inOutline(outline: Outline): string {
  return `In ${outline.label}`;
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless the word is an acronym ("ACLs", "BIA"). */
export function lowerFirst(text: string): string {
  if (text.length > 1 && text.charAt(1) === text.charAt(1).toUpperCase() && /[A-Z]/.test(text.charAt(1))) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Ends a text with exactly one full stop. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/**
 * The choices of a "which domain?" question: the right domain plus up to three others of the
 * same outline, picked by hash of the fact key (so they never change between runs), shown in
 * domain-number order.
 */
export function domainChoices(
  outline: Outline,
  correct: Domain,
  seed: string,
  maxChoices = 4,
): { choices: string[]; answerIndex: number } {
  const siblings = outline.domains.filter((d) => d.key !== correct.key);
  const distractors = hashOrder(siblings, seed, (d) => d.key).slice(0, maxChoices - 1);
  const shown = byNumber([correct, ...distractors]);
  return { choices: shown.map(domainTitle), answerIndex: shown.indexOf(correct) };
}
