import { readFileSync } from 'node:fs';
import { answerCard } from '@/lib/db/answer-transactions';
import type { StudyDb } from '@/lib/db/database';
import { applyImport, type BackupSource, prepareImport } from '@/lib/db/backup';
import { loadAllReviews } from '@/lib/db/review-log';
import { saveSettings } from '@/lib/db/settings';
import { syncBuiltinDecks } from '@/lib/db/sync-decks';
import { DEFAULT_SETTINGS, type Grade, type StudySettings } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { HOUR, MINUTE, T0, makeGenerated } from './cards';
import { readAllCards, readCard } from '@/lib/db/card-store';

/** Every table, every row, in primary-key order: the strictest "nothing changed" comparison. */
export async function dumpAll(db: StudyDb): Promise<Record<string, unknown[]>> {
  await db.open();
  const out: Record<string, unknown[]> = {};
  for (const table of [...db.tables].sort((a, b) => a.name.localeCompare(b.name))) {
    out[table.name] = await table.toCollection().sortBy(':id');
  }
  return out;
}

/**
 * What the learner has, whatever the storage layout: the review log with its two parts
 * (answer rows and imported packs) read as one list. Two databases holding the same progress
 * give the same logical dump even when one has rows where the other has packs.
 */
export async function logicalDump(db: StudyDb) {
  const byId = <T extends { id: string }>(rows: T[]) => rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    decks: byId(await db.decks.toArray()),
    cards: byId(await readAllCards(db)),
    reviews: byId(await loadAllReviews(db)),
    settings: await db.settings.toArray(),
    dayTotals: await db.dayTotals.orderBy('day').toArray(),
  };
}

/** A card without `rev`, the per-device write counter that guards against stale tabs. */
export function withoutRev<T extends { rev: number }>(card: T): Omit<T, 'rev'> {
  const copy: Partial<T> = { ...card };
  delete copy.rev;
  return copy as Omit<T, 'rev'>;
}

/** The same, without the per-device write counter that guards against stale tabs. */
export async function progressDump(db: StudyDb) {
  const d = await logicalDump(db);
  return { ...d, cards: d.cards.map(withoutRev) };
}

export function bytesSource(bytes: Uint8Array): BackupSource {
  // A copy: a Node Buffer may be a view into a larger shared pool.
  return { size: bytes.length, arrayBuffer: async () => new Uint8Array(bytes).buffer };
}

export function textSource(text: string): BackupSource {
  return bytesSource(new TextEncoder().encode(text));
}

export function fileSource(path: string): BackupSource {
  return bytesSource(readFileSync(path));
}

/** Prepares and applies an import, failing the test if the file is refused. */
export async function importText(db: StudyDb, text: string) {
  const prepared = await prepareImport(db, textSource(text));
  if (!prepared.ok) throw new Error(`Import refused: ${prepared.problem.message} ${prepared.problem.details.join(' ')}`);
  const applied = await applyImport(db, prepared);
  if (!applied.ok) throw new Error(`Import not applied: ${JSON.stringify(applied)}`);
  return applied.summary;
}

export const TEST_SETTINGS: StudySettings = { ...DEFAULT_SETTINGS, fuzz: false };

/** A device as the app sets one up: built-in decks synced (here: a small generated set). */
export async function newDevice(db: StudyDb, cards = 6, settings: StudySettings = TEST_SETTINGS, savedAt = T0 - 10 * 24 * HOUR, syncedAt = T0 - 30 * 24 * HOUR) {
  await syncBuiltinDecks(db, makeGenerated(cards), syncedAt);
  await saveSettings(db, settings, savedAt);
}

export interface Answer {
  cardId: string;
  grade: Grade;
  at: number;
  durationMs?: number;
}

/** Answers cards through the app's own answer path, as a learner would. */
export async function study(db: StudyDb, answers: readonly Answer[], settings: StudySettings = TEST_SETTINGS) {
  const scheduler = createScheduler(settings);
  let n = 0;
  for (const a of [...answers].sort((x, y) => x.at - y.at)) {
    const card = await readCard(db, a.cardId);
    if (!card) throw new Error(`No card ${a.cardId}`);
    n += 1;
    await answerCard(db, scheduler, {
      cardId: a.cardId,
      shownRev: card.rev,
      grade: a.grade,
      now: a.at,
      durationMs: a.durationMs ?? 3000 + n,
      dayStartHour: settings.dayStartHour,
      reviewId: `r-${a.cardId}-${a.at}`,
    });
  }
}

export { HOUR, MINUTE, T0 };

/**
 * The two devices of the bad-input fixtures: the fixtures' backup was exported from a device
 * that gave `fileAnswers`; the tests import them into a device that gave `storedAnswers`.
 */
export const FIXTURE_DEVICE = {
  fileAnswers: [
    { cardId: 'card-0', grade: 3, at: T0 },
    { cardId: 'card-0', grade: 3, at: T0 + 10 * MINUTE },
    { cardId: 'card-1', grade: 1, at: T0 + MINUTE },
    { cardId: 'card-2', grade: 4, at: T0 + 2 * MINUTE },
  ] as Answer[],
  storedAnswers: [
    { cardId: 'card-3', grade: 3, at: T0 + 3 * HOUR },
    { cardId: 'card-5', grade: 2, at: T0 + 7 * HOUR },
  ] as Answer[],
  storedReviewId: `r-card-5-${T0 + 7 * HOUR}`,
};
