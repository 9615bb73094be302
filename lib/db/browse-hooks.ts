'use client';
/**
 * The live reads of the card browser and card info, apart from hooks.ts so that the pages that do
 * not browse (every page imports hooks.ts) do not carry the browser's storage code.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { loadBrowseRows } from './browse';
import { loadCardInfo } from './own-cards';
import type { StudyDb } from './schema';

/** Every card as a browser row; re-read whenever a card or deck changes. */
export function useBrowseRows(db: StudyDb | null) {
  return useLiveQuery(() => (db ? loadBrowseRows(db) : undefined), [db]);
}

/** One card with its answers and text history, for the card-info view. */
export function useCardInfo(db: StudyDb | null, id: string | null) {
  return useLiveQuery(() => (db && id ? loadCardInfo(db, id) : null), [db, id]);
}
