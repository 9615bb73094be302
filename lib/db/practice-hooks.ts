'use client';
/**
 * The practice pages' live reads (their own module, see hooks.ts).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudyDb } from './schema';
import { loadActiveAttempts, loadFinishedAttempts } from './practice';

/** Practice attempts in progress, newest first. */
export function useActiveAttempts(db: StudyDb | null) {
  return useLiveQuery(() => (db ? loadActiveAttempts(db) : undefined), [db]);
}

/** Finished practice attempts, oldest first: the practice history. */
export function useFinishedAttempts(db: StudyDb | null) {
  return useLiveQuery(() => (db ? loadFinishedAttempts(db) : undefined), [db]);
}
