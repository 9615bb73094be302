/**
 * The browser's single database instance, and what happens once at start-up: the built-in
 * decks are synced and persistent storage is requested (so the browser does not evict
 * months of reviews under storage pressure).
 */
import generated from '../decks/generated/decks.json';
import type { GeneratedDecks } from '../decks/types';
import { openStudyDb, type StudyDb } from './database';
import { replayPendingAnswers } from './pending-answers';
import { syncBuiltinDecks } from './sync-decks';

let instance: StudyDb | null = null;

export function appDb(): StudyDb {
  instance ??= openStudyDb();
  return instance;
}

export interface StartupResult {
  persisted: boolean | null;
}

export async function startStorage(db: StudyDb, now: number): Promise<StartupResult> {
  await syncBuiltinDecks(db, generated as GeneratedDecks, now);
  // Answers whose write the last page unload cut short.
  await replayPendingAnswers(db);
  let persisted: boolean | null = null;
  if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
    persisted = await navigator.storage.persisted().then((already) => already || navigator.storage.persist()).catch(() => null);
  }
  return { persisted };
}
