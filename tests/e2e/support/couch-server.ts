/**
 * A CouchDB-protocol server for the sync tests: pouchdb-server from npm, on loopback, on a free
 * port, storing its databases in a temporary folder (so a restart keeps them, as CouchDB does).
 * One admin account with a password; every request must carry valid credentials; CORS lets the
 * app's origin in. Nothing else is needed on the machine.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDoc, type SyncDoc } from '../../../lib/sync/documents';

export const COUCH_USER = 'ana';
export const COUCH_PASSWORD = 'correct-horse-9';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export class CouchServer {
  private child: ChildProcess | null = null;
  private output = '';
  private waiters: { pattern: RegExp; from: number; resolve: () => void }[] = [];

  private constructor(readonly port: number, readonly dir: string) {}

  static async start(): Promise<CouchServer> {
    const server = new CouchServer(await freePort(), mkdtempSync(path.join(tmpdir(), 'couch-')));
    await server.run();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private async run(): Promise<void> {
    // The server rewrites its config (it hashes the password), so it gets a fresh one each start.
    writeFileSync(
      path.join(this.dir, 'config.json'),
      JSON.stringify({
        httpd: { enable_cors: true },
        cors: { origins: '*', credentials: true, methods: 'GET, PUT, POST, HEAD, DELETE', headers: 'accept, authorization, content-type, origin, referer' },
        admins: { [COUCH_USER]: COUCH_PASSWORD },
        couch_httpd_auth: { require_valid_user: true },
        log: { file: path.join(this.dir, 'log.txt') },
      }),
    );
    const bin = path.join(process.cwd(), 'node_modules/pouchdb-server/bin/pouchdb-server');
    this.output = '';
    this.child = spawn(process.execPath, [bin, '--port', String(this.port), '--dir', path.join(this.dir, 'data'), '--config', path.join(this.dir, 'config.json')], {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const take = (chunk: Buffer) => {
      this.output += chunk.toString();
      this.waiters = this.waiters.filter((w) => (w.pattern.test(this.output.slice(w.from)) ? (w.resolve(), false) : true));
    };
    this.child.stdout!.on('data', take);
    this.child.stderr!.on('data', take);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        const res = await fetch(`${this.url}/`, { headers: this.auth() });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not start on port ${this.port}:\n${this.output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  auth(): Record<string, string> {
    return { authorization: `Basic ${Buffer.from(`${COUCH_USER}:${COUCH_PASSWORD}`).toString('base64')}` };
  }

  /** Resolves once the server's request log, from now on, matches `pattern` (e.g. the first request of a replication). */
  seen(pattern: RegExp): Promise<void> {
    const from = this.output.length;
    return new Promise((resolve) => this.waiters.push({ pattern, from, resolve }));
  }

  /** The server's request log so far (paths only: credentials travel in headers). */
  log(): string {
    return this.output;
  }

  /** Kills the server at once, as a crash or a cut cable would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async restart(): Promise<void> {
    await this.kill();
    await this.run();
  }

  /** Every document of a database, read with the admin's credentials, its body unpacked (openDoc). */
  async docs(database: string): Promise<SyncDoc[]> {
    const res = await fetch(`${this.url}/${database}/_all_docs?include_docs=true`, { headers: this.auth() });
    if (!res.ok) return [];
    const body = (await res.json()) as { rows: { doc: unknown }[] };
    return body.rows.map((r) => openDoc(r.doc) as SyncDoc);
  }

  /** Writes a document straight into a database, as another program with the password could. */
  async put(database: string, doc: { _id: string } & Record<string, unknown>): Promise<void> {
    const headers = { ...this.auth(), 'content-type': 'application/json' };
    await fetch(`${this.url}/${database}`, { method: 'PUT', headers });
    const res = await fetch(`${this.url}/${database}/${encodeURIComponent(doc._id)}`, { method: 'PUT', headers, body: JSON.stringify(doc) });
    if (!res.ok) throw new Error(`PUT ${doc._id}: ${res.status} ${await res.text()}`);
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
