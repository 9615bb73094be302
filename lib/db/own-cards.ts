/**
 * The learner's decks and cards, and what the card browser does to any card: each operation is
 * one transaction, bumps the `rev` of every card it writes (so a stale study screen in another tab
 * is refused) and recomputes the queue fields. Built-in cards can be suspended, buried, flagged
 * and reset, never edited, moved or deleted: the deck sync owns their text.
 */
import { type CardContent, revisionOf, withContent } from '../card-content';
import { CardState, type CardRevision, type Deck, isLearnersCard, originOf, type ReviewEntry, type StudyCard, withQueueFields } from '../model';
import { unpackDay } from '../review-pack';
import { newMemoryState } from '../scheduler';
import { studyDayEnd } from '../study-day';
import { adjustDayTotals, rewriteDayPacks } from './day-packs';
import { withStorageErrors } from './errors';
import { nextOrder, takeOrders } from './card-order';
import type { StudyDb } from './schema';
import { addCards, cardStores, readCard, readCards, readDeckCardIds, readDeckCards, removeCards, storeCards } from './card-store';

/** A learner's input the app refuses, with a message saying what is wrong. */
export class CardInputError extends Error {}

export const DECK_NAME_MAX = 200;
export const CARD_TEXT_MAX = 20_000;

function checkDeckName(name: string, decks: readonly Deck[], except?: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) throw new CardInputError('A deck needs a name.');
  if (n.length > DECK_NAME_MAX) throw new CardInputError(`A deck name can have at most ${DECK_NAME_MAX} characters; this one has ${n.length}.`);
  const clash = decks.find((d) => d.id !== except && !d.retired && d.name.toLowerCase() === n.toLowerCase());
  if (clash) throw new CardInputError(`There is already a deck called "${clash.name}".`);
  return n;
}

export function createDeck(db: StudyDb, name: string, now: number): Promise<Deck> {
  return withStorageErrors(() =>
    db.transaction('rw', db.decks, async () => {
      const checked = checkDeckName(name, await db.decks.toArray());
      const deck: Deck = { id: `own-deck-${crypto.randomUUID()}`, name: checked, description: '', builtin: false, changedAt: now };
      await db.decks.add(deck);
      return deck;
    }),
  );
}

export function renameDeck(db: StudyDb, id: string, name: string, now: number): Promise<void> {
  return withStorageErrors(() =>
    db.transaction('rw', db.decks, async () => {
      const decks = await db.decks.toArray();
      const deck = decks.find((d) => d.id === id);
      if (!deck) throw new CardInputError('This deck no longer exists.');
      if (deck.builtin) throw new CardInputError('The built-in decks keep their names.');
      await db.decks.put({ ...deck, name: checkDeckName(name, decks, id), changedAt: now });
    }),
  );
}

/** What deleting a deck would remove, for the confirmation. */
export async function deckDeletionPreview(db: StudyDb, id: string): Promise<{ cards: number; answers: number }> {
  const cards = await readDeckCardIds(db, id);
  return { cards: cards.length, answers: await countAnswersOf(db, new Set(cards)) };
}

async function countAnswersOf(db: StudyDb, ids: ReadonlySet<string>): Promise<number> {
  if (!ids.size) return 0;
  let n = await db.reviews.where('cardId').anyOf([...ids]).count();
  await db.packedReviews.each((p) => {
    for (const id of p.cardIds.split('\n')) if (ids.has(id)) n += 1;
  });
  return n;
}

/** Removes cards and every answer they had (rows and packed days), keeping the day totals right. */
async function removeCardsWithHistory(db: StudyDb, ids: ReadonlySet<string>): Promise<number> {
  if (!ids.size) return 0;
  const rows = await db.reviews.where('cardId').anyOf([...ids]).toArray();
  const gone: ReviewEntry[] = [...rows];
  // Only the days whose pack names one of the cards are unpacked and rewritten.
  const days: string[] = [];
  await db.packedReviews.each((p) => {
    if (p.cardIds.split('\n').some((c) => ids.has(c))) days.push(p.day);
  });
  await rewriteDayPacks(db, days, (_day, stored) => {
    for (const r of stored) if (ids.has(r.cardId)) gone.push(r);
    return stored.filter((r) => !ids.has(r.cardId));
  });
  await db.reviews.bulkDelete(rows.map((r) => r.id));
  await adjustDayTotals(db, { removed: gone });
  await db.cardRevisions.where('cardId').anyOf([...ids]).delete();
  await removeCards(db, [...ids]);
  return gone.length;
}

const HISTORY_TABLES = (db: StudyDb) => [db.decks, ...cardStores(db), db.reviews, db.packedReviews, db.dayTotals, db.cardRevisions];

/** Deletes one of the learner's decks with its cards and their answers, once the learner confirmed. */
export function deleteDeck(db: StudyDb, id: string): Promise<{ cards: number; answers: number }> {
  return withStorageErrors(() =>
    db.transaction('rw', HISTORY_TABLES(db), async () => {
      const deck = await db.decks.get(id);
      if (!deck) throw new CardInputError('This deck no longer exists.');
      if (deck.builtin) throw new CardInputError('The built-in decks cannot be deleted; suspend their cards instead.');
      const cards = await readDeckCardIds(db, id);
      const answers = await removeCardsWithHistory(db, new Set(cards));
      await db.decks.delete(id);
      return { cards: cards.length, answers };
    }),
  );
}

/** Checks a card's content as the editor sends it. */
export function checkContent(c: CardContent): CardContent {
  const front = c.front.trim();
  const back = c.back.trim();
  if (!front) throw new CardInputError('The front of a card cannot be empty.');
  if (!back && !c.choices?.length) throw new CardInputError('The back of a card cannot be empty.');
  for (const [side, text] of [['front', front], ['back', back]] as const)
    if (text.length > CARD_TEXT_MAX) throw new CardInputError(`The ${side} can have at most ${CARD_TEXT_MAX.toLocaleString('en')} characters; it has ${text.length.toLocaleString('en')}.`);
  const tags = [...new Set(c.tags.map((t) => t.trim()).filter(Boolean))];
  if (tags.some((t) => /\s/.test(t))) throw new CardInputError('A tag cannot contain spaces: use - or _ inside a tag.');
  const out: CardContent = { deckId: c.deckId, front, back, tags };
  if (c.choices?.length) {
    const choices = c.choices.map((x) => x.trim());
    if (choices.length < 2 || choices.length > 6) throw new CardInputError('A multiple-choice card needs 2 to 6 options.');
    if (choices.some((x) => !x)) throw new CardInputError('An option of a multiple-choice card is empty.');
    if (new Set(choices.map((x) => x.toLowerCase())).size !== choices.length) throw new CardInputError('Two options of this card are the same.');
    if (c.answerIndex === undefined || c.answerIndex < 0 || c.answerIndex >= choices.length) throw new CardInputError('Mark which option is right.');
    out.choices = choices;
    out.answerIndex = c.answerIndex;
  }
  return out;
}

export function addCard(db: StudyDb, content: CardContent, now: number): Promise<StudyCard> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, ...cardStores(db), db.meta], async () => {
      const c = checkContent(content);
      const deck = await db.decks.get(c.deckId);
      if (!deck || deck.builtin) throw new CardInputError('Add your cards to one of your own decks (create one first).');
      const order = await nextOrder(db);
      await takeOrders(db, order, 1);
      const id = `own-${crypto.randomUUID()}`;
      const card = withQueueFields({
        id, template: 'own', factKey: id, order, ...c, ...newMemoryState(now), origin: 'own' as const, contentRev: 0, contentAt: now, flag: 0,
        suspended: false, retired: false, queue: 'new' as const, rank: 0, rev: 0,
      });
      await addCards(db, [card]);
      return card;
    }),
  );
}

/**
 * Saves new content for one of the learner's cards: the text it replaces goes into the card's
 * history. `shownRev` is the card's `rev` as the editor loaded it: a card changed since (another
 * tab, a study answer) is refused rather than overwritten.
 */
export function editCard(db: StudyDb, id: string, content: CardContent, shownRev: number, now: number): Promise<StudyCard> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, ...cardStores(db), db.cardRevisions], async () => {
      const card = await readCard(db, id);
      if (!card) throw new CardInputError('This card no longer exists.');
      if (!isLearnersCard(card)) throw new CardInputError('Built-in cards cannot be edited; suspend it, or add a card of your own.');
      if (card.rev !== shownRev) throw new CardInputError('This card changed since you opened it (in another tab, or by studying it). Open it again to edit.');
      const c = checkContent(content);
      const deck = await db.decks.get(c.deckId);
      if (!deck || deck.builtin) throw new CardInputError('Move your cards only into your own decks.');
      await db.cardRevisions.put(revisionOf(card, now));
      const next = withQueueFields({ ...withContent(card, c, now), rev: card.rev + 1 });
      await storeCards(db, [next]);
      return next;
    }),
  );
}

export type CardAction =
  | { kind: 'suspend'; on: boolean }
  | { kind: 'bury'; now: number; dayStartHour: number }
  | { kind: 'unbury' }
  | { kind: 'flag'; flag: number }
  | { kind: 'reset'; now: number }
  | { kind: 'move'; deckId: string };

/** Applies one browser action to many cards in one transaction; returns how many changed. */
export function applyToCards(db: StudyDb, ids: readonly string[], action: CardAction, at: number = Date.now()): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, ...cardStores(db)], async () => {
      if (action.kind === 'move') {
        const deck = await db.decks.get(action.deckId);
        if (!deck || deck.builtin) throw new CardInputError('Cards can be moved only into your own decks.');
      }
      if (action.kind === 'flag' && !(Number.isInteger(action.flag) && action.flag >= 0 && action.flag <= 7)) throw new CardInputError('Unknown flag.');
      const cards = await readCards(db, ids);
      if (action.kind === 'move' && cards.some((c) => !isLearnersCard(c)))
        throw new CardInputError('Built-in cards stay in their decks; only your own and imported cards can be moved.');
      const writes: StudyCard[] = [];
      for (const c of cards) {
        const next = changed(c, action);
        // Suspension, burial and flags are "marks": the time lets the later of two devices' marks win a merge.
        if (next) writes.push(withQueueFields({ ...next, ...(MARKS.has(action.kind) ? { marksAt: at } : {}), rev: c.rev + 1 }));
      }
      await storeCards(db, writes);
      return writes.length;
    }),
  );
}

const MARKS = new Set<CardAction['kind']>(['suspend', 'bury', 'unbury', 'flag']);

function changed(c: StudyCard, a: CardAction): StudyCard | null {
  switch (a.kind) {
    case 'suspend':
      return c.suspended === a.on ? null : { ...c, suspended: a.on };
    case 'bury': {
      const until = studyDayEnd(a.now, a.dayStartHour);
      return c.buriedUntil === until ? null : { ...c, buriedUntil: until };
    }
    case 'unbury':
      return c.buriedUntil == null ? null : { ...c, buriedUntil: null };
    case 'flag':
      return (c.flag ?? 0) === a.flag ? null : { ...c, flag: a.flag };
    case 'reset':
      // Anki's "forget": the card starts again as new; its answers stay in the log.
      return c.state === CardState.New ? null : { ...c, ...newMemoryState(a.now) };
    case 'move':
      return c.deckId === a.deckId ? null : { ...c, deckId: a.deckId };
  }
}

/** Deletes the learner's own and imported cards with their answers; refuses built-in ones. */
export function deleteCards(db: StudyDb, ids: readonly string[]): Promise<{ cards: number; answers: number }> {
  return withStorageErrors(() =>
    db.transaction('rw', HISTORY_TABLES(db), async () => {
      const cards = await readCards(db, ids);
      if (cards.some((c) => !isLearnersCard(c))) throw new CardInputError('Built-in cards cannot be deleted; suspend them instead.');
      const answers = await removeCardsWithHistory(db, new Set(cards.map((c) => c.id)));
      return { cards: cards.length, answers };
    }),
  );
}

export interface CardInfo {
  card: StudyCard;
  /** Every answer, oldest first: the card's own, and those of the earlier wordings it replaced. */
  answers: ReviewEntry[];
  revisions: CardRevision[];
  /**
   * A built-in card's earlier wordings: studied, retired cards of its deck asking about the same fact, whose
   * memory the deck sync carried over to it (lib/db/sync-decks.ts). Their answers are in `answers`.
   */
  earlierWordings: Pick<StudyCard, 'id' | 'front'>[];
}

export async function loadCardInfo(db: StudyDb, id: string): Promise<CardInfo | null> {
  return withStorageErrors(() =>
    db.transaction('r', [...cardStores(db), db.reviews, db.packedReviews, db.cardRevisions], async () => {
      const card = await readCard(db, id);
      if (!card) return null;
      const earlierWordings = originOf(card) === 'builtin' && !card.retired
        ? (await readDeckCards(db, card.deckId)).filter((c) => c.retired && c.lastReview !== null && c.template === card.template && c.factKey === card.factKey).map(({ id, front }) => ({ id, front }))
        : [];
      const ids = new Set([id, ...earlierWordings.map((c) => c.id)]);
      const answers = await db.reviews.where('cardId').anyOf([...ids]).toArray();
      await db.packedReviews.each((p) => {
        if (p.cardIds.split('\n').some((c) => ids.has(c))) answers.push(...unpackDay(p).filter((r) => ids.has(r.cardId)));
      });
      answers.sort((a, b) => a.reviewedAt - b.reviewedAt);
      const revisions = (await db.cardRevisions.where('cardId').equals(id).toArray()).sort((a, b) => a.contentRev - b.contentRev);
      return { card, answers, revisions, earlierWordings };
    }),
  );
}
