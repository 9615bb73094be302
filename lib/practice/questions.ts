/**
 * Practice questions, made per attempt from the concept facts (lib/practice/bank.ts) with the
 * same distractor rule as the cards (lib/decks/distractors.ts): four options, one right, the
 * wrong ones from sibling concepts, in an order drawn from the attempt's seed. Each option says
 * why it is right or wrong from the facts of the concept it names.
 */
import { pickDistractors } from '../decks/distractors';
import { distinctiveWords, giveawayWords } from '../decks/giveaways';
import type { CertificationId } from '../decks/types';
import type { PracticeConcept } from './bank';
import { randomFrom, shuffle } from './random';

/** Which way a concept is asked: from its definition, from a situation, or for its meaning. */
export type QuestionKind = 'definition' | 'scenario' | 'meaning';

export interface QuestionOption {
  text: string;
  /** The concept this option names. */
  conceptKey: string;
  /** Why it is right, or why it is not the answer. */
  why: string;
}

export interface Question {
  /** `${conceptKey}:${kind}`: what "missed before" and flags remember across attempts. */
  id: string;
  conceptKey: string;
  kind: QuestionKind;
  certification: CertificationId;
  domain: string;
  sub: string;
  label: string;
  cardIds: string[];
  stem: string;
  options: QuestionOption[];
  answer: number;
}

export { OPTION_LETTERS } from './letters';

const sentence = (t: string) => {
  const s = t.trim();
  return /[.!?]$/.test(s) ? s : `${s}.`;
};

/** The explanation of a concept: definition, what tells it apart, an example. */
export function explanationOf(c: PracticeConcept): string {
  return [sentence(c.definition), c.tell ? sentence(c.tell) : '', c.example ? `*Example:* ${sentence(c.example)}` : ''].filter(Boolean).join(' ');
}

/** The kinds a concept can be asked in. */
export function kindsOf(c: PracticeConcept): QuestionKind[] {
  return c.scenario ? ['scenario', 'definition', 'meaning'] : ['definition', 'meaning'];
}

/** A lookup over the concepts of one certification, shared by every question of an attempt. */
export interface ConceptPool {
  concepts: readonly PracticeConcept[];
  byKey: Map<string, PracticeConcept>;
}

export function poolOf(concepts: readonly PracticeConcept[]): ConceptPool {
  return { concepts, byKey: new Map(concepts.map((c) => [c.key, c])) };
}

function stemOf(c: PracticeConcept, kind: QuestionKind): string {
  if (kind === 'scenario') return c.scenario!;
  if (kind === 'definition') return `${sentence(c.definition)}\n\nWhich term is described?`;
  return `What is **${c.term}**?`;
}

function optionText(c: PracticeConcept, kind: QuestionKind): string {
  return kind === 'meaning' ? sentence(c.definition) : c.term;
}

/**
 * One question about `concept`, the same for the same seed.
 * @throws when the concept has fewer than three possible distractors (the deck build prevents it)
 */
export function makeQuestion(concept: PracticeConcept, pool: ConceptPool, kind: QuestionKind, seed: string): Question {
  const random = randomFrom(`${seed}\u001f${concept.key}\u001f${kind}`);
  const stem = stemOf(concept, kind);
  const build = (wrong: PracticeConcept[]) => {
    const order = shuffle([concept, ...wrong], random);
    return { order, texts: order.map((c) => optionText(c, kind)), answer: order.indexOf(concept) };
  };
  let wrong = pickDistractors(concept, pool.concepts, (xs) => shuffle(xs, random));
  if (wrong.length < 3) throw new Error(`Concept ${concept.key} has only ${wrong.length} possible wrong options`);
  let made = build(wrong);
  // A word shared by the question and the right option only would give the answer away: prefer
  // wrong options that share it too (as the deck build requires of the cards).
  const giveaway = giveawayWords(stem, made.texts, made.answer);
  if (giveaway.length) {
    const sharesWord = (c: PracticeConcept) => giveaway.some((w) => distinctiveWords(optionText(c, kind)).has(w));
    wrong = pickDistractors(concept, pool.concepts, (xs) => {
      const mixed = shuffle(xs, random);
      return [...mixed.filter(sharesWord), ...mixed.filter((x) => !sharesWord(x))];
    });
    made = build(wrong);
  }
  return {
    id: `${concept.key}:${kind}`,
    conceptKey: concept.key,
    kind,
    certification: concept.certification,
    domain: concept.domain,
    sub: concept.sub,
    label: concept.label,
    cardIds: concept.cardIds,
    stem,
    options: made.order.map((c, i) => ({
      text: made.texts[i]!,
      conceptKey: c.key,
      why:
        c === concept
          ? `**${concept.term}**: ${explanationOf(concept)}`
          : kind === 'meaning'
            ? `This defines **${c.term}**, not ${concept.term}.`
            : `**${c.term}** is something else: ${sentence(c.definition)}`,
    })),
    answer: made.answer,
  };
}
