/**
 * The card store: every read and write of the learner's cards goes through these functions, so how
 * cards are laid out in IndexedDB is this module's business alone. Call them inside a transaction
 * whose scope includes `cardStores(db)` when several reads or writes must agree. The writes return
 * Dexie's own promises (no async functions): Dexie follows its transaction through them, and a
 * writer may issue several without waiting for each.
 */
import Dexie from 'dexie';
import type { StudyCard } from '../model';
import type { StudyDb } from './schema';

/** The tables a transaction over cards covers (the card digest is kept in step with every card write). */
export const cardStores = (db: StudyDb) => [db.cards, db.cardDigest];

export const readCard = (db: StudyDb, id: string): Promise<StudyCard | undefined> => db.cards.get(id);

/** The stored cards among `ids`, in the order of `ids`; unknown ids are left out. */
export async function readCards(db: StudyDb, ids: readonly string[]): Promise<StudyCard[]> {
  return (await db.cards.bulkGet([...ids])).filter((c): c is StudyCard => c !== undefined);
}

export const readAllCards = (db: StudyDb): Promise<StudyCard[]> => db.cards.toArray();

export const countCards = (db: StudyDb): Promise<number> => db.cards.count();

export const readCardIds = async (db: StudyDb): Promise<string[]> => (await db.cards.toCollection().primaryKeys()) as string[];

/** The ids of the stored cards that start with `prefix` (imported cards: "anki-", "csv-"). */
export const cardIdsStartingWith = async (db: StudyDb, prefix: string): Promise<string[]> =>
  (await db.cards.where(':id').startsWith(prefix).primaryKeys()) as string[];

/** Stores the cards, replacing stored ones with the same ids. */
export function storeCards(db: StudyDb, cards: readonly StudyCard[]): Promise<unknown> {
  return db.cards.bulkPut([...cards]);
}

/** Stores new cards; refuses (and stores none) when one of their ids is stored already. */
export function addCards(db: StudyDb, cards: readonly StudyCard[]): Promise<unknown> {
  return db.cards.bulkAdd([...cards]);
}

export function removeCards(db: StudyDb, ids: readonly string[]): Promise<unknown> {
  return db.cards.bulkDelete([...ids]);
}

export const clearCards = (db: StudyDb): Promise<void> => db.cards.clear();

/**
 * Every card of one deck, as a range of `[deckId+queue+rank]`: the keys that begin with the deck
 * id. A key sorts after its own prefix, and an array after every string, so `[deckId]` …
 * `[deckId, []]` holds exactly the deck's cards.
 */
const ofDeck = (db: StudyDb, deckId: string) => db.cards.where('[deckId+queue+rank]').between([deckId], [deckId, []], true, true);

export const readDeckCards = (db: StudyDb, deckId: string): Promise<StudyCard[]> => ofDeck(db, deckId).toArray();
export const readDeckCardIds = async (db: StudyDb, deckId: string): Promise<string[]> => (await ofDeck(db, deckId).primaryKeys()) as string[];
export const countDeckCards = (db: StudyDb, deckId: string): Promise<number> => ofDeck(db, deckId).count();

/** One deck's queue up to a rank (null: the whole queue), in rank order. */
const inQueue = (db: StudyDb, deckId: string, queue: StudyCard['queue'], upTo: number | null) =>
  db.cards.where('[deckId+queue+rank]').between([deckId, queue, Dexie.minKey], [deckId, queue, upTo ?? Dexie.maxKey], true, true);

/** The first `limit` cards (all without one) of a deck's queue up to a rank (null: the whole queue), in rank order. */
export function readQueue(db: StudyDb, deckId: string, queue: StudyCard['queue'], upTo: number | null, limit?: number): Promise<StudyCard[]> {
  const range = inQueue(db, deckId, queue, upTo);
  return (limit !== undefined && Number.isFinite(limit) ? range.limit(limit) : range).toArray();
}

export const countQueue = (db: StudyDb, deckId: string, queue: StudyCard['queue'], upTo: number | null): Promise<number> => inQueue(db, deckId, queue, upTo).count();

/** The lowest rank above `after` in a deck's queue (for learning and review cards, the next due time). */
export async function firstRankAfter(db: StudyDb, deckId: string, queue: StudyCard['queue'], after: number): Promise<number | undefined> {
  const card = await db.cards.where('[deckId+queue+rank]').between([deckId, queue, after], [deckId, queue, Dexie.maxKey], false, true).first();
  return card?.rank;
}
