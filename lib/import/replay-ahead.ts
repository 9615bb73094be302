/**
 * Replaying an Anki package's history ahead of the import, in a second worker, while the first one
 * is still reading the package's notes: the replay is most of an import's work, and the learner's
 * confirmation comes after the preview. The import uses the result only if it was made from what
 * the import finds (`sameBasis`); otherwise it replays again itself (lib/import/cards-of-draft.ts).
 *
 * Pure: the worker (components/import/replay.worker.ts) holds the state between messages.
 */
import type { Grade, MemoryState, ReviewEntry, StudySettings } from '../model';
import { byStudyDay, packDay, type PackedDay } from '../review-pack';
import type { Scheduler } from '../scheduler';
import { type DayTotals, totalsByDay } from '../stats/day-totals';
import { replayAnswers, replayStart } from './cards-of-draft';
import type { DraftAnswer } from './draft';

/** The answers of the cards to replay, as columns a worker message moves without copying. */
export interface Histories {
  cardIds: string[];
  /** How many answers each card has. */
  counts: Uint32Array;
  /** When, grade and time taken of each answer: card after card, oldest first. */
  answers: Float64Array;
}

const ANSWER_FIELDS = 3;

/** The answered cards' histories as columns. A card id given twice (a damaged package) is left out: which history is its own is unknown. */
export function historiesOf(cards: Iterable<readonly [string, readonly DraftAnswer[]]>): Histories {
  const given = [...cards];
  const times = new Map<string, number>();
  for (const [id] of given) times.set(id, (times.get(id) ?? 0) + 1);
  const list = given.filter(([id, answers]) => answers.length > 0 && times.get(id) === 1);
  const total = list.reduce((n, [, a]) => n + a.length, 0);
  const counts = new Uint32Array(list.length);
  const answers = new Float64Array(total * ANSWER_FIELDS);
  let o = 0;
  list.forEach(([, a], i) => {
    counts[i] = a.length;
    for (const x of a) {
      answers[o] = x.at;
      answers[o + 1] = x.grade;
      answers[o + 2] = x.durationMs;
      o += ANSWER_FIELDS;
    }
  });
  return { cardIds: list.map(([id]) => id), counts, answers };
}

/** Each card's answers back as lists, keyed by card id. */
export function answersOf(h: Histories): Map<string, DraftAnswer[]> {
  const out = new Map<string, DraftAnswer[]>();
  let o = 0;
  h.cardIds.forEach((id, i) => {
    const list: DraftAnswer[] = [];
    for (let k = 0; k < h.counts[i]!; k += 1, o += ANSWER_FIELDS) list.push({ at: h.answers[o]!, grade: h.answers[o + 1]! as Grade, durationMs: h.answers[o + 2]! });
    out.set(id, list);
  });
  return out;
}

/** What a replay depends on besides the answers: the scheduler's settings, the study day's start, and now. */
export interface ReplayBasis {
  settings: string;
  now: number;
}

/** The settings a replay depends on, as one comparable text. */
export function replaySettingsKey(s: StudySettings): string {
  return JSON.stringify([s.desiredRetention, s.maximumIntervalDays, s.learningSteps, s.relearningSteps, s.fuzz, s.weights ?? null, s.dayStartHour]);
}

export interface ReplayedCard {
  memory: MemoryState;
  /** Its answers, deck not yet known (filled in by packReplayed). */
  reviews: ReviewEntry[];
}

/** Replays every card's answers; the deck of each answer is filled in later, when the import knows it. */
export function replayHistories(h: Histories, scheduler: Scheduler, now: number, dayStartHour: number): Map<string, ReplayedCard> {
  const out = new Map<string, ReplayedCard>();
  for (const [id, answers] of answersOf(h)) {
    const reviews: ReviewEntry[] = [];
    const memory = replayAnswers(scheduler, id, '', answers, replayStart(answers, now), dayStartHour, reviews);
    out.set(id, { memory, reviews });
  }
  return out;
}

/** The cards an import adds, with their decks, in the order it adds them. */
export interface AddedCards {
  cardIds: string[];
  deckIds: string[];
}

/** A replay ready to store: each added card's memory (null: never answered), its answers packed per day and counted. */
export interface ReplayedImport {
  basis: ReplayBasis;
  cards: AddedCards;
  memories: (MemoryState | null)[];
  packs: PackedDay[];
  totals: DayTotals[];
}

/** Packs the answers of the added cards (each with its deck) per study day, and counts them. */
export function packReplayed(replayed: ReadonlyMap<string, ReplayedCard>, cards: AddedCards, basis: ReplayBasis): ReplayedImport {
  const reviews: ReviewEntry[] = [];
  const memories = cards.cardIds.map((id, i) => {
    const r = replayed.get(id);
    if (!r) return null;
    const deckId = cards.deckIds[i]!;
    for (const review of r.reviews) {
      // The replay's own objects: filling in the deck here costs nothing per answer.
      review.deckId = deckId;
      reviews.push(review);
    }
    return r.memory;
  });
  const packs = [...byStudyDay(reviews)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, list]) => packDay(day, list));
  return { basis, cards, memories, packs, totals: [...totalsByDay(reviews).values()] };
}

/** Whether a replay made ahead still holds: same settings, same cards in the same decks, and no answer after its `now`. */
export function sameBasis(replayed: ReplayedImport, settingsKey: string, cards: AddedCards, firstAnswers: readonly (number | undefined)[]): boolean {
  if (replayed.basis.settings !== settingsKey) return false;
  const r = replayed.cards;
  if (r.cardIds.length !== cards.cardIds.length) return false;
  for (let i = 0; i < r.cardIds.length; i += 1) if (r.cardIds[i] !== cards.cardIds[i] || r.deckIds[i] !== cards.deckIds[i]) return false;
  // Every answered card must have been replayed, and only those. A replay starts each card at
  // min(first answer, now): with every first answer at or before the replay's now, a later now
  // gives the same start.
  const now = replayed.basis.now;
  return firstAnswers.every((at, i) => (at === undefined ? replayed.memories[i] === null : at <= now && replayed.memories[i] !== null));
}
