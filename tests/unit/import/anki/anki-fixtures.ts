/** Shared by the Anki reader tests: the fixture folder and a reader wired to sql.js's Node build. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { readAnkiPackage } from '@/lib/import/anki/read-package';
import { sqlJsOpener } from '@/lib/import/anki/sqlite';
import type { ImportDraft } from '@/lib/import/draft';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/anki');

let sql: Promise<SqlJsStatic> | undefined;
export const loadSql = () => (sql ??= initSqlJs());

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export async function readFixture(name: string, onProgress?: (phase: string, done: number, total: number) => void): Promise<ImportDraft> {
  return readAnkiPackage(fixtureBytes(name), { fileName: name, openSqlite: sqlJsOpener(await loadSql()), onProgress });
}
