/**
 * Exports and imports run here, off the page's thread: reading, checking and replaying a year
 * of answers takes seconds of computing, and the page must keep painting its progress bar.
 * The worker opens its own connection to the app's database; Dexie tells the page's live
 * queries about its writes.
 */
import { applyImport, exportBackup, exportOptimizerCsv, exportReviewLogCsv, type PreparedImport, prepareImport, type Progress } from '@/lib/db/backup';
import { openStudyDb } from '@/lib/db/database';
import type { BackupReply, BackupRequest } from './backup-messages';
import { workerScope } from '../workers/worker-scope';

const scope = workerScope<BackupRequest, BackupReply>();
const db = openStudyDb();
// Step aside when another tab upgrades the schema; the page asks the learner to reload.
db.on('versionchange', () => {
  db.close();
  return false;
});

/** The checked file waiting for the learner's confirmation. */
let pending: PreparedImport | null = null;

const reply = (r: BackupReply) => scope.reply(r);
let lastReport = 0;
let lastPhase = '';
const progress: Progress = (phase, done, total) => {
  // Enough to move the bar smoothly without flooding the page with messages.
  const now = performance.now();
  if (phase === lastPhase && done < total && now - lastReport < 50) return;
  lastReport = now;
  lastPhase = phase;
  reply({ type: 'progress', phase, done, total });
};

async function handle(request: BackupRequest): Promise<void> {
  switch (request.type) {
    case 'export': {
      const run = { backup: exportBackup, 'review-log': exportReviewLogCsv, 'fsrs-optimizer': exportOptimizerCsv }[request.kind];
      const file = await run(db, Date.now(), progress);
      reply({ type: 'exported', blob: new Blob([file.text], { type: file.mimeType }), fileName: file.fileName, reviews: file.reviews, cards: file.cards });
      return;
    }
    case 'prepare': {
      pending = null;
      const prepared = await prepareImport(db, request.file, progress);
      if (!prepared.ok) return reply({ type: 'problem', problem: prepared.problem });
      pending = prepared;
      return reply({ type: 'preview', summary: prepared.summary });
    }
    case 'apply': {
      if (!pending) return reply({ type: 'failed', message: 'There is no checked file to import. Choose the file again.' });
      const applied = await applyImport(db, pending, progress);
      if (applied.ok) {
        pending = null;
        return reply({ type: 'imported', summary: applied.summary });
      }
      if ('problem' in applied) {
        pending = null;
        return reply({ type: 'problem', problem: applied.problem });
      }
      // `pending` now holds the new plan: confirming again imports what the new preview shows.
      return reply({ type: 'changed', summary: applied.changedSincePreview });
    }
  }
}

scope.listen((request) => {
  handle(request).catch((err: unknown) => reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
