/**
 * Storage side of the card digest (lib/stats/card-digest.ts). It is kept in step by a Dexie
 * middleware rather than by each writer: every write to `cards` through Dexie (answer, undo,
 * deck sync, import, tests) also rewrites the packs of the cards it touched, in the same
 * transaction, so no future write path can forget it. Only writes that bypass Dexie (the
 * benchmark's raw seed) leave it behind; the statistics page's repair check catches those.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, EntityTable, Middleware } from 'dexie';
import type { StudyCard } from '../model';
import { byBucket, type DigestEntry, type DigestPack, digestOf, packDigest, unpackDigest, updatePack } from '../stats/card-digest';
import type { StudyDb } from './schema';
import { withStorageErrors } from './errors';
import { cardStores, readAllCards, readCardIds } from './card-store';

export const DIGEST_TABLE = 'cardDigest';
/** DBCoreRangeType.Any: the range `clear()` deletes (a const enum, so not importable at run time). */
const ANY_RANGE = 3;

// No async/await below: Dexie's lower middlewares find the transaction through Dexie's own
// promise zones, which survive `.then` on the promises they return but not a native `await`.

function applyToPacks(packs: DBCoreTable, trans: DBCoreTransaction, puts: readonly DigestEntry[], removed: readonly string[]): Promise<unknown> {
  const putsBy = byBucket(puts, (e) => e.id);
  const removedBy = byBucket(removed, (id) => id);
  const buckets = [...new Set([...putsBy.keys(), ...removedBy.keys()])];
  if (!buckets.length) return Promise.resolve();
  return packs.getMany({ trans, keys: buckets }).then((old: (DigestPack | undefined)[]) =>
    packs.mutate({ trans, type: 'put', values: buckets.map((b, i) => updatePack(old[i], b, putsBy.get(b) ?? [], removedBy.get(b) ?? [])) }),
  );
}

/**
 * Each transaction's digest updates, one after the other. A writer may issue several card writes
 * without waiting for each (an import keeps IndexedDB busy while it computes the next chunk):
 * two updates that both read a pack before either wrote it would lose one's cards. Chained, each
 * update reads the packs only after the previous one has written them (IndexedDB runs a
 * transaction's requests in the order they are made).
 */
const digestTurns = new WeakMap<DBCoreTransaction, Promise<unknown>>();

function inTurn(trans: DBCoreTransaction, update: () => Promise<unknown>): Promise<unknown> {
  const previous = digestTurns.get(trans);
  const next = previous ? previous.then(update, update) : update();
  digestTurns.set(trans, next);
  return next;
}

function digestCore(down: DBCore): DBCore {
  // During an upgrade from before version 4 the stack is built over a schema without the digest:
  // then there is nothing to keep in step (the version-4 upgrade fills it).
  if (!down.schema.tables.some((t) => t.name === DIGEST_TABLE)) return down;
  return {
    ...down,
    // Any read-write transaction over the cards also covers the digest, so it can be written with them.
    transaction(stores, mode, options) {
      const scope = mode === 'readwrite' && stores.includes('cards') && !stores.includes(DIGEST_TABLE) ? [...stores, DIGEST_TABLE] : stores;
      return down.transaction(scope, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (name !== 'cards') return table;
      const packs = down.table(DIGEST_TABLE);
      const after = (req: DBCoreMutateRequest, removed: readonly string[]) => (res: DBCoreMutateResponse) => {
        const update = () =>
          req.type === 'add' || req.type === 'put'
            ? applyToPacks(packs, req.trans, (req.values as StudyCard[]).filter((_, i) => !(i in res.failures)).map(digestOf), [])
            : req.type === 'deleteRange' && req.range.type === ANY_RANGE
              ? packs.mutate({ trans: req.trans, type: 'deleteRange', range: req.range })
              : applyToPacks(packs, req.trans, [], removed);
        return inTurn(req.trans, update).then(() => res);
      };
      return {
        ...table,
        mutate(req) {
          if (req.type === 'deleteRange' && req.range.type !== ANY_RANGE) {
            // A partial range delete names no keys: find them first.
            return table
              .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
              .then((found) => table.mutate(req).then(after(req, found.result as string[])));
          }
          return table.mutate(req).then(after(req, req.type === 'delete' ? (req.keys as string[]) : []));
        },
      };
    },
  };
}

export const cardDigestMiddleware: Middleware<DBCore> = { stack: 'dbcore', name: 'CardDigest', create: digestCore };

/** Rewrites every pack from the cards (the version-4 upgrade passes its own tables). Returns the number of cards. */
export async function rebuildDigestIn(cards: EntityTable<StudyCard, 'id'>, digest: EntityTable<DigestPack, 'bucket'>): Promise<number> {
  return writeDigestOf(await cards.toArray(), digest);
}

async function writeDigestOf(cards: readonly StudyCard[], digest: EntityTable<DigestPack, 'bucket'>): Promise<number> {
  const all = cards.map(digestOf);
  await digest.clear();
  await digest.bulkPut([...byBucket(all, (e) => e.id)].map(([bucket, entries]) => packDigest(bucket, entries)));
  return all.length;
}

/** Rewrites every pack from the stored cards, in one transaction. Returns the number of cards. */
export function rebuildCardDigest(db: StudyDb): Promise<number> {
  return withStorageErrors(() => db.transaction('rw', cardStores(db), async () => writeDigestOf(await readAllCards(db), db.cardDigest)));
}

/** Every card's digest entry. Call it inside a transaction over `cardDigest` for a consistent picture. */
export async function readCardDigest(db: StudyDb): Promise<DigestEntry[]> {
  return (await db.cardDigest.toArray()).flatMap(unpackDigest);
}

/**
 * Every card's id and sync hash (cardSyncHash), read from the digest's columns without building
 * its entries; null when a pack does not know a hash (written before the digest kept them).
 * Call it inside a transaction over `cardDigest`.
 */
export async function readCardSyncKeys(db: StudyDb): Promise<{ id: string; sync: number }[] | null> {
  const keys: { id: string; sync: number }[] = [];
  for (const pack of await db.cardDigest.toArray()) {
    const sync = pack.sync;
    if (!sync || sync.length !== pack.ids.length) return null;
    for (let i = 0; i < pack.ids.length; i += 1) {
      if (sync[i]! < 0) return null;
      keys.push({ id: pack.ids[i]!, sync: sync[i]! });
    }
  }
  return keys;
}

/**
 * Rebuilds the digest when it does not hold exactly the stored cards, which happens only when
 * cards were written around Dexie (a tool, or the benchmark's raw seed). Returns true when it
 * had to rebuild. Comparing ids, not just counts, costs one key read of the cards.
 */
export async function repairCardDigest(db: StudyDb): Promise<boolean> {
  const agree = await db.transaction('r', cardStores(db), async () => {
    const [keys, packs] = await Promise.all([readCardIds(db), db.cardDigest.toArray()]);
    const ids = new Set(packs.flatMap((p) => p.ids));
    return ids.size === keys.length && keys.every((k) => ids.has(k));
  });
  if (agree) return false;
  await rebuildCardDigest(db);
  return true;
}
