/**
 * The sync set-up the learner types in, checked; and what went wrong during a sync, in words that
 * say what to do. Credentials travel only in the Authorization header: never in an address, a
 * message or a log.
 */

export interface SyncConfig {
  /** The server's address without credentials, e.g. "https://couch.example.org" (no trailing slash). */
  server: string;
  database: string;
  username: string;
  password: string;
}

export type ConfigField = keyof SyncConfig;

export type CheckedConfig = { ok: true; config: SyncConfig } | { ok: false; field: ConfigField; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]{0,237}$/;

/**
 * Checks what the learner typed. HTTPS is required (the password and every answer cross the
 * network), except for a server on this computer.
 * @example checkSyncConfig({ server: 'https://couch.example.org', database: 'study', username: 'ana', password: '…' })
 */
export function checkSyncConfig(input: SyncConfig): CheckedConfig {
  const typed = input.server.trim();
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return { ok: false, field: 'server', message: 'Enter the server address as a full URL, for example https://couch.example.org.' };
  }
  if (url.username || url.password)
    return { ok: false, field: 'server', message: 'Leave the user name and password out of the address: type them in their own fields, so they never appear in an address.' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return { ok: false, field: 'server', message: 'The address must start with https:// (plain http:// is allowed only for a server on this computer, such as http://localhost:5984).' };
  if (url.search || url.hash) return { ok: false, field: 'server', message: 'The address may not contain ? or #.' };
  const database = input.database.trim();
  if (!DATABASE_NAME.test(database))
    return { ok: false, field: 'database', message: 'The database name must start with a lowercase letter and use only lowercase letters, digits and _ $ ( ) + - /.' };
  const username = input.username.trim();
  if (!username !== !input.password)
    return { ok: false, field: username ? 'password' : 'username', message: 'Enter both the user name and the password (or neither, for a server without accounts).' };
  const server = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return { ok: true, config: { server, database, username, password: input.password } };
}

/** The database's address, without credentials. */
export function databaseUrl(config: Pick<SyncConfig, 'server' | 'database'>): string {
  return `${config.server}/${encodeURIComponent(config.database)}`;
}

/** An error as the replication library or the browser reports it: only the fields read here. */
export interface SyncFailure {
  status?: number;
  name?: string;
  message?: string;
  reason?: string;
}

/**
 * What a failed sync says to the learner: what happened and what to do. Local data is never
 * touched by a failure, and the message says so where a learner would worry.
 */
export function describeSyncFailure(error: SyncFailure | null | undefined, config: Pick<SyncConfig, 'server' | 'database'>): string {
  const status = error?.status ?? 0;
  const name = error?.name ?? '';
  const text = `${error?.message ?? ''} ${error?.reason ?? ''}`;
  if (name === 'QuotaExceededError' || /quota/i.test(text))
    return 'This device is out of storage space for sync. Free some space (or allow this site more storage) and sync again; what you studied here is kept.';
  if (status === 401) return 'The server refused the user name or password (401). Check them in Settings → Sync, then sync again.';
  if (status === 403) return `This user may not use the database "${config.database}" (403). Ask the server's administrator for access, or choose your own database.`;
  if (status === 404) return `The database "${config.database}" does not exist on the server, and this user may not create it (404). Create it first (see "Sync between devices" in the README) or check its name.`;
  if (status === 413) return 'The server refused a document as too large (413). Raise its max_document_size / max_http_request_size, then sync again.';
  if (status >= 500) return `The server had an error (${status}). Nothing was lost: sync again later, and it continues where it stopped.`;
  if (status === 0 || name === 'TypeError' || /fetch|network|ECONNREFUSED|Failed/i.test(text))
    return `The server at ${config.server} cannot be reached. Check the address and your connection; your answers stay on this device and go out at the next sync.`;
  return `Sync stopped: the server answered ${status}. Nothing was lost: sync again later.`;
}
