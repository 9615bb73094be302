/**
 * Reads an Anki package and stores it, off the page's thread: unzipping, decoding zstd, SQLite
 * in WebAssembly and replaying a review history through FSRS take seconds, and the page must keep
 * painting its progress bar. The libraries load here, only when an import starts. The worker opens
 * its own connection to the app's database; Dexie tells the page's live queries about its writes.
 */
import { openStudyDb } from '@/lib/db/database';
import { importDraft } from '@/lib/db/import-draft';
import type { ImportDraft } from '@/lib/import/draft';
import { AnkiImportError, checkPackageSize, loadSqlJs, readAnkiPackage } from '@/lib/import/anki/anki-reader';
import { workerScope } from '../workers/worker-scope';
import type { AnkiReply, AnkiRequest } from './anki-messages';

const scope = workerScope<AnkiRequest, AnkiReply>();
const db = openStudyDb();
db.on('versionchange', () => {
  db.close();
  return false;
});

/** The package read, waiting for the learner's confirmation. */
let pending: ImportDraft | null = null;
let last = 0;
const progress = (phase: string, done: number, total: number) => {
  const now = performance.now();
  if (done < total && now - last < 50) return;
  last = now;
  scope.reply({ type: 'progress', phase, done, total });
};

async function handle(request: AnkiRequest): Promise<void> {
  if (request.type === 'cancel') {
    pending = null;
    return;
  }
  if (request.type === 'read') {
    pending = null;
    checkPackageSize(request.file.size);
    const bytes = new Uint8Array(await request.file.arrayBuffer());
    const draft = await readAnkiPackage(bytes, { fileName: request.file.name, initSqlJs: loadSqlJs, onProgress: progress });
    pending = draft;
    scope.reply({
      type: 'preview',
      preview: {
        fileName: draft.fileName,
        decks: draft.decks.map((d) => d.path.join(' › ')),
        cards: draft.cards.length,
        answers: draft.cards.reduce((n, c) => n + c.answers.length, 0),
        images: draft.media.length,
        suspended: draft.cards.filter((c) => c.suspended).length,
        skipped: draft.skipped,
      },
    });
    return;
  }
  if (!pending) throw new Error('Choose the package again: the one read earlier is gone.');
  progress('Storing cards and replaying their history', 0, 1);
  const report = await importDraft(db, pending, Date.now());
  pending = null;
  progress('Storing cards and replaying their history', 1, 1);
  scope.reply({ type: 'imported', report });
}

scope.listen((request) => {
  handle(request).catch((err: unknown) => {
    if (err instanceof AnkiImportError) scope.reply({ type: 'problem', message: err.message });
    else scope.reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});
