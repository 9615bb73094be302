/**
 * The SQLite seam of the Anki reader. The reader never imports sql.js itself: it is handed an
 * `OpenSqlite` function, so the ~650 KB engine and its WebAssembly are fetched only when an
 * import starts (the browser passes `sqlJsOpener(await loadSqlJs())`, or just `loadSqlJs` as
 * `initSqlJs`), and Node tests pass sql.js's Node build.
 *
 * The `unicase` collation. Anki declares its schema-15+ name columns (`notetypes.name`,
 * `fields.name`, `templates.name`, `decks.name`, `tags.tag`, `deck_config.name`) `COLLATE unicase`,
 * a collation Anki registers in its own process. SQLite refuses any statement that needs an
 * unknown collation ("no such collation sequence: unicase"), and for a WITHOUT ROWID table such
 * as `fields` and `templates` even a plain full scan needs it. sql.js exposes neither
 * `sqlite3_create_collation` nor a hook to add one (only scalar and aggregate functions), so the
 * opener rewrites the schema of its private in-memory copy instead: with `writable_schema` on, it
 * drops the `COLLATE unicase` clauses from `sqlite_master` and makes SQLite reload the schema.
 * Those columns then compare as binary. Index order still follows unicase, which would only
 * matter for lookups by name through those indexes; the reader only scans these small tables,
 * and the copy is thrown away after the import. The file the learner chose is never written.
 */
import type { Database, SqlJsStatic } from 'sql.js';

export type SqlValue = number | string | Uint8Array | null;

/** What the reader needs from a SQLite engine. */
export interface SqliteDb {
  /** Every row of a query, each as an array in column order. */
  all(sql: string): SqlValue[][];
  /** Calls `row` for each row in turn, without building the whole result (for the review log). */
  each(sql: string, row: (values: SqlValue[]) => void): void;
  close(): void;
}

export type OpenSqlite = (bytes: Uint8Array) => Promise<SqliteDb>;

/** Matches a unicase collation clause in a CREATE statement, however it is spelled or quoted. */
const UNICASE = /\s+COLLATE\s+(?:unicase|"unicase"|'unicase'|`unicase`|\[unicase\])/gi;

/** Removes the `COLLATE unicase` clauses from the schema of an in-memory copy (see the module comment). */
export function dropUnicaseCollation(db: Database): void {
  const rows = db.exec("SELECT name, sql FROM sqlite_master WHERE sql LIKE '%unicase%'")[0]?.values ?? [];
  if (rows.length === 0) return;
  db.run('PRAGMA writable_schema = ON');
  const update = db.prepare('UPDATE sqlite_master SET sql = ? WHERE name = ?');
  try {
    for (const [name, sql] of rows) update.run([String(sql).replace(UNICASE, ''), String(name)]);
  } finally {
    update.free();
  }
  // RESET turns writable_schema off again and makes this connection re-read the schema.
  db.run('PRAGMA writable_schema = RESET');
}

/** Adapts an initialised sql.js to the reader's `OpenSqlite`. */
export function sqlJsOpener(SQL: SqlJsStatic): OpenSqlite {
  return async (bytes) => {
    const db = new SQL.Database(bytes);
    try {
      // Opening is lazy: reading the schema is the first moment a non-SQLite file fails.
      db.exec('SELECT count(*) FROM sqlite_master');
      dropUnicaseCollation(db);
    } catch (error) {
      db.close();
      throw error;
    }
    return wrap(db);
  };
}

function wrap(db: Database): SqliteDb {
  return {
    all(sql) {
      const result = db.exec(sql)[0];
      return (result?.values ?? []) as SqlValue[][];
    },
    each(sql, row) {
      const statement = db.prepare(sql);
      try {
        while (statement.step()) row(statement.get() as SqlValue[]);
      } finally {
        statement.free();
      }
    },
    close() {
      db.close();
    },
  };
}

/** Where the build puts sql.js's WebAssembly (public/vendor/, precached by the service worker). */
export const SQL_WASM_URL = '/vendor/sql-wasm.wasm';

/**
 * Browser only: loads sql.js on demand (a separate chunk) and its WebAssembly from
 * /vendor/sql-wasm.wasm, so neither is part of the app until an import starts.
 */
export async function loadSqlJs(wasmUrl: string = SQL_WASM_URL): Promise<SqlJsStatic> {
  const { default: initSqlJs } = await import('sql.js');
  return initSqlJs({ locateFile: () => wasmUrl });
}
