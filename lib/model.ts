/**
 * The shapes the app stores and passes around. Times are epoch milliseconds and every field
 * is a plain value, so rows survive IndexedDB, JSON backups and structured cloning unchanged.
 */

import type { GeneratedCard } from './decks/types';

/** FSRS learning states, numbered as ts-fsrs numbers them. */
export const CardState = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as const;
export type CardState = (typeof CardState)[keyof typeof CardState];

/** The four answer buttons, numbered as FSRS ratings. */
export const Grade = { Again: 1, Hard: 2, Good: 3, Easy: 4 } as const;
export type Grade = (typeof Grade)[keyof typeof Grade];
export const GRADES: readonly Grade[] = [Grade.Again, Grade.Hard, Grade.Good, Grade.Easy];
export const GRADE_NAMES: Record<Grade, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** What FSRS knows about a card's memory: everything an answer changes. */
export interface MemoryState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardState;
  lastReview: number | null;
}

/**
 * Which list a card waits in. "off" = suspended or retired: never shown.
 * Kept as its own indexed field so "due now in deck D" is one index range.
 */
export type QueueName = 'new' | 'learn' | 'review' | 'off';

/**
 * Where a card's content comes from. Built-in cards belong to the generated decks (only the deck
 * sync changes their text); the learner's own and imported cards are theirs to edit and delete.
 */
export type CardOrigin = 'builtin' | 'own' | 'anki' | 'csv';

/** Flags, numbered as Anki numbers them; the browser shows each with its name, never colour alone. */
export const FLAG_NAMES = ['', 'Red', 'Orange', 'Green', 'Blue', 'Pink', 'Turquoise', 'Purple'] as const;

/**
 * A card as stored: its text from the deck (see GeneratedCard) plus the learner's progress.
 * The fields added in schema version 7 (origin … buriedUntil) are optional so that no upgrade has
 * to rewrite every card: absent means a built-in card at content revision 0, unflagged, not buried
 * (see originOf and friends below).
 */
export interface StudyCard extends MemoryState, GeneratedCard {
  origin?: CardOrigin;
  /** The card in the program it came from: Anki "noteId:ord", CSV "file:line". */
  originRef?: string;
  /** Bumped by every edit of the text; the earlier text is kept in the card's history (cardRevisions). */
  contentRev?: number;
  /** When the text last changed (epoch ms): of two copies of a card, the later text wins. */
  contentAt?: number;
  /** 0 (none) to 7: FLAG_NAMES. */
  flag?: number;
  /** Hidden until this time (the start of the next study day), or absent. */
  buriedUntil?: number | null;
  /**
   * When the learner last suspended, unsuspended, flagged, buried or unburied the card, or a leech
   * suspended it (epoch ms): of two devices' copies, the later marks win (absent: never marked).
   */
  marksAt?: number;
  suspended: boolean;
  /** A card whose fact left the deck sources: kept with its history, never shown. */
  retired: boolean;
  queue: QueueName;
  /** Sort key inside the queue: `order` for new cards, `due` for the others. */
  rank: number;
  /** Bumped on every write, so an answer from a stale screen (another tab) can be refused. */
  rev: number;
}

export interface Deck {
  id: string;
  name: string;
  description: string;
  certification?: 'cism' | 'cissp';
  builtin: boolean;
  /** A built-in deck that left the sources: hidden, its cards and history kept. */
  retired?: boolean;
  /** Where an imported deck sat in its tree: Anki's "CISSP::Domain 1" is ["CISSP", "Domain 1"]. */
  path?: string[];
  /** When the learner created or last renamed it (epoch ms); absent for built-in decks. */
  changedAt?: number;
}

/**
 * An answer taken back with Undo. Kept for good (a few per week of study): it stops a copy of the
 * answer from another device, or from an older backup, from bringing the answer back.
 */
export interface UndoneAnswer {
  id: string;
  cardId: string;
  /** The answer's study day. */
  day: string;
  /** When it was undone (epoch ms). */
  at: number;
  /** When the answer was given, and the card's state before it: where a replay of the card must start. */
  reviewedAt: number;
  before: MemoryState;
}

/** The text a card had before an edit: a card's content history. */
export interface CardRevision {
  /** `${cardId}:${contentRev}`. */
  id: string;
  cardId: string;
  contentRev: number;
  deckId: string;
  front: string;
  back: string;
  choices?: string[];
  answerIndex?: number;
  tags: string[];
  /** When this text was replaced. */
  replacedAt: number;
}

/** An image from an imported package, shown where a card says ![alt](media:name). */
export interface MediaFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

/** One answer. The `before` snapshot makes undo exact and survives a reload. */
export interface ReviewEntry {
  id: string;
  cardId: string;
  deckId: string;
  grade: Grade;
  reviewedAt: number;
  /** Time from the card's appearance to the grade. */
  durationMs: number;
  /** The study day (YYYY-MM-DD, local, shifted by the day-start hour) the answer counts for. */
  day: string;
  stateBefore: CardState;
  dueBefore: number;
  stabilityAfter: number;
  difficultyAfter: number;
  elapsedDays: number;
  scheduledDays: number;
  before: MemoryState;
}

export type StepText = `${number}${'m' | 'h' | 'd'}`;

export interface StudySettings {
  desiredRetention: number;
  maximumIntervalDays: number;
  newCardsPerDay: number;
  reviewsPerDay: number;
  learningSteps: StepText[];
  relearningSteps: StepText[];
  fuzz: boolean;
  /** Hour (0–23, local time) at which a new study day begins. */
  dayStartHour: number;
  /** FSRS weights; absent means the library defaults. */
  weights?: number[];
  /** Exam day per certification (YYYY-MM-DD), for readiness on that day and pacing. */
  examDates: { cism: string | null; cissp: string | null };
  /** Days before the exam by which every card should have been seen, left for review. */
  pacingBufferDays: number;
  /** After this many lapses a card is a leech: tagged "leech" and suspended (0: never). */
  leechLapses: number;
}

export const DEFAULT_SETTINGS: StudySettings = {
  desiredRetention: 0.9,
  maximumIntervalDays: 36500,
  newCardsPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: ['1m', '10m'],
  relearningSteps: ['10m'],
  fuzz: true,
  dayStartHour: 4,
  examDates: { cism: null, cissp: null },
  pacingBufferDays: 14,
  leechLapses: 8,
};

export const originOf = (card: Pick<StudyCard, 'origin'>): CardOrigin => card.origin ?? 'builtin';
/** Cards the learner may delete and edit: their own and imported ones, never the built-in decks'. */
export const isLearnersCard = (card: Pick<StudyCard, 'origin'>) => originOf(card) !== 'builtin';

export function queueOf(card: Pick<StudyCard, 'state' | 'suspended' | 'retired' | 'buriedUntil'>): QueueName {
  if (card.suspended || card.retired || (card.buriedUntil ?? null) !== null) return 'off';
  if (card.state === CardState.New) return 'new';
  if (card.state === CardState.Review) return 'review';
  return 'learn';
}

/** Recomputes the derived index fields after any change to state or flags. */
export function withQueueFields<T extends StudyCard>(card: T): T {
  const queue = queueOf(card);
  return { ...card, queue, rank: queue === 'new' ? card.order : card.due };
}

export function memoryOf(card: MemoryState): MemoryState {
  const { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview } = card;
  return { due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps, lapses, state, lastReview };
}
