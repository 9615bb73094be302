/**
 * Reads an Anki package and stores it, off the page's thread: unzipping, decoding zstd, SQLite
 * in WebAssembly and replaying a review history through FSRS take seconds, and the page must keep
 * painting its progress bar. The libraries load here, only when an import starts. The worker opens
 * its own connection to the app's database; Dexie tells the page's live queries about its writes.
 */
import { openStudyDb } from '@/lib/db/database';
import { cardsToAdd, importDraft } from '@/lib/db/import-draft';
import { cardIdOf } from '@/lib/import/cards-of-draft';
import { historiesOf } from '@/lib/import/replay-ahead';
import { loadSettings } from '@/lib/db/settings';
import type { ImportDraft } from '@/lib/import/draft';
import { AnkiImportError, checkPackageSize, loadSqlJs, readAnkiPackage } from '@/lib/import/anki/anki-reader';
import { workerScope } from '../workers/worker-scope';
import type { AnkiReply, AnkiRequest } from './anki-messages';
import { ReplayByWorker } from './replay-by-worker';

const scope = workerScope<AnkiRequest, AnkiReply>();
const db = openStudyDb();
db.on('versionchange', () => {
  db.close();
  return false;
});

/** The package read, waiting for the learner's confirmation. */
let pending: ImportDraft | null = null;
/** Its history, being replayed ahead by the replay worker (null: no replay worker). */
let replay: ReplayByWorker | null = null;
/** When (ms into reading the package) the preview was ready, for `npm run bench`. */
let readSteps: { preview?: number } = {};
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
    replay?.stop();
    return;
  }
  if (request.type === 'replayer-lost') {
    replay?.stop('The history replay stopped unexpectedly.');
    return;
  }
  if (request.type === 'read') {
    pending = null;
    replay?.stop();
    // Before any await: a 'replayer-lost' that comes while the package is read must find it.
    const ahead = request.replayer ? new ReplayByWorker(request.replayer) : null;
    replay = ahead;
    checkPackageSize(request.file.size);
    const now = Date.now();
    const reading = performance.now();
    readSteps = {};
    const [buffer, settings] = await Promise.all([request.file.arrayBuffer(), loadSettings(db)]);
    const draft = await readAnkiPackage(new Uint8Array(buffer), {
      fileName: request.file.name,
      initSqlJs: loadSqlJs,
      onProgress: progress,
    });
    // The history is replayed in the replay worker from now on, while the learner reads the preview
    // (and the cards are stored as its parts come, if the import starts sooner). Started while the
    // notes were still being read, it made the preview half a second slower on two cores.
    if (ahead) {
      ahead.replay(historiesOf(draft.cards.map((c) => [cardIdOf(c), c.answers] as const)), settings, now);
      // It packs the answers of the cards an import would add now, in their decks.
      ahead.pack(await cardsToAdd(db, draft, now));
    }
    pending = draft;
    readSteps.preview = Math.round(performance.now() - reading);
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
  // A replay that failed before the import began is left aside: the import replays the history itself.
  const ahead = replay && !replay.failed ? replay : undefined;
  const report = await importDraft(db, pending, Date.now(), ahead);
  if (ahead?.timings) report.timings = { ...report.timings, ...readSteps, replayAhead: ahead.timings.replay, packAhead: ahead.timings.pack };
  pending = null;
  replay?.stop();
  replay = null;
  progress('Storing cards and replaying their history', 1, 1);
  scope.reply({ type: 'imported', report });
}

scope.listen((request) => {
  handle(request).catch((err: unknown) => {
    if (err instanceof AnkiImportError) scope.reply({ type: 'problem', message: err.message });
    else scope.reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  });
});
