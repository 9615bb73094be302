/**
 * Version 4 adds `cardDigest`: what the statistics page needs of every card, packed into 64 rows
 * (lib/stats/card-digest.ts), so the page reads a few rows instead of 20,000 cards and their
 * index keys. The card store (lib/db/card-store.ts; a Dexie middleware up to version 8) keeps
 * it in step with every card write; the upgrade fills it from the existing cards.
 */
import { rebuildDigestIn } from '../stored-card-digest';
import type { Migration } from './migration';

export const v4: Migration = {
  version: 4,
  stores: { cardDigest: 'bucket' },
  upgrade: (tx) => rebuildDigestIn(tx.table('cards'), tx.table('cardDigest')),
};
