/**
 * Version 9 stores the cards in packs (`cardPacks`, lib/db/card-store.ts) instead of one record
 * each, and drops the `cards` table. Chromium pays about the same for every record it stores and
 * more for each index entry, so storing 20,000 cards took 2.8-3.1 s as records with their one
 * index and 0.5-0.6 s as 1,024 packs (`npm run bench -- --only storage`): the restore and the
 * Anki import of 20,000 cards spent most of their time there. The upgrade moves every card into
 * its pack unchanged; the card digest already holds them.
 */
import { packCards, packOf } from '../card-store';
import { byBucket } from '../../stats/card-digest';
import type { StudyCard } from '../../model';
import type { Migration } from './migration';

export const v9: Migration = {
  version: 9,
  stores: { cardPacks: 'pack, *queueKeys', cards: null },
  upgrade: async (tx) => {
    const cards = (await tx.table('cards').toArray()) as StudyCard[];
    await tx.table('cardPacks').bulkAdd([...byBucket(cards, (c) => c.id, packOf)].map(([p, inPack]) => packCards(p, inPack)));
  },
};
