'use client';
/**
 * The study screen's live reads (their own module, see hooks.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudyDb } from './schema';
import { loadNextDue, type StudyScope } from './queries';

/** A deck's name, or undefined while loading (null when there is no such deck). */
export function useDeckName(db: StudyDb, deckId: string | null): string | null | undefined {
  return useLiveQuery(async () => (deckId === null ? null : ((await db.decks.get(deckId))?.name ?? null)), [db, deckId]);
}

/** When the next card of a scope falls due, for the "done for today" screen. */
export function useNextDue(db: StudyDb, scope: StudyScope) {
  const key = JSON.stringify(scope);
  return useLiveQuery(() => loadNextDue(db, JSON.parse(key) as StudyScope, Date.now()), [db, key]);
}
