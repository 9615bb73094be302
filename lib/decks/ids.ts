/**
 * Stable card ids and deterministic choices, with a small pure hash (FNV-1a, 64 bit) so the
 * same code runs in Node and in the browser without node:crypto.
 */

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;
const encoder = new TextEncoder();

/** FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of encoder.encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * A card's id: the hash of its template, its fact key and its question (front and choices).
 * The back is deliberately left out, so fixing an explanation keeps the card's progress;
 * nothing positional goes in, so reordering or adding facts keeps every other id.
 */
export function cardId(template: string, factKey: string, front: string, choices?: readonly string[]): string {
  return fnv1a64([template, factKey, front, ...(choices ?? [])].join('\u001f'));
}

/** Sorts items by the hash of `seed` + their key: a stable, pseudo-random order. */
export function hashOrder<T>(items: readonly T[], seed: string, keyOf: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, h: fnv1a64(`${seed}\u001f${keyOf(item)}`) }))
    .sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0))
    .map((x) => x.item);
}
