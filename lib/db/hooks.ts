'use client';
/**
 * The live reads components use: each re-runs when the tables it read change (in this tab or
 * another). Components read storage only through these hooks and the operations of lib/db/;
 * they never import Dexie or touch a table (a lint rule says so).
 *
 * This module holds the hooks every page may use; a page's own live reads have a module of their
 * own (home-hooks, study-hooks, stats-hooks, practice-hooks, browse-hooks, sync-hooks), so that a
 * page does not load the queries of the others.
 */
import { useEffect, useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { StudySettings } from '../model';
import type { StudyDb } from './schema';
import { loadSettings } from './settings';

/** The learner's settings; undefined while loading (or while the database is not open). */
export function useStoredSettings(db: StudyDb | null): StudySettings | undefined {
  return useLiveQuery(() => (db ? loadSettings(db) : undefined), [db]);
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

