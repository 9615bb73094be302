/**
 * Sync runs here, off the page's thread: replicating and merging a year of answers is seconds of
 * work, and the study screen must keep answering keys meanwhile. PouchDB is loaded by this worker
 * only, so a learner who never sets up sync never downloads it.
 */
import { openStudyDb } from '@/lib/db/database';
import { destroyPouchReplica, openPouchReplica } from '@/lib/db/pouch-replica';
import { syncOnce } from '@/lib/db/sync-run';
import { loadSyncRecord } from '@/lib/db/sync-record';
import { workerScope } from '../workers/worker-scope';
import type { SyncReply, SyncRequest } from './sync-messages';

const scope = workerScope<SyncRequest, SyncReply>();
const db = openStudyDb();
db.on('versionchange', () => {
  db.close();
  return false;
});

let replica: (ReturnType<typeof openPouchReplica> & { key: string }) | null = null;

async function replicaFor(device: string, config: NonNullable<Awaited<ReturnType<typeof loadSyncRecord>>>['config']) {
  const key = JSON.stringify([device, config]);
  if (replica?.key === key) return replica;
  await replica?.close();
  replica = Object.assign(openPouchReplica(device, config!), { key });
  return replica;
}

/** One request at a time: a second "Sync now" waits for the running one. */
let queue: Promise<void> = Promise.resolve();

async function handle(request: SyncRequest): Promise<void> {
  const record = await loadSyncRecord(db);
  if (request.type === 'stop') {
    if (record?.config) {
      await replica?.close();
      replica = null;
      await destroyPouchReplica(record.device, record.config);
    }
    // The page then forgets the set-up (which unmounts the runner that hears this reply).
    scope.reply({ type: 'stopped' });
    return;
  }
  if (!record?.config) {
    scope.reply({ type: 'failed', message: 'Sync is not set up on this device.' });
    return;
  }
  const r = await replicaFor(record.device, record.config);
  const outcome = await syncOnce(db, r, Date.now(), (step) => scope.reply({ type: 'step', step }));
  scope.reply({ type: 'done', outcome });
}

scope.listen((request) => {
  queue = queue
    .then(() => handle(request))
    .catch((err: unknown) => scope.reply({ type: 'failed', message: err instanceof Error ? err.message : String(err) }));
});
