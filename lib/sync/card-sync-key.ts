/**
 * What sync needs to know of a card to tell whether it has something to send: which cards it
 * sends, their bucket, and a hash of what a cards document says of them. A leaf module, so the
 * card digest (lib/stats/card-digest.ts) can keep the hash of every card without loading sync:
 * a sync then compares 64 small packs instead of reading 20,000 cards.
 */
import type { StudyCard } from '../model';

const BUCKETS = 64;

/** FNV-1a over a string's UTF-16 units, unsigned; pass a previous result as `h` to continue it. */
export function fnv1a(text: string, h = 2166136261): number {
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Which cards document holds a card: a stable hash of its id, as two hexadecimal digits. */
export function bucketOf(cardId: string): string {
  return (fnv1a(cardId) % BUCKETS).toString(16).padStart(2, '0');
}

/** What a device sends of a card: its own and imported cards, and cards it marked. */
export function isSyncedCard(card: StudyCard): boolean {
  return (card.origin !== undefined && card.origin !== 'builtin') || card.marksAt !== undefined;
}

/**
 * A hash of what a cards document says of a card (deck, text revision, marks): it changes with
 * an edit, a move or a mark, never with an answer. 0 for a card sync does not send.
 */
export function cardSyncHash(c: StudyCard): number {
  if (!isSyncedCard(c)) return 0;
  // 0 is kept for "not sent"; a real hash of 0 (one in four billion) becomes 1.
  return fnv1a(`${c.deckId}|${c.contentRev ?? 0}|${c.contentAt ?? 0}|${c.marksAt ?? 0}|${c.suspended}|${c.flag ?? 0}|${c.buriedUntil ?? ''}|${c.retired}`) || 1;
}

/** A card as the bucket fingerprints see it: its id and cardSyncHash. */
export interface CardSyncKey {
  id: string;
  sync: number;
}

/**
 * A fingerprint of each bucket's synced cards and their earlier texts. A bucket whose fingerprint
 * did not change since the last send has nothing new, so a sync skips it without reading its cards
 * or its documents.
 */
export function bucketFingerprints(cards: readonly CardSyncKey[], revisionIds: readonly { id: string; cardId: string }[]): Record<string, string> {
  const hashes = new Map<string, number>();
  const mix = (bucket: string, text: string) => hashes.set(bucket, fnv1a(text, hashes.get(bucket)));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const c of [...cards].sort(byId)) if (c.sync !== 0) mix(bucketOf(c.id), `${c.id}|${c.sync}\n`);
  for (const r of [...revisionIds].sort(byId)) mix(bucketOf(r.cardId), `${r.id}\n`);
  return Object.fromEntries([...hashes].map(([b, h]) => [b, h.toString(36)]));
}
