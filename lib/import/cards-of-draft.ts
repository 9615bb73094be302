/**
 * An import draft as stored rows: decks, cards, their answers replayed through FSRS, media. Pure:
 * lib/db/import-draft.ts reads what is already stored, calls this, and writes the result in one
 * transaction. An imported card keeps its place in the other program (origin) and gets a stable
 * id from it, so importing the same Anki package twice adds nothing the second time.
 */
import { reviewEntryOf } from '../answer';
import { fnv1a64 } from '../decks/ids';
import { type Deck, memoryOf, type ReviewEntry, type StudyCard, withQueueFields } from '../model';
import { answerMemory, newMemoryState, type Scheduler } from '../scheduler';
import { studyDayEnd, studyDayOf } from '../study-day';
import type { DraftCard, ImportDraft } from './draft';
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

/**
 * An import draft as rows, in parts of `cardsPerPart` added cards (the decks come with the first
 * part; there is always at least one part): a writer stores one part while the next one's history
 * is replayed. With `Infinity`, one part holds everything.
 */
export function* importParts(draft: ImportDraft, stored: StoredSide, scheduler: Scheduler, opts: ImportOptions, cardsPerPart: number): Generator<ImportRows> {
  const { now, dayStartHour } = opts;
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
  let cards: StudyCard[] = [];
  let reviews: ReviewEntry[] = [];
  let alreadyHere = 0;
  let firstPart = true;
  const part = (): ImportRows => {
    const rows = { decks: firstPart ? decks : [], cards, reviews, alreadyHere };
    firstPart = false;
    cards = [];
    reviews = [];
    alreadyHere = 0;
    return rows;
  };
  let order = stored.nextOrder;
  const seen = new Set<string>();
  for (const c of draft.cards) {
    const id = cardIdOf(c);
    if (stored.cardIds.has(id) || seen.has(id)) {
      alreadyHere += 1;
      continue;
    }
    seen.add(id);
    const deckId = deckIds.get(c.deckKey);
    if (!deckId) throw new Error(`The import names deck ${c.deckKey}, which it does not list`);
    const firstSeen = c.answers[0]?.at ?? now;
    let card: StudyCard = withQueueFields({
      id,
      deckId,
      template: draft.kind,
      factKey: c.origin.kind === 'anki' ? `${c.origin.noteId}:${c.origin.ord}` : `${c.origin.fileName}:${c.origin.line}`,
      front: c.front,
      back: c.back,
      tags: c.tags,
      order: order++,
      ...newMemoryState(Math.min(firstSeen, now)),
      origin: draft.kind,
      originRef: c.origin.kind === 'anki' ? `${c.origin.noteId}:${c.origin.ord}` : `${c.origin.fileName}:${c.origin.line}`,
      contentRev: 0,
      contentAt: now,
      flag: c.flag,
      suspended: c.suspended,
      retired: false,
      queue: 'new',
      rank: 0,
      rev: 0,
    });
    // The other program's history, replayed through FSRS in order: the card arrives with the
    // memory its answers give, and each answer is in the log as if given here. A package holds
    // hundreds of thousands of answers, so only the memory moves from one answer to the next
    // (each outcome's state is the next answer's `before`); the card is built once, at the end.
    let memory = memoryOf(card);
    for (let i = 0; i < c.answers.length; i += 1) {
      const a = c.answers[i]!;
      const outcome = answerMemory(scheduler, id, memory, a.grade, a.at);
      reviews.push(reviewEntryOf({ id: `${id}-r${i}-${a.at}`, cardId: id, deckId, grade: a.grade, reviewedAt: a.at, durationMs: Math.max(0, Math.round(a.durationMs)), day: studyDayOf(a.at, dayStartHour) }, memory, outcome));
      memory = outcome.after;
    }
    if (c.answers.length) card = withQueueFields({ ...card, ...memory });
    if (c.buried) card = withQueueFields({ ...card, buriedUntil: studyDayEnd(now, dayStartHour) });
    cards.push(card);
    if (cards.length >= cardsPerPart) yield part();
  }
  if (firstPart || cards.length || alreadyHere) yield part();
}
