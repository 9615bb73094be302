/**
 * The card digest: what the statistics page needs of each card (deck, certification and domain
 * tags, FSRS state, due time, stability, last review, flags) and nothing else, packed into a few
 * dozen rows. Chromium spends ~10 µs on every stored row or index entry it returns, even a key,
 * so reading 20,000 cards (or their keys) costs hundreds of milliseconds, while reading 64 packs
 * costs a few. A card's entry lives in the pack chosen by a hash of its id, so an answer rewrites
 * one small pack.
 */
import type { CardState, MemoryState, StudyCard } from '../model';
import { cardSyncHash } from '../sync/card-sync-key';

export const DIGEST_BUCKETS = 64;

/** One card as the statistics page sees it. */
export interface DigestEntry extends Pick<MemoryState, 'state' | 'due' | 'stability' | 'lastReview'> {
  id: string;
  deckId: string;
  /** Only the tags statistics group by: `cert:…`, `domain:…` and `subdomain:…`. */
  tags: string[];
  suspended: boolean;
  retired: boolean;
  /** cardSyncHash: what sync compares instead of reading the card (absent in packs written before it was kept). */
  sync?: number;
}

/** One stored pack: the entries of one bucket, column by column (compact to store and to read). */
export interface DigestPack {
  bucket: number;
  ids: string[];
  deckIds: string[];
  tags: string[][];
  state: number[];
  due: number[];
  stability: number[];
  /** -1 for a card never reviewed (null is not kept in a number column). */
  lastReview: number[];
  /** Bit 1: suspended; bit 2: retired. */
  flags: number[];
  /** cardSyncHash of each card, -1 where unknown (the column is absent in packs written before it was kept). */
  sync?: number[];
}

/** The tags the digest keeps: what the statistics group by, and what "Study this domain / sub-domain" links to. */
export const isDigestTag = (t: string) => t.startsWith('cert:') || t.startsWith('domain:') || t.startsWith('subdomain:');

export function digestOf(card: StudyCard): DigestEntry {
  return {
    id: card.id,
    deckId: card.deckId,
    tags: card.tags.filter(isDigestTag),
    state: card.state,
    due: card.due,
    stability: card.stability,
    lastReview: card.lastReview,
    suspended: card.suspended,
    retired: card.retired,
    sync: cardSyncHash(card),
  };
}

/** FNV-1a (32 bits) of a card's id: which digest pack, sync bucket and stored card pack hold the card. */
export function cardIdHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Which pack holds a card. */
export const bucketOf = (id: string): number => cardIdHash(id) % DIGEST_BUCKETS;

export function packDigest(bucket: number, entries: Iterable<DigestEntry>): DigestPack {
  const pack: DigestPack = { bucket, ids: [], deckIds: [], tags: [], state: [], due: [], stability: [], lastReview: [], flags: [], sync: [] };
  for (const e of entries) {
    pack.ids.push(e.id);
    pack.deckIds.push(e.deckId);
    pack.tags.push(e.tags);
    pack.state.push(e.state);
    pack.due.push(e.due);
    pack.stability.push(e.stability);
    pack.lastReview.push(e.lastReview ?? -1);
    pack.flags.push((e.suspended ? 1 : 0) | (e.retired ? 2 : 0));
    pack.sync!.push(e.sync ?? -1);
  }
  return pack;
}

export function unpackDigest(pack: DigestPack): DigestEntry[] {
  return pack.ids.map((id, i) => {
    const lastReview = pack.lastReview[i]!;
    const flags = pack.flags[i]!;
    const sync = pack.sync?.[i] ?? -1;
    return {
      id,
      deckId: pack.deckIds[i]!,
      tags: pack.tags[i]!,
      state: pack.state[i] as CardState,
      due: pack.due[i]!,
      stability: pack.stability[i]!,
      lastReview: lastReview < 0 ? null : lastReview,
      suspended: (flags & 1) !== 0,
      retired: (flags & 2) !== 0,
      sync: sync >= 0 ? sync : undefined,
    };
  });
}

/** A pack with `puts` written over (or added to) and `removed` taken out of its entries. */
export function updatePack(pack: DigestPack | undefined, bucket: number, puts: readonly DigestEntry[], removed: readonly string[]): DigestPack {
  const byId = new Map((pack ? unpackDigest(pack) : []).map((e) => [e.id, e]));
  for (const id of removed) byId.delete(id);
  for (const e of puts) byId.set(e.id, e);
  return packDigest(bucket, byId.values());
}

/** Groups entries (or ids) by the pack they belong in (a digest pack, or by another hash of the id). */
export function byBucket<T>(items: readonly T[], idOf: (item: T) => string, bucketOfId: (id: string) => number = bucketOf): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const item of items) {
    const b = bucketOfId(idOf(item));
    const list = out.get(b);
    if (list) list.push(item);
    else out.set(b, [item]);
  }
  return out;
}
