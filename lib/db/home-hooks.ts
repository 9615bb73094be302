'use client';
/**
 * The home page's live read (its own module, see hooks.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudySettings } from '../model';
import type { StudyDb } from './schema';
import { loadHomeSummary } from './home-summary';

/** Everything the home page shows, kept live. */
export function useHomeSummary(db: StudyDb | null, settings: StudySettings | undefined) {
  return useLiveQuery(() => (db && settings ? loadHomeSummary(db, settings, Date.now()) : undefined), [db, settings]);
}
