/**
 * The browser's single database instance, and what happens once at start-up: the built-in
 * decks are synced and persistent storage is requested (so the browser does not evict
 * months of reviews under storage pressure).
 */
import deckVersion from '../decks/generated/deck-version.json';
import { checkCardsFile } from '../decks/manifest';
import { openChecked, openStudyDb, type StudyDb } from './database';
import { replayPendingAnswers } from './answer-service';
import { replayPendingPractice } from './practice-service';
import { unburyDue } from './unbury';
import { syncOrKeepBuiltinDecks } from './sync-decks';

let instance: StudyDb | null = null;

export function appDb(): StudyDb {
  instance ??= openStudyDb();
  return instance;
}

export interface StartupResult {
  persisted: boolean | null;
  /** Why the built-in decks were not brought up to date, when they could not be (the stored ones are used). */
  decksNotice: string | null;
}

export async function startStorage(db: StudyDb, now: number): Promise<StartupResult> {
  // Open first, so a database this code cannot read (a newer schema) is named before anything runs.
  await openChecked(db);
  const syncStart = typeof performance !== 'undefined' ? performance.now() : 0;
  const outcome = await syncOrKeepBuiltinDecks(
    db,
    {
      version: deckVersion.contentVersion,
      load: async () => {
        // The decks' names and outlines are needed only when the cards changed: most start-ups never load them.
        const { deckManifest } = await import('./deck-manifest');
        // Relative to the site root; the service worker precaches the file for offline use.
        const url = new URL(deckVersion.cardsUrl, new URL('/', window.location.href));
        const res = await fetch(url);
        if (!res.ok) throw new Error(`The built-in decks could not be loaded (HTTP ${res.status} for ${url.pathname}). Reload when online.`);
        const cards = checkCardsFile(await res.json().catch(() => null), deckManifest);
        return { formatVersion: 1, decks: deckManifest.decks, cards, domains: deckManifest.domains };
      },
    },
    now,
  );
  // For `npm run bench`: how long keeping the built-in decks current cost this start-up.
  if (typeof performance !== 'undefined' && performance.measure)
    performance.measure(outcome.ok && outcome.report.skipped ? 'decks:sync-unchanged' : 'decks:sync', { start: syncStart, end: performance.now() });
  // Answers and practice steps whose write the last page unload cut short.
  await replayPendingAnswers(db);
  await replayPendingPractice(db);
  // Cards buried until a study day that has begun come back.
  await unburyDue(db, now);
  let persisted: boolean | null = null;
  if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
    persisted = await navigator.storage.persisted().then((already) => already || navigator.storage.persist()).catch(() => null);
  }
  return { persisted, decksNotice: outcome.ok ? null : outcome.message };
}
