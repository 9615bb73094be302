import { DEFAULT_SETTINGS, type StudySettings } from '../model';
import type { SettingsRow, StudyDb } from './database';
import { withStorageErrors } from './errors';

/** The stored settings and when they were saved (null: never saved, the defaults apply). */
export interface StoredSettings {
  settings: StudySettings;
  savedAt: number | null;
}

export async function loadStoredSettings(db: StudyDb): Promise<StoredSettings> {
  const row = await db.settings.get('settings');
  if (!row) return { settings: DEFAULT_SETTINGS, savedAt: null };
  const stored: Partial<SettingsRow> = { ...row };
  delete stored.id;
  delete stored.savedAt;
  // A row saved before save times were kept counts as saved, at an unknown (earliest) time.
  return { settings: { ...DEFAULT_SETTINGS, ...stored }, savedAt: row.savedAt ?? 0 };
}

export async function loadSettings(db: StudyDb): Promise<StudySettings> {
  return (await loadStoredSettings(db)).settings;
}

/**
 * Stores settings that the caller has already validated (see lib/settings-form.ts), with the
 * time they were saved, which decides whose settings win when two devices' backups merge.
 * The time defaults to the clock so that every caller stamps it; tests pass their own.
 */
export function saveSettings(db: StudyDb, settings: StudySettings, savedAt: number = Date.now()): Promise<void> {
  return withStorageErrors(async () => {
    await db.settings.put({ ...settings, id: 'settings', savedAt });
  });
}
