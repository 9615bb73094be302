'use client';
/**
 * The live reads components use: each re-runs when the tables it read change (in this tab or
 * another). Components read storage only through these hooks and the operations of lib/db/;
 * they never import Dexie or touch a table (a lint rule says so).
 */
import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudySettings } from '../model';
import type { StudyDb } from './schema';
import { loadHomeSummary, loadNextDue, type StudyScope } from './queries';
import { loadSettings } from './settings';
import { loadStats, type OutlineShape } from './stats';
import { loadActiveAttempts, loadFinishedAttempts } from './practice';

/** The learner's settings; undefined while loading (or while the database is not open). */
export function useStoredSettings(db: StudyDb | null): StudySettings | undefined {
  return useLiveQuery(() => (db ? loadSettings(db) : undefined), [db]);
}

/** Today's counts per deck, answers today and the streak, for the home page. */
export function useHomeSummary(db: StudyDb | null, settings: StudySettings | undefined) {
  return useLiveQuery(() => (db && settings ? loadHomeSummary(db, settings, Date.now()) : undefined), [db, settings]);
}

/** Everything the Progress page shows. */
export function useStats(db: StudyDb | null, settings: StudySettings | undefined, outline: OutlineShape) {
  return useLiveQuery(() => (db && settings ? loadStats(db, settings, outline, Date.now()) : undefined), [db, settings, outline]);
}

/** A deck's name, or undefined while loading (null when there is no such deck). */
export function useDeckName(db: StudyDb, deckId: string | null): string | null | undefined {
  return useLiveQuery(async () => (deckId === null ? null : ((await db.decks.get(deckId))?.name ?? null)), [db, deckId]);
}

/** When the next card of a scope falls due, for the "done for today" screen. */
export function useNextDue(db: StudyDb, scope: StudyScope) {
  const key = JSON.stringify(scope);
  return useLiveQuery(() => loadNextDue(db, JSON.parse(key) as StudyScope, Date.now()), [db, key]);
}

/** Practice attempts in progress, newest first. */
export function useActiveAttempts(db: StudyDb | null) {
  return useLiveQuery(() => (db ? loadActiveAttempts(db) : undefined), [db]);
}

/** Finished practice attempts, oldest first: the practice history. */
export function useFinishedAttempts(db: StudyDb | null) {
  return useLiveQuery(() => (db ? loadFinishedAttempts(db) : undefined), [db]);
}

/** Every deck (built-in and the learner's), for the deck list and the editor. */
export function useDecks(db: StudyDb | null) {
  return useLiveQuery(async () => (db ? (await db.decks.toArray()).filter((x) => !x.retired) : undefined), [db]);
}

/** An image stored with imported cards, as an object URL while it is shown (null when not stored). */
export function useMediaUrl(db: StudyDb | null, name: string): string | null | undefined {
  // Stored under the very name the card text uses (importers and backups both keep it encoded).
  const file = useLiveQuery(async () => (db ? ((await db.media.get(name)) ?? null) : undefined), [db, name]);
  const url = useMemo(() => (file ? URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: file.mime })) : file), [file]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}

