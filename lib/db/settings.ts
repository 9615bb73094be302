import { DEFAULT_SETTINGS, type StudySettings } from '../model';
import type { StudyDb } from './database';
import { withStorageErrors } from './errors';

export async function loadSettings(db: StudyDb): Promise<StudySettings> {
  const row = await db.settings.get('settings');
  if (!row) return DEFAULT_SETTINGS;
  const { id: _id, ...stored } = row;
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Stores settings that the caller has already validated (see lib/settings-form.ts). */
export function saveSettings(db: StudyDb, settings: StudySettings): Promise<void> {
  return withStorageErrors(async () => {
    await db.settings.put({ ...settings, id: 'settings' });
  });
}
