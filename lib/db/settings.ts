import { DEFAULT_SETTINGS, type StudySettings } from '../model';
import type { SettingsRow, StudyDb } from './database';
import { withStorageErrors } from './errors';

export async function loadSettings(db: StudyDb): Promise<StudySettings> {
  const row = await db.settings.get('settings');
  if (!row) return DEFAULT_SETTINGS;
  const stored: Partial<SettingsRow> = { ...row };
  delete stored.id;
  return { ...DEFAULT_SETTINGS, ...stored };
}

/** Stores settings that the caller has already validated (see lib/settings-form.ts). */
export function saveSettings(db: StudyDb, settings: StudySettings): Promise<void> {
  return withStorageErrors(async () => {
    await db.settings.put({ ...settings, id: 'settings' });
  });
}
