/**
 * What sync needs to know of a card to tell whether it has something to send: which cards it
 * sends, and a hash of what a cards document says of them. A small leaf module, because the card
 * digest (lib/stats/card-digest.ts), on every page, keeps the hash of every card: a sync then
 * compares 64 small packs instead of reading 20,000 cards (lib/sync/documents.ts buckets them).
 */
import type { StudyCard } from '../model';

/** FNV-1a over a string's UTF-16 units, unsigned; pass a previous result as `h` to continue it. */
export function fnv1a(text: string, h = 2166136261): number {
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
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
