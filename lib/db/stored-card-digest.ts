/**
 * Storage side of the card digest (lib/stats/card-digest.ts). The card store (card-store.ts)
 * keeps it in step with every card write, in the same transaction; only cards written around
 * the store (a tool, or the benchmark's raw seed) leave it behind, and the statistics page's
 * repair check catches those.
 */
import type { EntityTable } from 'dexie';
import type { StudyCard } from '../model';
import { byBucket, type DigestEntry, type DigestPack, digestOf, packDigest, unpackDigest } from '../stats/card-digest';
import type { StudyDb } from './schema';
import { withStorageErrors } from './errors';
import { cardStores, readAllCards, readCardIds } from './card-store';

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
