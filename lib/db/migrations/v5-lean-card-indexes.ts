/**
 * Version 5 drops three card indexes, because every index entry costs time on every card write
 * (storing 20,000 cards with four tags each in one transaction, in Chromium on disk: 4.4 s with
 * them, 2.9 s without; a restore writes every card of the backup): `queue`, which nothing
 * queried; `deckId`, whose queries are ranges over `[deckId+queue+rank]` now (`cardsOfDeck`); and
 * `*tags`, whose only use, a session over one domain, now finds its cards through the card digest
 * (lib/db/queries.ts). Index removals only: IndexedDB drops them, nothing to convert.
 */
import type { Migration } from './migration';

export const v5: Migration = { version: 5, stores: { cards: 'id, [deckId+queue+rank], [queue+rank]' } };
