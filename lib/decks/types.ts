/**
 * The contract between the deck generator (build time) and the app (run time).
 * The app imports the generated JSON and never parses deck sources itself.
 */

export type CertificationId = 'cism' | 'cissp';

/** A card as the generator emits it: text only, no scheduling state. */
export interface GeneratedCard {
  /** Stable id: a hash of the template, the fact's key and the question text. */
  id: string;
  deckId: string;
  /** Template that produced the card, e.g. "domain-number-to-name". */
  template: string;
  /** Key of the fact in its source file, e.g. "cissp-2024/d3". */
  factKey: string;
  /** Question, light Markdown. */
  front: string;
  /** Answer, light Markdown (the explanation for choice cards). */
  back: string;
  /** For multiple-choice and two-choice cards: the options, in display order. */
  choices?: string[];
  /** Index into `choices` of the right option. */
  answerIndex?: number;
  /**
   * Tags such as "cert:cissp", "domain:cissp-2024/3", "outline:cissp-2024", "template:domain-number-to-name".
   * Exam readiness groups cards by their "domain:" tag.
   */
  tags: string[];
  /** Position inside the deck, so new cards are introduced in a sensible order. */
  order: number;
}

export interface GeneratedDeck {
  id: string;
  name: string;
  description: string;
  /** The certification the deck belongs to, when it belongs to one. */
  certification?: CertificationId;
}

/** One exam outline's domain, for readiness figures weighted by the official weights. */
export interface GeneratedDomain {
  /** e.g. "cissp-2024/3" — the same string as in a card's "domain:" tag. */
  key: string;
  certification: CertificationId;
  outline: string;
  number: number;
  name: string;
  /** Exam weight in percent, when the outline publishes one. */
  weight?: number;
}

export interface GeneratedDecks {
  /** Bumped when the shape of this file changes. */
  formatVersion: 1;
  decks: GeneratedDeck[];
  cards: GeneratedCard[];
  domains: GeneratedDomain[];
}
