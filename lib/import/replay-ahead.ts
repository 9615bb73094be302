/**
 * Replaying an Anki package's history ahead of the import, in a second worker, from the moment
 * the preview is ready: the replay is the larger part of an import's work, and it runs while the
 * learner reads the preview, or beside the card writes if the import starts at once. The import
 * uses the result only if it was made from what the import finds (`sameBasis`); otherwise it
 * replays again itself (lib/import/cards-of-draft.ts).
 *
 * Pure: the worker (components/import/replay.worker.ts) holds the state between messages.
 */
import type { CardState, Grade, MemoryState, ReviewEntry, StudySettings } from '../model';
import { byStudyDay, packDay, type PackedDay } from '../review-pack';
import type { Scheduler } from '../scheduler';
import { type DayTotals, dayTotalsChange } from '../stats/day-totals';
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

/** The memories of some replayed cards, handed over as the replay goes: MEMORY_FIELDS numbers per card, moved without copying. */
export interface ReplayedMemories {
  cardIds: string[];
  memories: Float64Array;
}

const MEMORY_FIELDS = 10;

function memoryColumns(memories: readonly MemoryState[]): Float64Array {
  const out = new Float64Array(memories.length * MEMORY_FIELDS);
  memories.forEach((m, i) => {
    const o = i * MEMORY_FIELDS;
    out[o] = m.due;
    out[o + 1] = m.stability;
    out[o + 2] = m.difficulty;
    out[o + 3] = m.elapsedDays;
    out[o + 4] = m.scheduledDays;
    out[o + 5] = m.learningSteps;
    out[o + 6] = m.reps;
    out[o + 7] = m.lapses;
    out[o + 8] = m.state;
    // A time is never NaN: NaN stands for "never reviewed".
    out[o + 9] = m.lastReview ?? NaN;
  });
  return out;
}

/** The memory of the i-th card of a part (every number kept bit for bit). */
export function memoryAt(columns: Float64Array, i: number): MemoryState {
  const o = i * MEMORY_FIELDS;
  const lastReview = columns[o + 9]!;
  return {
    due: columns[o]!,
    stability: columns[o + 1]!,
    difficulty: columns[o + 2]!,
    elapsedDays: columns[o + 3]!,
    scheduledDays: columns[o + 4]!,
    learningSteps: columns[o + 5]!,
    reps: columns[o + 6]!,
    lapses: columns[o + 7]!,
    state: columns[o + 8]! as CardState,
    lastReview: Number.isNaN(lastReview) ? null : lastReview,
  };
}

/**
 * Replays every card's answers, handing over each `partSize` cards' memories to `onPart` as it
 * goes, so that the import can store those cards while the rest is replayed. The deck of each
 * answer is filled in later, when the import knows it (packReplayed).
 */
export function replayHistories(h: Histories, scheduler: Scheduler, now: number, dayStartHour: number, onPart: (part: ReplayedMemories) => void = () => {}, partSize = 1000): Map<string, ReplayedCard> {
  const out = new Map<string, ReplayedCard>();
  let ids: string[] = [];
  let memories: MemoryState[] = [];
  const handOver = () => {
    onPart({ cardIds: ids, memories: memoryColumns(memories) });
    ids = [];
    memories = [];
  };
  for (const [id, answers] of answersOf(h)) {
    const reviews: ReviewEntry[] = [];
    const memory = replayAnswers(scheduler, id, '', answers, replayStart(answers, now), dayStartHour, reviews);
    out.set(id, { memory, reviews });
    ids.push(id);
    memories.push(memory);
    if (ids.length >= partSize) handOver();
  }
  if (ids.length) handOver();
  return out;
}

/** The cards an import adds, with their decks, in the order it adds them. */
export interface AddedCards {
  cardIds: string[];
  deckIds: string[];
}

/** The added cards' answers, packed per study day, and counted per day. */
export interface PackedAnswers {
  packs: PackedDay[];
  totals: DayTotals[];
}

/** Packs the answers of the added cards (each with its deck) per study day, and counts them. */
export function packReplayed(replayed: ReadonlyMap<string, ReplayedCard>, cards: AddedCards): PackedAnswers {
  const reviews: ReviewEntry[] = [];
  cards.cardIds.forEach((id, i) => {
    const deckId = cards.deckIds[i]!;
    for (const review of replayed.get(id)?.reviews ?? []) {
      // The replay's own objects: filling in the deck here costs nothing per answer.
      review.deckId = deckId;
      reviews.push(review);
    }
  });
  const packs = [...byStudyDay(reviews)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, list]) => packDay(day, list));
  return { packs, totals: dayTotalsChange({ added: reviews }) };
}

/** A replay made in another worker, as the import sees it (components/import/replay-by-worker.ts). */
export interface ReplayAhead {
  basis: ReplayBasis;
  /** The cards whose answers it packs, with their decks: what an import would have added when it was asked. */
  cards: AddedCards;
  /** The cards it replays. */
  replayed: ReadonlySet<string>;
  /** The memories of these replayed cards, once the replay has reached them; rejects if the replay failed. */
  memories(cardIds: readonly string[]): Promise<MemoryState[]>;
  /** The answers of `cards`, packed and counted, once the replay is over; rejects if it failed. */
  packed(): Promise<PackedAnswers>;
}

/**
 * Whether a replay made ahead holds for the import about to be stored: same settings, the same
 * cards in the same decks, every answered card replayed, and no answer after the replay's `now`.
 */
export function sameBasis(ahead: ReplayAhead, settingsKey: string, cards: AddedCards, answers: readonly (readonly DraftAnswer[])[]): boolean {
  if (ahead.basis.settings !== settingsKey) return false;
  const r = ahead.cards;
  if (r.cardIds.length !== cards.cardIds.length) return false;
  for (let i = 0; i < r.cardIds.length; i += 1) if (r.cardIds[i] !== cards.cardIds[i] || r.deckIds[i] !== cards.deckIds[i]) return false;
  // A replay starts each card at min(first answer, now): with every first answer at or before the
  // replay's now, a later now gives the same start.
  const now = ahead.basis.now;
  return answers.every((list, i) => (list.length === 0 ? !ahead.replayed.has(cards.cardIds[i]!) : ahead.replayed.has(cards.cardIds[i]!) && list[0]!.at <= now));
}
