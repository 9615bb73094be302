/**
 * The answers taken back with Undo, kept in one `meta` row: sync sends them to other devices, and
 * every merge (sync or backup) drops a copy of an undone answer instead of bringing it back.
 * Undos are rare (a few a week), so one row read whole stays small.
 */
import type { UndoneAnswer } from '../model';
import type { StudyDb } from './schema';

const KEY = 'undoneAnswers';

/** Every undo this browser knows of. Call inside a transaction that includes `meta`. */
export async function loadUndoneAnswers(db: StudyDb): Promise<UndoneAnswer[]> {
  const row = await db.meta.get(KEY);
  return row ? (JSON.parse(row.value) as UndoneAnswer[]) : [];
}

/** Adds undos not recorded yet. Call inside a read-write transaction that includes `meta`. */
export async function recordUndoneAnswers(db: StudyDb, undos: readonly UndoneAnswer[]): Promise<void> {
  if (!undos.length) return;
  const known = await loadUndoneAnswers(db);
  const ids = new Set(known.map((u) => u.id));
  const added = undos.filter((u) => !ids.has(u.id));
  if (added.length) await db.meta.put({ key: KEY, value: JSON.stringify([...known, ...added]) });
}
