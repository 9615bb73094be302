'use client';

import { useState, type FormEvent } from 'react';
import { forgetSync, setAutoSync, setUpSync } from '@/lib/db/sync-record';
import { useUnsentAnswers } from '@/lib/db/sync-hooks';
import { checkSyncConfig, type ConfigField, type SyncConfig } from '@/lib/sync/server-address';
import { plural } from '@/lib/words';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSyncRecord } from '@/lib/db/sync-hooks';
import { TextField } from '../ui/text-field';
import { syncStatus, useSyncStatus } from './sync-status-store';

const FIELDS: { name: ConfigField; label: string; hint: string; type: string; autoComplete: string }[] = [
  { name: 'server', label: 'Server address', hint: 'Your CouchDB server, e.g. https://couch.example.org (https is required except for a server on this computer).', type: 'url', autoComplete: 'url' },
  { name: 'database', label: 'Database name', hint: 'One database per learner, e.g. userdb-ana or study-ana.', type: 'text', autoComplete: 'off' },
  { name: 'username', label: 'User name', hint: 'Your CouchDB user.', type: 'text', autoComplete: 'username' },
  { name: 'password', label: 'Password', hint: 'Kept on this device only; sent to your server alone, never in an address.', type: 'password', autoComplete: 'current-password' },
];

const STEP_WORDS = { starting: 'starting', receiving: 'receiving changes from the server', merging: 'merging them with what is here', sending: 'sending this device\'s changes', stopping: 'stopping' } as const;

function when(t: number): string {
  return new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Settings → Sync: set-up, "Sync now", "Sync automatically", the status in words, "Stop syncing". */
export function SyncPanel() {
  const db = useStudyDb();
  const record = useSyncRecord(db);
  const { running, last, runs } = useSyncStatus();
  const syncNow = () => syncStatus.syncNow();
  const unsent = useUnsentAnswers(db, record);
  const [values, setValues] = useState<SyncConfig | null>(null);
  const [error, setError] = useState<{ field: ConfigField; message: string } | null>(null);
  const [confirmStop, setConfirmStop] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  // The box shows the click at once; the stored record catches up a moment later.
  const [autoShown, setAutoShown] = useState<boolean | null>(null);

  if (!db || record === undefined) return <p className="muted" role="status">Loading sync…</p>;
  const form = values ?? record?.config ?? { server: '', database: '', username: '', password: '' };

  async function save(e: FormEvent) {
    e.preventDefault();
    const checked = checkSyncConfig(form);
    if (!checked.ok) {
      setError({ field: checked.field, message: checked.message });
      document.getElementById(`sync-${checked.field}`)?.focus();
      return;
    }
    setError(null);
    await setUpSync(db!, checked.config);
    setValues(null);
    setNotice(null);
    syncNow();
  }

  async function stopSyncing() {
    setConfirmStop(false);
    await syncStatus.stop();
    await forgetSync(db!);
    setValues(null);
    setNotice('Sync is off. Everything you studied stays on this device; the copy on the server stays there until you delete it (see the README).');
  }

  const status = running
    ? `Syncing: ${STEP_WORDS[running]}…`
    : last
      ? last.message
      : record?.lastSyncedAt
        ? 'Sync is set up.'
        : record?.config
          ? 'Sync is set up and has not run yet.'
          : 'Sync is off: nothing leaves this device.';

  return (
    <section aria-labelledby="sync-heading" className="card-surface mt-8 space-y-4 p-4" id="sync">
      <h2 id="sync-heading" className="text-xl font-semibold">Sync between devices</h2>
      <p className="muted text-sm">
        Your answers, settings, own cards, marks and practice exams go to a CouchDB database of yours and from there to your other devices. Each device keeps
        everything it has; an answer is never lost or counted twice, whichever device syncs first.
      </p>
      <form onSubmit={save} noValidate className="space-y-4" aria-label="Sync set-up">
        {FIELDS.map((f) => (
          <TextField
            key={f.name}
            id={`sync-${f.name}`}
            name={f.name}
            label={f.label}
            hint={f.hint}
            error={error?.field === f.name ? error.message : null}
            type={f.type}
            autoComplete={f.autoComplete}
            spellCheck={false}
            autoCapitalize="off"
            value={form[f.name]}
            onChange={(e) => setValues({ ...form, [f.name]: e.target.value })}
          />
        ))}
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="btn btn-primary">{record?.config ? 'Save and sync' : 'Set up sync'}</button>
          {record?.config && (
            <button type="button" className="btn" onClick={syncNow} disabled={running !== null}>Sync now</button>
          )}
        </div>
      </form>

      {record?.config && (
        <div className="flex items-center gap-2">
          <input
            id="sync-auto"
            type="checkbox"
            className="h-5 w-5"
            checked={autoShown ?? record.auto}
            onChange={(e) => {
              const on = e.target.checked;
              setAutoShown(on);
              void setAutoSync(db, on);
            }}
          />
          <label htmlFor="sync-auto" className="font-medium">Sync automatically (when online, and a few seconds after each change)</label>
        </div>
      )}

      <div role="status" aria-live="polite" className="space-y-1" data-testid="sync-status" data-runs={runs} data-last={last?.message}>
        <p className="font-medium">{status}</p>
        {record?.config && !running && (
          <>
            <p className="text-sm">Last synced: {record.lastSyncedAt ? when(record.lastSyncedAt) : 'never'}.</p>
            {unsent !== undefined && <p className="text-sm">Waiting to be sent: {unsent ? plural(unsent, 'answer') : 'nothing'}.</p>}
          </>
        )}
      </div>
      {record?.config && record.lastError && !running && (
        <p className="rounded border border-red-600 p-2 text-sm dark:border-red-400" data-testid="sync-problem">
          <strong>⚠ Last problem:</strong> {record.lastError}
        </p>
      )}
      {record?.config && record.skipped.length > 0 && (
        <details className="text-sm">
          <summary>{plural(record.skipped.length, 'document')} on the server could not be read and were skipped</summary>
          <ul className="mt-1 list-disc pl-5">
            {record.skipped.map((s) => <li key={s.id}><code>{s.id}</code>: {s.reason}</li>)}
          </ul>
        </details>
      )}
      {notice && <p role="status" className="text-sm">{notice}</p>}

      {record?.config && !confirmStop && (
        <button type="button" className="btn" onClick={() => setConfirmStop(true)} disabled={running !== null}>Stop syncing</button>
      )}
      {confirmStop && (
        <div
          role="alertdialog"
          aria-labelledby="sync-stop-question"
          className="rounded border p-3"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirmStop(false);
          }}
        >
          <p id="sync-stop-question" className="font-medium">Stop syncing on this device? What you studied stays here; the server and its copy are forgotten by this device only.</p>
          <div className="mt-2 flex gap-2">
            <button type="button" className="btn btn-primary" onClick={() => void stopSyncing()} autoFocus>Stop syncing now</button>
            <button type="button" className="btn" onClick={() => setConfirmStop(false)}>Keep syncing</button>
          </div>
        </div>
      )}
    </section>
  );
}
