'use client';

import { useState, type FormEvent } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { saveSettings } from '@/lib/db/settings';
import type { StudySettings } from '@/lib/model';
import { parseSettingsForm, settingsToForm, type SettingsFormValues } from '@/lib/settings-form';
import { NUMBER_RULES, rangeText } from '@/lib/settings-rules';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { StorageStatus } from './storage-status';
import { TextField } from '../ui/text-field';
import { SyncPanel } from '../sync/sync-panel';

type TextField = Exclude<keyof SettingsFormValues, 'fuzz'>;

const FIELDS: { name: TextField; label: string; hint: string; inputMode: 'decimal' | 'numeric' | 'text' }[] = [
  { name: 'desiredRetention', label: NUMBER_RULES.desiredRetention.label, hint: `The share of cards you want to remember when they come due, ${NUMBER_RULES.desiredRetention.min.toFixed(2)} to ${NUMBER_RULES.desiredRetention.max}. Higher means more reviews. Applies to future answers only.`, inputMode: 'decimal' },
  { name: 'newCardsPerDay', label: NUMBER_RULES.newCardsPerDay.label, hint: 'Per deck, and in total for "Study all".', inputMode: 'numeric' },
  { name: 'reviewsPerDay', label: NUMBER_RULES.reviewsPerDay.label, hint: 'Per deck, and in total for "Study all".', inputMode: 'numeric' },
  { name: 'maximumIntervalDays', label: 'Maximum interval (days)', hint: 'No card waits longer than this.', inputMode: 'numeric' },
  { name: 'learningSteps', label: 'Learning steps', hint: 'Short intervals for new cards, like "1m 10m".', inputMode: 'text' },
  { name: 'relearningSteps', label: 'Relearning steps', hint: 'Short intervals after a forgotten card, like "10m".', inputMode: 'text' },
  { name: 'leechLapses', label: `${NUMBER_RULES.leechLapses.label} (lapses, ${rangeText(NUMBER_RULES.leechLapses)})`, hint: 'A card forgotten this many times is tagged "leech" and suspended, so it stops costing time; 0 turns this off.', inputMode: 'numeric' },
  { name: 'dayStartHour', label: `${NUMBER_RULES.dayStartHour.label} (hour, ${rangeText(NUMBER_RULES.dayStartHour)})`, hint: 'Answers before this hour count for the day before.', inputMode: 'numeric' },
];

export function SettingsScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  if (!db || !settings) return <p className="muted" role="status">Loading settings…</p>;
  return (
    <>
      <SettingsForm db={db} settings={settings} />
      <SyncPanel />
      <StorageStatus />
    </>
  );
}

function SettingsForm({ db, settings }: { db: StudyDb; settings: StudySettings }) {
  const [values, setValues] = useState<SettingsFormValues>(() => settingsToForm(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsFormValues, string>>>({});
  const [status, setStatus] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = parseSettingsForm(values, settings);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('Nothing was saved: please correct the fields marked below.');
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`setting-${first}`)?.focus();
      return;
    }
    setErrors({});
    try {
      await saveSettings(db, result.settings);
      setStatus('Settings saved.');
    } catch (err) {
      setStatus(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-labelledby="settings-heading">
      <h1 id="settings-heading" className="text-2xl font-bold">Settings</h1>
      {FIELDS.map((f) => (
        <TextField
          key={f.name}
          id={`setting-${f.name}`}
          name={f.name}
          label={f.label}
          hint={f.hint}
          error={errors[f.name]}
          inputMode={f.inputMode}
          value={values[f.name]}
          onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
        />
      ))}
      <div className="flex items-center gap-2">
        <input
          id="setting-fuzz"
          type="checkbox"
          className="h-5 w-5"
          checked={values.fuzz}
          onChange={(e) => setValues({ ...values, fuzz: e.target.checked })}
        />
        <label htmlFor="setting-fuzz" className="font-medium">Spread reviews with a little randomness (fuzz)</label>
      </div>
      <button type="submit" className="btn btn-primary">Save settings</button>
      {status && <p role="status" className="font-medium">{status}</p>}
    </form>
  );
}
