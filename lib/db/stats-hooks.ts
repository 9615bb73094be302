'use client';
/**
 * The Progress page's live read (its own module, see hooks.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudySettings } from '../model';
import type { StudyDb } from './schema';
import { loadStats, type OutlineShape } from './stats';

/** Everything the Progress page shows. */
export function useStats(db: StudyDb | null, settings: StudySettings | undefined, outline: OutlineShape) {
  return useLiveQuery(() => (db && settings ? loadStats(db, settings, outline, Date.now()) : undefined), [db, settings, outline]);
}
