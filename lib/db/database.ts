/**
 * The one Dexie database of the app, opened through every schema version in
 * lib/db/migrations/ (append-only: never edit a shipped version; add the next one with an
 * upgrade function and a fixture). The shape of the database is in schema.ts.
 *
 * Indexes are chosen so the study path never scans the collection, and no more of them, since
 * each one slows every write:
 * - card packs `*queueKeys` (each card's `[deckId, queue, rank, id]`): "due now in deck D" and
 *   "next new cards" are index ranges (rank = due time, or introduction order for new cards); a
 *   queue across every deck is read deck by deck and merged by rank (lib/db/card-store.ts);
 * - reviews `[deckId+day]` / `day`: today's counts per deck and the streak without a scan.
 */
import Dexie from 'dexie';
import { NewerDatabaseError } from './errors';
import { MIGRATIONS } from './migrations';
import { DB_NAME, SCHEMA_VERSION, type StudyDb } from './schema';

export { DB_NAME, SCHEMA_VERSION, type MetaRow, type SettingsRow, type StudyDb } from './schema';

export function openStudyDb(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): StudyDb {
  const db = new Dexie(name, options) as StudyDb;
  for (const m of MIGRATIONS) {
    const version = db.version(m.version).stores(m.stores);
    if (m.upgrade) version.upgrade(m.upgrade);
  }
  return db;
}

/** The schema version stored on this device for `name`, without opening it (null when unknown). */
async function storedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const info = (await indexedDB.databases()).find((d) => d.name === name);
  // Dexie stores version n as 10 n.
  return info?.version ? info.version / 10 : null;
}

/**
 * Opens the database, refusing one written by a newer version of the app. Dexie 4 would open
 * such a database at its stored version and go on with code that does not know its shape, so
 * the version is read first, without opening it, and checked again once open.
 */
export async function openChecked(db: StudyDb): Promise<void> {
  const stored = await storedVersion(db.name);
  if (stored !== null && stored > SCHEMA_VERSION) throw new NewerDatabaseError(stored, SCHEMA_VERSION);
  await db.open();
  if (db.verno > SCHEMA_VERSION) {
    const found = db.verno;
    db.close();
    throw new NewerDatabaseError(found, SCHEMA_VERSION);
  }
}

/**
 * Every deck's id: a queue across all decks is read deck by deck (there is no index on the queue
 * alone since version 8). Every card is in a stored deck: deleting a deck deletes its cards, and a
 * backup or a sync brings a card's deck with it.
 */
export async function allDeckIds(db: StudyDb): Promise<string[]> {
  return (await db.decks.toCollection().primaryKeys()) as string[];
}
