'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { loadSettings } from '@/lib/db/settings';
import type { StudySettings } from '@/lib/model';
import { useStudyDb } from './app-shell/storage-provider';

/** The learner's settings, kept current across tabs; undefined while loading. */
export function useSettings(): StudySettings | undefined {
  const db = useStudyDb();
  return useLiveQuery(() => (db ? loadSettings(db) : undefined), [db]);
}
