/**
 * An import draft as stored rows: decks, cards, their answers replayed through FSRS, media. Pure:
 * lib/db/import-draft.ts reads what is already stored, calls this, and writes the result in one
 * transaction. An imported card keeps its place in the other program (origin) and gets a stable
 * id from it, so importing the same Anki package twice adds nothing the second time.
 */
import { reviewEntryOf } from '../answer';
import { fnv1a64 } from '../decks/ids';
import { type Deck, type MemoryState, type ReviewEntry, type StudyCard, withQueueFields } from '../model';
import { answerMemory, newMemoryState, type Scheduler } from '../scheduler';
import { studyDayEnd, studyDayOf } from '../study-day';
import type { DraftAnswer, DraftCard, ImportDraft } from './draft';
import { DECK_PATH_SEPARATOR } from '../deck-tree';

export interface StoredSide {
  /** Stored decks, to reuse one of the same name rather than add a second. */
  decks: readonly Deck[];
  /** Ids of the stored cards. */
  cardIds: ReadonlySet<string>;
  /** The first `order` free for new cards (after every stored card). */
  nextOrder: number;
}

export interface ImportRows {
  decks: Deck[];
  cards: StudyCard[];
  reviews: ReviewEntry[];
  /** Cards of the draft already stored (same origin): left as they are. */
  alreadyHere: number;
}

const deckName = (path: readonly string[]) => path.join(DECK_PATH_SEPARATOR);

/** What the id of every card imported from this kind of source starts with. */
export const importedIdPrefix = (kind: ImportDraft['kind']) => `${kind}-`;

export function cardIdOf(card: DraftCard): string {
  const o = card.origin;
  return o.kind === 'anki' ? `${importedIdPrefix('anki')}${o.noteId}-${o.ord}` : `${importedIdPrefix('csv')}${fnv1a64(`${o.fileName}\u001f${o.line}\u001f${card.front}\u001f${card.back}`)}`;
}

export interface ImportOptions {
  now: number;
  dayStartHour: number;
}

/** Where each card of a draft goes: the decks to add, and each card not stored yet with its id and deck. */
export interface DraftPlacement {
  decks: Deck[];
  added: { card: DraftCard; id: string; deckId: string }[];
  /** Cards of the draft already stored (same origin): left as they are. */
  alreadyHere: number;
}

export function placeDraft(draft: ImportDraft, stored: Pick<StoredSide, 'decks' | 'cardIds'>, now: number): DraftPlacement {
  const decks: Deck[] = [];
  const deckIds = new Map<string, string>();
  const byName = new Map([...stored.decks].filter((d) => !d.builtin).map((d) => [d.name, d.id]));
  for (const d of draft.decks) {
    const name = deckName(d.path);
    let id = byName.get(name);
    if (!id) {
      id = `${draft.kind}-deck-${fnv1a64(name)}`;
      byName.set(name, id);
      decks.push({ id, name, description: `Imported from ${draft.fileName}`, builtin: false, path: d.path, changedAt: now });
    }
    deckIds.set(d.key, id);
  }
  const added: DraftPlacement['added'] = [];
  let alreadyHere = 0;
  const seen = new Set<string>();
  for (const card of draft.cards) {
    const id = cardIdOf(card);
    if (stored.cardIds.has(id) || seen.has(id)) {
      alreadyHere += 1;
      continue;
    }
    seen.add(id);
    const deckId = deckIds.get(card.deckKey);
    if (!deckId) throw new Error(`The import names deck ${card.deckKey}, which it does not list`);
    added.push({ card, id, deckId });
  }
  return { decks, added, alreadyHere };
}

/** Where a replay of a card's answers starts: a new card, first seen at its first answer (never later than now). */
export const replayStart = (answers: readonly DraftAnswer[], now: number): MemoryState => newMemoryState(Math.min(answers[0]?.at ?? now, now));

/**
 * The other program's history, replayed through FSRS in order: each answer goes to `out` as if
 * given here, and the memory after the last one is returned. A package holds hundreds of
 * thousands of answers, so only the memory moves from one answer to the next (each outcome's
 * state is the next answer's `before`).
 */
export function replayAnswers(scheduler: Scheduler, cardId: string, deckId: string, answers: readonly DraftAnswer[], start: MemoryState, dayStartHour: number, out: ReviewEntry[]): MemoryState {
  let memory = start;
  for (let i = 0; i < answers.length; i += 1) {
    const a = answers[i]!;
    const outcome = answerMemory(scheduler, cardId, memory, a.grade, a.at);
    out.push(reviewEntryOf({ id: `${cardId}-r${i}-${a.at}`, cardId, deckId, grade: a.grade, reviewedAt: a.at, durationMs: Math.max(0, Math.round(a.durationMs)), day: studyDayOf(a.at, dayStartHour) }, memory, outcome));
    memory = outcome.after;
  }
  return memory;
}

/** The stored card for a draft card, with the memory its replayed answers give (null: never answered). */
export function importedCard(draft: ImportDraft, c: DraftCard, id: string, deckId: string, order: number, memory: MemoryState | null, { now, dayStartHour }: ImportOptions): StudyCard {
  const ref = c.origin.kind === 'anki' ? `${c.origin.noteId}:${c.origin.ord}` : `${c.origin.fileName}:${c.origin.line}`;
  const card: StudyCard = withQueueFields({
    id,
    deckId,
    template: draft.kind,
    factKey: ref,
    front: c.front,
    back: c.back,
    tags: c.tags,
    order,
    ...(memory ?? newMemoryState(now)),
    origin: draft.kind,
    originRef: ref,
    contentRev: 0,
    contentAt: now,
    flag: c.flag,
    suspended: c.suspended,
    retired: false,
    queue: 'new',
    rank: 0,
    rev: 0,
  });
  return c.buried ? withQueueFields({ ...card, buriedUntil: studyDayEnd(now, dayStartHour) }) : card;
}

/**
 * An import draft as rows, in parts of `cardsPerPart` added cards (the decks come with the first
 * part; there is always at least one part): a writer stores one part while the next one's history
 * is replayed. With `Infinity`, one part holds everything.
 */
export function* importParts(draft: ImportDraft, stored: StoredSide, scheduler: Scheduler, opts: ImportOptions, cardsPerPart: number): Generator<ImportRows> {
  const { decks, added, alreadyHere } = placeDraft(draft, stored, opts.now);
  let order = stored.nextOrder;
  for (let i = 0; i === 0 || i < added.length; i += cardsPerPart) {
    const cards: StudyCard[] = [];
    const reviews: ReviewEntry[] = [];
    for (const { card: c, id, deckId } of added.slice(i, i + cardsPerPart)) {
      const memory = c.answers.length ? replayAnswers(scheduler, id, deckId, c.answers, replayStart(c.answers, opts.now), opts.dayStartHour, reviews) : null;
      cards.push(importedCard(draft, c, id, deckId, order++, memory, opts));
    }
    yield { decks: i === 0 ? decks : [], cards, reviews, alreadyHere: i === 0 ? alreadyHere : 0 };
  }
}
