/**
 * The replica sync works through: a PouchDB database in this browser's IndexedDB, replicated with
 * the learner's CouchDB by PouchDB's own replication (the CouchDB protocol, with checkpoints).
 * Only the sync worker imports this module, so PouchDB loads once sync is set up and never
 * on the page's first load.
 */
import PouchDB, { type Database } from 'pouchdb-core';
import IdbAdapter from 'pouchdb-adapter-idb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import { fnv1a } from '../sync/card-sync-key';
import type { StoredDoc } from '../sync/documents';
import { databaseUrl, type SyncConfig } from '../sync/server-address';
import type { Replica } from './sync-run';

PouchDB.plugin(IdbAdapter).plugin(HttpAdapter).plugin(Replication);

/**
 * Documents per request. A study day's document can hold a thousand answers (some 200 KB), so a
 * request stays within a few tens of megabytes; fewer requests make a first sync of 400 documents quicker.
 */
const BATCH = 100;

/** The local database's name: one per device and server database, so changing servers starts afresh. */
export function replicaName(device: string, config: Pick<SyncConfig, 'server' | 'database'>): string {
  return `cism-cissp-sync-${device}-${fnv1a(`${config.server}/${config.database}`).toString(36)}`;
}

type Db = Database<StoredDoc>;

export function openPouchReplica(device: string, config: SyncConfig): Replica & { close(): Promise<void> } {
  // Random revision ids: the default hashes each document's JSON with MD5 in script (a year of
  // answers is tens of megabytes), and only this device ever writes its documents, so an id need
  // not say what the document holds.
  const local: Db = new PouchDB<StoredDoc>(replicaName(device, config), { adapter: 'idb', auto_compaction: true, deterministic_revs: false });
  // Credentials go in the Authorization header, never in the address.
  const remote: Db = new PouchDB<StoredDoc>(databaseUrl(config), {
    adapter: 'http',
    ...(config.username ? { auth: { username: config.username, password: config.password } } : {}),
  });

  const docsOf = (rows: { doc?: StoredDoc | null }[]) => rows.flatMap((r) => (r.doc ? [r.doc] : []));
  const writeDocs = async (docs: readonly StoredDoc[]) => {
    for (let i = 0; i < docs.length; i += BATCH) {
      const res = await local.bulkDocs(docs.slice(i, i + BATCH) as StoredDoc[]);
      const failed = res.find((r) => r.error);
      if (failed) throw Object.assign(new Error(`The sync replica refused a document: ${failed.message ?? 'unknown reason'}`), { status: failed.status, name: String(failed.error) });
    }
  };

  return {
    async pull(onDoc) {
      // What replication writes into the replica, kept as it goes: the merge then need not read
      // it back (a first sync receives a year of answers).
      const received = new Map<string, StoredDoc>();
      await local.replicate.from(remote, { batch_size: BATCH, batches_limit: 4, retry: false }).on('change', (info) => {
        for (const doc of info.docs ?? []) {
          // The revision history replication asked for is not part of the document.
          const copy = { ...doc };
          delete copy._revisions;
          received.set(copy._id, copy);
          onDoc?.(copy);
        }
      });
      return received;
    },
    async push() {
      await local.replicate.to(remote, { batch_size: BATCH, batches_limit: 4, retry: false });
    },
    async send(docs) {
      if (!docs.length) return this.push();
      // Replication runs live while the documents are written, so the first ones travel to the
      // server while the rest are still being stored (a first sync writes 60 MB: done one after
      // the other, both halves spent most of their time waiting). It is stopped once its
      // checkpoint on the server has passed the last write.
      const replication = local.replicate.to(remote, { live: true, batch_size: BATCH, batches_limit: 4, retry: false });
      let sentThrough = -1;
      let lastWrite = Infinity;
      let settle!: (error?: unknown) => void;
      const sent = new Promise<void>((resolve, reject) => {
        settle = (error) => (error ? reject(error) : resolve());
      });
      replication.on('checkpoint', (c) => {
        if (c.checkpoint === undefined) return;
        sentThrough = Math.max(sentThrough, Number(c.checkpoint));
        if (sentThrough >= lastWrite) settle();
      });
      replication.on('error', (error) => settle(error));
      replication.on('complete', () => settle(new Error('Replication to the server stopped before everything was sent.')));
      // Until `sent` is awaited below, a failure it carries is handled there.
      sent.catch(() => undefined);
      try {
        await writeDocs(docs);
        lastWrite = Number((await local.info()).update_seq);
        if (sentThrough >= lastWrite) settle();
        await sent;
      } finally {
        replication.cancel();
        await replication.catch(() => undefined);
      }
    },
    async revisions() {
      const res = await local.allDocs({ include_docs: false });
      return new Map(res.rows.map((r) => [r.id, r.value!.rev]));
    },
    async get(ids) {
      if (!ids.length) return new Map();
      const res = await local.allDocs({ keys: [...ids], include_docs: true });
      return new Map(docsOf(res.rows).map((d) => [d._id, d]));
    },
    async close() {
      await Promise.all([local.close(), remote.close()]);
    },
  };
}

/** Removes this device's replica (Stop syncing). The server's copy stays until the learner deletes it there. */
export async function destroyPouchReplica(device: string, config: SyncConfig): Promise<void> {
  await new PouchDB(replicaName(device, config), { adapter: 'idb' }).destroy();
}
