/**
 * A CouchDB stand-in for unit tests: a server that keeps each document's latest revision, and
 * replicas that copy newer revisions in and out. Enough to test what sync writes and merges; the
 * replication protocol itself is PouchDB's, tested end to end against a real server.
 */
import type { Replica } from '@/lib/db/sync-run';
import { openDoc, type StoredDoc, type SyncDoc } from '@/lib/sync/documents';

const revNumber = (rev: string | undefined) => (rev ? Number(rev.split('-')[0]) : 0);
const copy = (d: StoredDoc): StoredDoc => structuredClone(d);

export class MemoryServer {
  docs = new Map<string, StoredDoc>();
  /** The documents on the server, their bodies unpacked. */
  opened(): SyncDoc[] {
    return [...this.docs.values()].map((d) => openDoc(structuredClone(d)) as SyncDoc);
  }
  /** When set, the next pull or push fails with this error (then it is cleared). */
  failNext: { status: number; message: string } | null = null;
  takeFailure() {
    const f = this.failNext;
    this.failNext = null;
    if (f) throw Object.assign(new Error(f.message), f);
  }
}

export function memoryReplica(server: MemoryServer): Replica & { local: Map<string, StoredDoc> } {
  const local = new Map<string, StoredDoc>();
  const store = (d: StoredDoc) => {
    local.set(d._id, copy(d));
  };
  return {
    local,
    async pull(onDoc) {
      server.takeFailure();
      const received = new Map<string, StoredDoc>();
      for (const d of server.docs.values())
        if (revNumber(d._rev) > revNumber(local.get(d._id)?._rev)) {
          store(d);
          received.set(d._id, copy(d));
          onDoc?.(copy(d));
        }
      return received;
    },
    async push() {
      server.takeFailure();
      for (const d of local.values()) if (revNumber(d._rev) > revNumber(server.docs.get(d._id)?._rev)) server.docs.set(d._id, copy(d));
    },
    async revisions() {
      return new Map([...local.values()].map((d) => [d._id, d._rev!]));
    },
    async get(ids) {
      return new Map(ids.filter((id) => local.has(id)).map((id) => [id, copy(local.get(id)!)]));
    },
    async send(docs) {
      for (const d of docs) {
        const current = local.get(d._id);
        // CouchDB's rule: an update names the revision it replaces.
        if (current?._rev !== d._rev) throw Object.assign(new Error('Document update conflict'), { status: 409 });
        store({ ...d, _rev: `${revNumber(d._rev) + 1}-${d.device}` });
      }
      await this.push();
    },
  };
}
