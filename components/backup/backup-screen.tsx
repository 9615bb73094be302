'use client';

import { useCallback, useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { importedHeadline, type ImportSummary, summaryDetails, summaryHeadline } from '@/lib/backup/summary';
import type { BackupProblem } from '@/lib/backup/parse';
import type { Phase } from '@/lib/db/backup';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { plural } from '@/lib/words';
import type { BackupReply, ExportKind } from './backup-messages';
import { saveFile, useBackupWorker } from './use-backup-worker';

interface Busy {
  task: 'export' | 'import';
  phase: Phase;
  done: number;
  total: number;
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'preview'; fileName: string; summary: ImportSummary; changed: boolean }
  | { kind: 'imported'; summary: ImportSummary }
  | { kind: 'problem'; fileName: string; problem: BackupProblem }
  | { kind: 'failed'; message: string };

const PHASE_TEXT: Record<Busy['task'], Record<Phase, string>> = {
  export: { reading: 'Reading your progress', checking: 'Checking', comparing: 'Comparing', writing: 'Writing', saving: 'Preparing the file' },
  import: {
    reading: 'Reading the file',
    checking: 'Checking every answer in the file',
    comparing: 'Comparing with what is stored here',
    writing: 'Saving the imported progress',
    saving: 'Saving',
  },
};

const EXPORTS: { kind: ExportKind; label: string; primary?: boolean }[] = [
  { kind: 'backup', label: 'Export progress', primary: true },
  { kind: 'review-log', label: 'Export review log (CSV)' },
  { kind: 'fsrs-optimizer', label: 'Export for the FSRS optimizer (CSV)' },
];


export function BackupScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  const [busy, setBusy] = useState<Busy | null>(null);
  const [exported, setExported] = useState<{ text: string; failed: boolean } | null>(null);
  const task = useRef<Busy['task']>('export');
  const [importState, setImportState] = useState<ImportState>({ kind: 'idle' });
  const fileName = useRef('');
  const fileInput = useRef<HTMLInputElement>(null);
  const progressLabel = useId();

  // performance.measure entries (backup:export, backup:prepare, backup:apply) are read by `npm run bench`.
  const onReply = useCallback((reply: BackupReply) => {
    switch (reply.type) {
      case 'progress':
        setBusy((b) => (b ? { ...b, phase: reply.phase, done: reply.done, total: reply.total } : b));
        return;
      case 'exported':
        performance.measure('backup:export', 'backup:export-start');
        setBusy(null);
        saveFile(reply.blob, reply.fileName);
        setExported({ text: `Saved ${reply.fileName}: ${plural(reply.reviews, 'review')} and ${plural(reply.cards, 'card')}. Keep it somewhere other than this browser.`, failed: false });
        return;
      case 'preview':
        performance.measure('backup:prepare', 'backup:prepare-start');
        setBusy(null);
        setImportState({ kind: 'preview', fileName: fileName.current, summary: reply.summary, changed: false });
        return;
      case 'changed':
        setBusy(null);
        setImportState({ kind: 'preview', fileName: fileName.current, summary: reply.summary, changed: true });
        return;
      case 'imported':
        performance.measure('backup:apply', 'backup:apply-start');
        setBusy(null);
        setImportState({ kind: 'imported', summary: reply.summary });
        if (fileInput.current) fileInput.current.value = '';
        return;
      case 'problem':
        setBusy(null);
        setImportState({ kind: 'problem', fileName: fileName.current, problem: reply.problem });
        return;
      case 'failed':
        setBusy(null);
        if (task.current === 'export') setExported({ text: `The export did not complete: ${reply.message}`, failed: true });
        else setImportState({ kind: 'failed', message: reply.message });
        return;
    }
  }, []);
  const send = useBackupWorker(onReply);
  // A preview or a result appears after seconds of work: move focus to it so keyboard and
  // screen-reader users land on what needs their attention next.
  const outcome = useRef<HTMLHeadingElement | HTMLParagraphElement>(null);
  useEffect(() => {
    if (importState.kind !== 'idle') outcome.current?.focus();
  }, [importState]);

  if (!db || !settings) return <p className="muted" role="status">Loading…</p>;

  function startExport(kind: ExportKind) {
    setExported(null);
    task.current = 'export';
    performance.mark('backup:export-start');
    setBusy({ task: 'export', phase: 'reading', done: 0, total: 0 });
    send({ type: 'export', kind });
  }

  function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    fileName.current = file.name;
    setImportState({ kind: 'idle' });
    task.current = 'import';
    performance.mark('backup:prepare-start');
    setBusy({ task: 'import', phase: 'reading', done: 0, total: 0 });
    send({ type: 'prepare', file });
  }

  function confirmImport() {
    task.current = 'import';
    performance.mark('backup:apply-start');
    setBusy({ task: 'import', phase: 'comparing', done: 0, total: 0 });
    send({ type: 'apply' });
  }

  function cancelImport() {
    setImportState({ kind: 'idle' });
    if (fileInput.current) fileInput.current.value = '';
  }

  const percent = busy && busy.total > 0 ? Math.round((100 * busy.done) / busy.total) : null;

  return (
    <div className="space-y-6" data-testid="backup">
      <h1 className="text-2xl font-bold">Backup</h1>
      <p className="muted">
        Your progress lives only in this browser. Export a backup now and then, and to move to another device or browser;
        import it there. Importing merges: answers already stored stay, new ones are added, nothing is removed.
      </p>

      {busy && (
        <div className="card-surface p-4" role="status" aria-live="polite">
          <p id={progressLabel} className="font-medium">
            {PHASE_TEXT[busy.task][busy.phase]}…{percent !== null && ` ${percent}%`}
          </p>
          <progress className="mt-2 h-3 w-full" aria-labelledby={progressLabel} max={busy.total || undefined} value={busy.total ? busy.done : undefined} />
        </div>
      )}

      <section aria-labelledby="export-heading" className="card-surface space-y-3 p-5">
        <h2 id="export-heading" className="text-xl font-semibold">Export</h2>
        <div className="flex flex-wrap gap-2">
          {EXPORTS.map((e) => (
            <button key={e.kind} type="button" className={`btn ${e.primary ? 'btn-primary' : ''}`} disabled={busy !== null} onClick={() => startExport(e.kind)}>
              {e.label}
            </button>
          ))}
        </div>
        <ul className="muted list-disc space-y-1 pl-5 text-sm">
          <li><strong>Progress</strong>: one JSON file with your settings, every card&apos;s schedule and every answer. This is the backup to import.</li>
          <li><strong>Review log</strong>: one row per answer, for a spreadsheet.</li>
          <li>
            <strong>FSRS optimizer</strong>: the columns the FSRS optimizer reads, to fit FSRS weights to your own answers.
            Tell it your time zone and that your study day starts at {settings.dayStartHour}:00.
          </li>
        </ul>
        {exported && (
          <p role={exported.failed ? 'alert' : 'status'} data-testid="export-status" className={exported.failed ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
            {exported.failed ? '⚠ ' : '✓ '}
            {exported.text}
          </p>
        )}
      </section>

      <section aria-labelledby="import-heading" className="card-surface space-y-3 p-5">
        <h2 id="import-heading" className="text-xl font-semibold">Import progress</h2>
        <div>
          <label htmlFor="backup-file" className="font-medium">Backup file (.json) to import</label>
          <input
            id="backup-file"
            ref={fileInput}
            type="file"
            accept=".json,application/json"
            className="field"
            disabled={busy !== null}
            aria-describedby="backup-file-hint"
            onChange={chooseFile}
          />
          <p id="backup-file-hint" className="muted mt-1 text-sm">Nothing is written until you have seen what the file would change and confirmed it.</p>
        </div>

        {importState.kind === 'preview' && (
          <div className="rounded-lg border border-indigo-400 p-4" role="region" aria-labelledby="preview-heading" data-testid="import-preview">
            <h3 id="preview-heading" ref={outcome} tabIndex={-1} className="font-semibold">What importing {importState.fileName} would do</h3>
            {importState.changed && (
              <p className="mt-2 font-medium" role="alert">
                ⚠ Your progress changed since the file was checked (perhaps in another tab), so nothing was imported yet. This is what importing would do now:
              </p>
            )}
            <p className="mt-2 text-lg" data-testid="import-headline">{summaryHeadline(importState.summary)}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {summaryDetails(importState.summary).map((line) => <li key={line}>{line}</li>)}
              <li className="muted">Exported {new Date(importState.summary.exportedAt).toLocaleString()} by version {importState.summary.appVersion} of the app.</li>
            </ul>
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={confirmImport}>Import</button>
              <button type="button" className="btn" disabled={busy !== null} onClick={cancelImport}>Cancel</button>
            </div>
          </div>
        )}

        {importState.kind === 'imported' && (
          <p role="status" ref={outcome} tabIndex={-1} className="font-medium" data-testid="import-done">
            ✓ Imported. {importedHeadline(importState.summary)}
          </p>
        )}

        {importState.kind === 'problem' && (
          <div role="alert" className="rounded-lg border border-red-600 p-4 dark:border-red-400" data-testid="import-problem">
            <h3 ref={outcome} tabIndex={-1} className="font-semibold">⚠ {importState.fileName} cannot be imported</h3>
            <p className="mt-1">{importState.problem.message}</p>
            {importState.problem.details.length > 0 && (
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
                {importState.problem.details.map((d) => <li key={d} className="break-words">{d}</li>)}
              </ul>
            )}
            <p className="mt-2 text-sm">Nothing was changed.</p>
          </div>
        )}

        {importState.kind === 'failed' && (
          <div role="alert" className="rounded-lg border border-red-600 p-4 dark:border-red-400" data-testid="import-problem">
            <h3 ref={outcome} tabIndex={-1} className="font-semibold">⚠ The import did not complete</h3>
            <p className="mt-1">{importState.message}</p>
            <p className="mt-2 text-sm">Nothing was changed: an import is written all at once or not at all.</p>
          </div>
        )}
      </section>
    </div>
  );
}
