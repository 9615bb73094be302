/**
 * The one Dexie database of the app. Schema versions are append-only: never edit a shipped
 * `version(n)`; add `version(n + 1)` with an upgrade function and a test for it.
 *
 * Indexes are chosen so the study path never scans the collection, and no more of them, since
 * each one slows every write:
 * - cards `[deckId+queue+rank]` / `[queue+rank]`: "due now in deck D" and "next new cards"
 *   are index ranges (rank = due time, or introduction order for new cards);
 * - reviews `[deckId+day]` / `day`: today's counts per deck and the streak without a scan.
 *
 * Version 2 adds `dayTotals`, one row per study day summing that day's answers (see
 * lib/stats/day-totals.ts), so the statistics page never reads the whole review log. Answer and
 * undo keep it in step in their own transactions; the upgrade fills it from the existing log.
 *
 * Version 3 adds `packedReviews`: answers brought in by an import, packed one row per study day
 * (lib/review-pack.ts). Chromium spends ~80 µs on every stored row, so a restore of 300,000
 * answers as rows would take 30 s; packed it takes well under one. Answers given on this device
 * stay in `reviews`, one row each. Read the log through lib/db/review-log.ts, which sees both.
 *
 * Version 4 adds `cardDigest`: what the statistics page needs of every card, packed into 64 rows
 * (lib/stats/card-digest.ts), so the page reads a few rows instead of 20,000 cards and their
 * index keys. A middleware (lib/db/card-digest.ts) keeps it in step with every write to `cards`;
 * the upgrade fills it from the existing cards.
 *
 * Version 5 drops three card indexes, because every index entry costs time on every card write
 * (storing 20,000 cards with four tags each in one transaction, in Chromium on disk: 4.4 s with
 * them, 2.9 s without; a restore writes every card of the backup): `queue`,
 * which nothing queried; `deckId`, whose queries are ranges over `[deckId+queue+rank]` now
 * (`cardsOfDeck`); and `*tags`, whose only use, a session over one domain, now finds its
 * cards through the card digest (lib/db/queries.ts).
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Deck, ReviewEntry, StudyCard, StudySettings } from '../model';
import type { PackedDay } from '../review-pack';
import type { DigestPack } from '../stats/card-digest';
import type { DayTotals } from '../stats/day-totals';
import { cardDigestMiddleware, rebuildDigestIn } from './card-digest';
import { rebuildTotalsIn } from './day-totals';

export interface SettingsRow extends StudySettings {
  id: 'settings';
  /** When the learner last saved settings (epoch ms): the newer of two devices' settings wins an import. */
  savedAt?: number;
}

export interface MetaRow {
  key: string;
  value: string;
}

export const DB_NAME = 'cism-cissp-study';
export const SCHEMA_VERSION = 5;

export type StudyDb = Dexie & {
  decks: EntityTable<Deck, 'id'>;
  cards: EntityTable<StudyCard, 'id'>;
  reviews: EntityTable<ReviewEntry, 'id'>;
  settings: EntityTable<SettingsRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  dayTotals: EntityTable<DayTotals, 'day'>;
  packedReviews: EntityTable<PackedDay, 'day'>;
  cardDigest: EntityTable<DigestPack, 'bucket'>;
};

export function openStudyDb(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): StudyDb {
  const db = new Dexie(name, options) as StudyDb;
  db.version(1).stores({
    decks: 'id',
    cards: 'id, deckId, queue, [deckId+queue+rank], [queue+rank], *tags',
    reviews: 'id, cardId, day, reviewedAt, [deckId+day]',
    settings: 'id',
    meta: 'key',
  });
  db.version(2)
    .stores({ dayTotals: 'day' })
    .upgrade((tx) => rebuildTotalsIn(tx.table('reviews'), tx.table('dayTotals')));
  // A new, empty table: nothing to convert.
  db.version(3).stores({ packedReviews: 'day' });
  db.version(4)
    .stores({ cardDigest: 'bucket' })
    .upgrade((tx) => rebuildDigestIn(tx.table('cards'), tx.table('cardDigest')));
  // Index removals only: IndexedDB drops them, nothing to convert.
  db.version(5).stores({ cards: 'id, [deckId+queue+rank], [queue+rank]' });
  db.use(cardDigestMiddleware);
  return db;
}

/**
 * Every card of one deck, as a range of `[deckId+queue+rank]` (there is no `deckId` index since
 * version 5): the keys that begin with the deck id. A key sorts after its own prefix, and an
 * array after every string, so `[deckId]` … `[deckId, []]` holds exactly the deck's cards.
 */
export function cardsOfDeck(db: StudyDb, deckId: string) {
  return db.cards.where('[deckId+queue+rank]').between([deckId], [deckId, []], true, true);
}
