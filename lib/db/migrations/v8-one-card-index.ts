/**
 * Version 8 drops the cards' `[queue+rank]` index: IndexedDB in Chromium pays for every index entry
 * on every card write, and a restore, an Anki import, a first sync and the built-in decks' install
 * write thousands of cards in one go (plain IndexedDB, 20,000 cards in one transaction: 3.0 s with
 * both indexes, 1.9 s with none; `npm run bench -- --only storage`). What it answered, a queue
 * across every deck, is now read deck by deck over `[deckId+queue+rank]` and merged by rank, as a
 * deck with subdecks already was. Index removal only: IndexedDB drops it, nothing to convert.
 */
import type { Migration } from './migration';

export const v8: Migration = { version: 8, stores: { cards: 'id, [deckId+queue+rank]' } };
