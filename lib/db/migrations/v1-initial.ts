/** Version 1: decks, cards, the review log, settings and meta. */
import type { Migration } from './migration';

export const v1: Migration = {
  version: 1,
  stores: {
    decks: 'id',
    cards: 'id, deckId, queue, [deckId+queue+rank], [queue+rank], *tags',
    reviews: 'id, cardId, day, reviewedAt, [deckId+day]',
    settings: 'id',
    meta: 'key',
  },
};
