'use client';

import { useStoredSettings } from '@/lib/db/hooks';
import type { StudySettings } from '@/lib/model';
import { useStudyDb } from './app-shell/storage-provider';

/** The learner's settings, kept current across tabs; undefined while loading. */
export function useSettings(): StudySettings | undefined {
  const db = useStudyDb();
  return useStoredSettings(db);
}
