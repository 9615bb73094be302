/**
 * The shape of the app's one IndexedDB database: its name, its current version, and the row
 * types of its tables. A leaf module: it imports nothing of the app at run time, so every storage
 * module can depend on it without an import cycle. How each version came about is in
 * lib/db/migrations/ (one file per version); how the database is opened, in database.ts.
 */
import type { EntityTable } from 'dexie';
import type Dexie from 'dexie';
import type { CardRevision, Deck, MediaFile, ReviewEntry, StudyCard, StudySettings } from '../model';
import type { PackedDay } from '../review-pack';
import type { DigestPack } from '../stats/card-digest';
import type { DayTotals } from '../stats/day-totals';
import type { Attempt } from '../practice/attempt';

export interface SettingsRow extends StudySettings {
  id: 'settings';
  /** When the learner last saved settings (epoch ms): the newer of two devices' settings wins an import. */
  savedAt?: number;
}

export interface MetaRow {
  key: string;
  value: string;
}

/** A card's key in its pack's multiEntry index: a deck's queue in rank order is one range of these. */
export type CardQueueKey = [deckId: string, queue: StudyCard['queue'], rank: number, id: string];

/**
 * Cards are stored in packs of about twenty (version 9 on; lib/db/card-store.ts): the cards whose
 * ids hash to the same pack, in id order, with each one's queue key.
 */
export interface CardPack {
  pack: number;
  cards: StudyCard[];
  queueKeys: CardQueueKey[];
}

/** How many packs the cards are spread over (a card's pack: cardIdHash(id) % CARD_PACKS). */
export const CARD_PACKS = 1024;

export const DB_NAME = 'cism-cissp-study';
/** The newest version in lib/db/migrations/ (a test keeps the two equal). */
export const SCHEMA_VERSION = 9;

export type StudyDb = Dexie & {
  decks: EntityTable<Deck, 'id'>;
  cardPacks: EntityTable<CardPack, 'pack'>;
  reviews: EntityTable<ReviewEntry, 'id'>;
  settings: EntityTable<SettingsRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  dayTotals: EntityTable<DayTotals, 'day'>;
  packedReviews: EntityTable<PackedDay, 'day'>;
  cardDigest: EntityTable<DigestPack, 'bucket'>;
  practiceAttempts: EntityTable<Attempt, 'id'>;
  cardRevisions: EntityTable<CardRevision, 'id'>;
  media: EntityTable<MediaFile, 'name'>;
};
