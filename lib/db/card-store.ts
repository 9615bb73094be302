/**
 * The card store: every read and write of the learner's cards goes through these functions, so how
 * cards are laid out in IndexedDB is this module's business alone. Call them inside a transaction
 * whose scope includes `cardStores(db)` when several reads or writes must agree; a write outside
 * one runs in its own. The writes return Dexie's own promises (no async functions): Dexie follows
 * its transaction through them, and a writer may issue several without waiting for each.
 *
 * Cards are stored in packs (schema version 9): the cards whose ids hash to the same one of
 * CARD_PACKS packs, about twenty in a collection of 20,000, in one record. Chromium pays about
 * the same for every record it stores whatever its size, and more for each index entry: 20,000
 * cards took 2.8-3.1 s as records with one index and 0.5-0.6 s as packs (the storage floor rows
 * of `npm run bench`), and a restore, an Anki import or a first sync stores them all at once. An
 * answer rewrites its card's pack instead of the card alone, about a millisecond more, off the
 * answer's frame. Each pack lists its cards' `[deckId, queue, rank, id]` under a multiEntry index,
 * so a deck's queue is still one index range, read key by key without reading a card.
 *
 * Every card write also rewrites the card digest's packs of the cards it touched
 * (lib/stats/card-digest.ts), in the same transaction: this module is the only writer of cards,
 * so the digest cannot fall behind them.
 */
import Dexie from 'dexie';
import type { StudyCard } from '../model';
import { byBucket, cardIdHash, digestOf, updatePack } from '../stats/card-digest';
import { CARD_PACKS, type CardPack, type CardQueueKey, type StudyDb } from './schema';

/** The tables a transaction over cards covers (the card digest is kept in step with every card write). */
export const cardStores = (db: StudyDb) => [db.cardPacks, db.cardDigest];

/**
 * Which pack holds a card. FNV-1a's low bits vary little between ids that differ in one character
 * ("c0001", "c0002"): they are mixed first (MurmurHash3's finalizer), or such ids crowd into a few
 * packs.
 */
export function packOf(id: string): number {
  let h = cardIdHash(id);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % CARD_PACKS;
}

const byId = (a: StudyCard, b: StudyCard) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/**
 * A card's queue key. NaN (or a missing rank) is no IndexedDB key, and an entry with one would be
 * left out of the index: the card would vanish from its queue and from the counts. It ranks first
 * instead.
 */
const queueKeyOf = (c: StudyCard): CardQueueKey => [c.deckId, c.queue, typeof c.rank === 'number' && !Number.isNaN(c.rank) ? c.rank : -Infinity, c.id];

/** A pack of these cards, in id order, with their queue keys. */
export function packCards(pack: number, cards: Iterable<StudyCard>): CardPack {
  const sorted = [...cards].sort(byId);
  return { pack, cards: sorted, queueKeys: sorted.map(queueKeyOf) };
}

/** Groups cards (or ids) by the pack they belong in. */
const byPack = <T>(items: readonly T[], idOf: (item: T) => string) => byBucket(items, idOf, packOf);

// ---------------------------------------------------------------------------------------------
// Reads

/**
 * Runs a read after the card writes its transaction has issued and not yet finished (see `inTurn`):
 * a write reads its packs before it rewrites them, so a read issued right after it would
 * otherwise see the packs as they were.
 */
function afterWrites<T>(db: StudyDb, read: () => Promise<T>): Promise<T> {
  const pending = turnOf(db);
  return pending ? pending.then(read, read) : read();
}

export function readCard(db: StudyDb, id: string): Promise<StudyCard | undefined> {
  return afterWrites(db, () => db.cardPacks.get(packOf(id)).then((p) => p?.cards.find((c) => c.id === id)));
}

/** The stored cards among `ids`, in the order of `ids`; unknown ids are left out. */
export function readCards(db: StudyDb, ids: readonly string[]): Promise<StudyCard[]> {
  if (!ids.length) return Dexie.Promise.resolve([]);
  const packs = [...byPack(ids, (id) => id).keys()];
  return afterWrites(db, () => db.cardPacks.bulkGet(packs)).then((found) => {
    const cards = new Map<string, StudyCard>();
    for (const p of found) if (p) for (const c of p.cards) cards.set(c.id, c);
    const out: StudyCard[] = [];
    for (const id of ids) {
      const c = cards.get(id);
      if (c) out.push(c);
    }
    return out;
  });
}

/** Every stored card, in id order. */
export function readAllCards(db: StudyDb): Promise<StudyCard[]> {
  return afterWrites(db, () => db.cardPacks.toArray()).then((packs) => packs.flatMap((p) => p.cards).sort(byId));
}

/** Every card's queue key between two bounds (see the ranges below), in key order. */
const queueKeys = (db: StudyDb, lower: unknown, upper: unknown, includeLower = true) =>
  db.cardPacks.where('queueKeys').between(lower, upper, includeLower, true);
/** The keys of such a range, or their count, once the transaction's pending card writes are done. */
const keysIn = (db: StudyDb, range: ReturnType<typeof queueKeys>) => afterWrites(db, () => range.keys()).then((keys) => keys as unknown as CardQueueKey[]);
const countIn = (db: StudyDb, range: ReturnType<typeof queueKeys>) => afterWrites(db, () => range.count());
const everyKey = (db: StudyDb) => queueKeys(db, Dexie.minKey, Dexie.maxKey);
const idsOf = (keys: readonly CardQueueKey[]) => keys.map((k) => k[3]);

/** How many cards are stored (one queue key each), without reading them. */
export const countCards = (db: StudyDb): Promise<number> => countIn(db, everyKey(db));

/** Every stored card's id, in id order, without reading the cards. */
export function readCardIds(db: StudyDb): Promise<string[]> {
  return keysIn(db, everyKey(db)).then((keys) => idsOf(keys).sort());
}

/** The ids of the stored cards that start with `prefix` (imported cards: "anki-", "csv-"). */
export function cardIdsStartingWith(db: StudyDb, prefix: string): Promise<string[]> {
  return readCardIds(db).then((ids) => ids.filter((id) => id.startsWith(prefix)));
}

/*
 * Ranges of queue keys `[deckId, queue, rank, id]`. An array sorts after its own prefix and after
 * every string or number, so `[deckId]` … `[deckId, []]` holds exactly one deck's keys, and
 * `[deckId, queue]` … `[deckId, queue, upTo, []]` one queue's keys up to a rank.
 */
const deckRange = (db: StudyDb, deckId: string) => queueKeys(db, [deckId], [deckId, []]);
const queueRange = (db: StudyDb, deckId: string, queue: StudyCard['queue'], upTo: number | null) =>
  queueKeys(db, [deckId, queue], upTo === null ? [deckId, queue, []] : [deckId, queue, upTo, []]);

/**
 * One deck's cards, in queue and rank order. Outside a transaction the keys and the cards are two
 * reads: a card moved to another deck in between is left out.
 */
export function readDeckCards(db: StudyDb, deckId: string): Promise<StudyCard[]> {
  return readDeckCardIds(db, deckId).then((ids) => readCards(db, ids)).then((cards) => cards.filter((c) => c.deckId === deckId));
}

export function readDeckCardIds(db: StudyDb, deckId: string): Promise<string[]> {
  return keysIn(db, deckRange(db, deckId)).then(idsOf);
}

export const countDeckCards = (db: StudyDb, deckId: string): Promise<number> => countIn(db, deckRange(db, deckId));

/**
 * The first `limit` cards (all without one) of several decks' queues up to a rank, merged in rank
 * order (a deck with its subdecks, or every deck). The queue keys are merged first, so only the
 * cards that make the cut are read, each pack once.
 */
export function readQueues(db: StudyDb, deckIds: readonly string[], queue: StudyCard['queue'], upTo: number | null, limit?: number): Promise<StudyCard[]> {
  const bounded = limit !== undefined && Number.isFinite(limit);
  return Dexie.Promise.all(deckIds.map((deckId) => {
    const range = queueRange(db, deckId, queue, upTo);
    return keysIn(db, bounded ? range.limit(limit) : range);
  }))
    .then((lists) => {
      // A stable sort: equal ranks keep their deck's order, as the decks' own ranges give them.
      const keys = lists.flat().sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
      return readCards(db, (bounded ? keys.slice(0, limit) : keys).map((k) => k[3]));
    })
    // Outside a transaction the keys and the cards are two reads: a card answered, moved or
    // suspended in between (another tab) is left out rather than shown from the wrong queue.
    .then((cards) => cards.filter((c) => c.queue === queue && deckIds.includes(c.deckId) && (upTo === null || c.rank <= upTo)));
}

export const countQueue = (db: StudyDb, deckId: string, queue: StudyCard['queue'], upTo: number | null): Promise<number> => countIn(db, queueRange(db, deckId, queue, upTo));

/** The lowest rank above `after` in a deck's queue (for learning and review cards, the next due time). */
export function firstRankAfter(db: StudyDb, deckId: string, queue: StudyCard['queue'], after: number): Promise<number | undefined> {
  return keysIn(db, queueKeys(db, [deckId, queue, after, []], [deckId, queue, []], false).limit(1)).then((keys) => keys[0]?.[2]);
}

// ---------------------------------------------------------------------------------------------
// Writes

/** A card to add is stored already: a bug in the caller, which checks ids first. */
export class CardExistsError extends Error {
  constructor(id: string) {
    super(`A card with the id ${id} is stored already.`);
    this.name = 'CardExistsError';
  }
}

/**
 * Each transaction's card writes, one after the other. A writer may issue several without waiting
 * for each (an import keeps IndexedDB busy while it packs the answers): two writes that both read
 * a pack before either wrote it would lose one's cards. Chained, each reads its packs only once
 * the previous one is stored, and a read waits for them too (`afterWrites`).
 */
const turns = new WeakMap<object, Promise<unknown>>();

/** This database's current transaction, if a Dexie transaction of it is running here. */
function transactionOf(db: StudyDb) {
  const tx = Dexie.currentTransaction;
  return tx && tx.db === db ? tx : null;
}

/** What a transaction's turns are kept under: its IndexedDB transaction, shared by nested Dexie ones. */
const turnKey = (tx: NonNullable<ReturnType<typeof transactionOf>>): object => tx.idbtrans ?? tx;

function turnOf(db: StudyDb): Promise<unknown> | undefined {
  const tx = transactionOf(db);
  return tx ? turns.get(turnKey(tx)) : undefined;
}

function inTurn<T>(db: StudyDb, write: () => Promise<T>): Promise<T> {
  const tx = transactionOf(db);
  if (!tx) return db.transaction('rw', cardStores(db), write);
  const key = turnKey(tx);
  const previous = turns.get(key);
  const next = previous ? previous.then(write, write) : write();
  turns.set(key, next);
  return next;
}

/** Packs written per request in a large write, so that storing one batch overlaps cloning the next. */
const PACKS_PER_PUT = 128;

/**
 * Rewrites the packs of `puts` and `removed`: stored cards with the ids of `puts` are replaced
 * (refused when `refuseStored`), cards of `removed` taken out, a pack left empty deleted. Then the
 * card digest of the same cards.
 */
function rewritePacks(db: StudyDb, puts: readonly StudyCard[], removed: readonly string[], refuseStored: boolean, onStored?: (cards: number) => void): Promise<void> {
  const putsBy = byPack(puts, (c) => c.id);
  const removedBy = byPack(removed, (id) => id);
  const packs = [...new Set([...putsBy.keys(), ...removedBy.keys()])].sort((a, b) => a - b);
  if (!packs.length) return Dexie.Promise.resolve();
  return db.cardPacks.bulkGet(packs).then((old) => {
    const written: CardPack[] = [];
    const emptied: number[] = [];
    packs.forEach((p, i) => {
      const cards = new Map((old[i]?.cards ?? []).map((c) => [c.id, c]));
      for (const id of removedBy.get(p) ?? []) cards.delete(id);
      for (const c of putsBy.get(p) ?? []) {
        if (refuseStored && cards.has(c.id)) throw new CardExistsError(c.id);
        cards.set(c.id, c);
      }
      if (cards.size) written.push(packCards(p, cards.values()));
      else if (old[i]) emptied.push(p);
    });
    const requests: Promise<unknown>[] = [];
    for (let i = 0; i < written.length; i += PACKS_PER_PUT) {
      const batch = written.slice(i, i + PACKS_PER_PUT);
      const stored = db.cardPacks.bulkPut(batch);
      requests.push(onStored ? stored.then(() => onStored(batch.reduce((n, p) => n + (putsBy.get(p.pack)?.length ?? 0), 0))) : stored);
    }
    if (emptied.length) requests.push(db.cardPacks.bulkDelete(emptied));
    requests.push(rewriteDigest(db, puts, removed));
    return Dexie.Promise.all(requests).then(() => undefined);
  });
}

/** The digest packs of these cards, with `puts` written over and `removed` taken out. */
function rewriteDigest(db: StudyDb, puts: readonly StudyCard[], removed: readonly string[]): Promise<unknown> {
  const putsBy = byBucket(puts.map(digestOf), (e) => e.id);
  const removedBy = byBucket(removed, (id) => id);
  const buckets = [...new Set([...putsBy.keys(), ...removedBy.keys()])];
  return db.cardDigest
    .bulkGet(buckets)
    .then((old) => db.cardDigest.bulkPut(buckets.map((b, i) => updatePack(old[i], b, putsBy.get(b) ?? [], removedBy.get(b) ?? []))));
}

/**
 * Stores the cards, replacing stored ones with the same ids. `onStored(n)` reports progress in a
 * large write: n more of these cards are stored.
 */
export function storeCards(db: StudyDb, cards: readonly StudyCard[], onStored?: (cards: number) => void): Promise<void> {
  return inTurn(db, () => rewritePacks(db, cards, [], false, onStored));
}

/** Stores new cards; refuses (and, with its transaction, stores none) when one of their ids is stored already. */
export function addCards(db: StudyDb, cards: readonly StudyCard[], onStored?: (cards: number) => void): Promise<void> {
  return inTurn(db, () => rewritePacks(db, cards, [], true, onStored));
}

export function removeCards(db: StudyDb, ids: readonly string[]): Promise<void> {
  return inTurn(db, () => rewritePacks(db, [], ids, false));
}

export function clearCards(db: StudyDb): Promise<void> {
  return inTurn(db, () => Dexie.Promise.all([db.cardPacks.clear(), db.cardDigest.clear()]).then(() => undefined));
}
