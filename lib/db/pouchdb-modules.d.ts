/**
 * The part of PouchDB's API that pouch-replica.ts uses, typed here: the published @types
 * packages redeclare Node's Buffer and break the rest of the project's types.
 */
declare module 'pouchdb-core' {
  export interface ReplicateOptions {
    batch_size?: number;
    batches_limit?: number;
    retry?: boolean;
    /** Keep replicating new changes until cancelled. */
    live?: boolean;
  }
  export interface AllDocsRow<T> {
    id: string;
    value?: { rev: string };
    doc?: T | null;
    error?: string;
  }
  export interface BulkResult {
    ok?: boolean;
    id?: string;
    rev?: string;
    error?: string | boolean;
    status?: number;
    message?: string;
  }
  export interface DatabaseOptions {
    adapter?: string;
    auto_compaction?: boolean;
    auth?: { username: string; password: string };
    skip_setup?: boolean;
    /** Default true: each new revision id is an MD5 of the document's JSON; false makes it random. */
    deterministic_revs?: boolean;
  }
  /** A running replication: a promise of its end that also reports each batch written. */
  export interface Replication<T> extends Promise<unknown> {
    on(event: 'change', listener: (info: { docs?: (T & { _revisions?: unknown })[] }) => void): Replication<T>;
    /** After each batch: `checkpoint` is the source's sequence number the target's checkpoint now records. */
    on(event: 'checkpoint', listener: (info: { checkpoint?: number | string }) => void): Replication<T>;
    on(event: 'error', listener: (error: unknown) => void): Replication<T>;
    on(event: 'complete', listener: (info: unknown) => void): Replication<T>;
    cancel(): void;
  }
  export interface Database<T> {
    replicate: {
      from(source: Database<T>, options?: ReplicateOptions): Replication<T>;
      to(target: Database<T>, options?: ReplicateOptions): Replication<T>;
    };
    allDocs(options: { keys?: string[]; startkey?: string; endkey?: string; include_docs: boolean }): Promise<{ rows: AllDocsRow<T>[] }>;
    bulkDocs(docs: T[]): Promise<BulkResult[]>;
    info(): Promise<{ update_seq: number | string; doc_count: number }>;
    close(): Promise<void>;
    destroy(): Promise<void>;
  }
  interface PouchStatic {
    new <T>(name: string, options?: DatabaseOptions): Database<T>;
    plugin(plugin: unknown): PouchStatic;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
declare module 'pouchdb-adapter-idb' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: unknown;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: unknown;
  export default plugin;
}
