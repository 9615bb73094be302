/**
 * Export and import of progress against the stored data.
 *
 * Export reads everything in one read transaction, so a file never mixes two moments.
 * Import is two steps: `prepareImport` checks the whole file and plans against a snapshot (the
 * preview the learner confirms); `applyImport` runs in one read-write transaction that reads the
 * stored data again, plans again, and writes only if the plan still says what the preview said
 * (another tab may have answered cards meanwhile). A file that fails any check writes nothing.
 */
import { toBase64 } from '../backup/format';
import { APP_NAME, APP_VERSION } from '../app-version';
import { serializeBackup } from '../backup/checksum';
import { reviewLogCsv, optimizerCsv } from '../backup/csv';
import {
  type BackupContent,
  backupFileName,
  cardToBackup,
  REVIEW_COLUMN_NAMES,
  reviewToRow,
  settingsToBackup,
} from '../backup/format';
import { cardIdsOf, cardsNeedingHistory, type ImportPlan, type ImportSummary, type LocalSnapshot, planImport, sameSnapshot } from '../backup/merge';
import { type BackupProblem, checkSize, parseBackup, type ValidBackup } from '../backup/parse';
import { byStudyDay, byTimeThenId, type StoredReview } from '../review-pack';
import { fsrsWeights } from '../scheduler';
import { SCHEMA_VERSION, type StudyDb } from './database';
import { withStorageErrors } from './errors';
import { pad2 } from '../study-day';
import { loadAllReviews, loadStoredReviewsById, loadStoredReviewsFor } from './review-log';
import { addDayTotals, daysWithPacks, rewriteDayPacks } from './day-packs';
import { dayTotalsChange } from '../stats/day-totals';
import { writeBehind } from './write-behind';
import { loadStoredSettings } from './settings';
import { loadUndoneAnswers, recordUndoneAnswers } from './undone-answers';
import { cardStores, readAllCards, readCards, storeCards } from './card-store';

export type Phase = 'reading' | 'checking' | 'comparing' | 'writing' | 'saving';
export type Progress = (phase: Phase, done: number, total: number) => void;


/** The learner's local calendar date, for file names. */
export function localDate(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

export interface ExportedFile {
  text: string;
  fileName: string;
  mimeType: string;
  reviews: number;
  cards: number;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The JSON backup of everything stored: settings, decks, every card and the whole review log.
 * @example const file = await exportBackup(db, Date.now()); download(file.text, file.fileName)
 */
export async function exportBackup(db: StudyDb, now: number, onProgress?: Progress): Promise<ExportedFile> {
  const [decks, cards, stored, reviews, practiceAttempts, media, cardRevisions] = await db.transaction('r', [db.decks, ...cardStores(db), db.settings, db.reviews, db.packedReviews, db.practiceAttempts, db.media, db.cardRevisions], () =>
    Promise.all([
      db.decks.toArray(),
      readAllCards(db),
      loadStoredSettings(db),
      loadAllReviews(db, (done, total) => onProgress?.('reading', done, total)),
      db.practiceAttempts.toArray(),
      db.media.toArray(),
      db.cardRevisions.toArray(),
    ]),
  );
  onProgress?.('saving', 0, 1);
  const content: BackupContent = {
    app: APP_NAME,
    appVersion: APP_VERSION,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: settingsToBackup(stored.settings),
    settingsSavedAt: stored.savedAt,
    fsrsParameters: fsrsWeights(stored.settings),
    decks: decks.sort(byId),
    cards: cards.sort(byId).map(cardToBackup),
    reviewColumns: REVIEW_COLUMN_NAMES,
    reviews: reviews.sort(byTimeThenId).map(reviewToRow),
    practiceAttempts: practiceAttempts.sort(byId),
    media: media.sort((a, b) => (a.name < b.name ? -1 : 1)).map((m) => ({ name: m.name, mime: m.mime, base64: toBase64(m.bytes) })),
    cardRevisions: cardRevisions.sort(byId),
  };
  const text = await serializeBackup(content);
  onProgress?.('saving', 1, 1);
  return { text, fileName: backupFileName('backup', localDate(now)), mimeType: 'application/json', reviews: reviews.length, cards: cards.length };
}

async function logWithCards(db: StudyDb, onProgress?: Progress) {
  return db.transaction('r', [db.decks, ...cardStores(db), db.reviews, db.packedReviews], () =>
    Promise.all([db.decks.toArray(), readAllCards(db), loadAllReviews(db, (done, total) => onProgress?.('reading', done, total))]),
  );
}

/** One CSV row per answer with the card's deck and question, for people and spreadsheets. */
export async function exportReviewLogCsv(db: StudyDb, now: number, onProgress?: Progress): Promise<ExportedFile> {
  const [decks, cards, reviews] = await logWithCards(db, onProgress);
  const deckNames = new Map(decks.map((d) => [d.id, d.name]));
  const cardsById = new Map(cards.map((c) => [c.id, c]));
  const text = reviewLogCsv(reviews, (cardId) => {
    const card = cardsById.get(cardId);
    return card && { deck: deckNames.get(card.deckId) ?? card.deckId, question: card.front };
  });
  return { text, fileName: backupFileName('review-log', localDate(now)), mimeType: 'text/csv;charset=utf-8', reviews: reviews.length, cards: cards.length };
}

/** The review log in the FSRS optimizer's columns. */
export async function exportOptimizerCsv(db: StudyDb, now: number, onProgress?: Progress): Promise<ExportedFile> {
  const reviews = await db.transaction('r', [db.reviews, db.packedReviews], () => loadAllReviews(db, (done, total) => onProgress?.('reading', done, total)));
  return {
    text: optimizerCsv(reviews),
    fileName: backupFileName('fsrs-optimizer', localDate(now)),
    mimeType: 'text/csv;charset=utf-8',
    reviews: reviews.length,
    cards: new Set(reviews.map((r) => r.cardId)).size,
  };
}

// ---------------------------------------------------------------------------------------------

/** What an import reads a file from: a browser File, or anything with its size and bytes. */
export interface BackupSource {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** A checked file, what importing it would do, and the stored data that plan was made from. */
export interface PreparedImport {
  backup: ValidBackup;
  ids: FileIds;
  summary: ImportSummary;
  plan: ImportPlan;
  snapshot: LocalSnapshot;
}

export type Prepared = ({ ok: true } & PreparedImport) | { ok: false; problem: BackupProblem };

/** The ids a file mentions, worked out once per file. */
export interface FileIds {
  cardIds: string[];
  reviewIds: string[];
  /** The study days of the file's answers: where stored copies of them can be. */
  days: string[];
  attemptIds: string[];
  mediaNames: string[];
}

export const idsOf = (backup: ValidBackup): FileIds => ({
  cardIds: cardIdsOf(backup),
  reviewIds: backup.reviews.map((r) => r.id),
  days: [...new Set(backup.reviews.map((r) => r.day))],
  attemptIds: backup.practiceAttempts.map((a) => a.id),
  mediaNames: backup.media.map((m) => m.name),
});

/**
 * Reads the stored data an import depends on. Call inside a transaction. Stored answers are looked
 * up by id in their own study day; a card's whole history is read only when the plan must replay
 * it from before its latest stored answer (cardsNeedingHistory): reading histories means reading
 * every packed day.
 */
export async function readSnapshot(db: StudyDb, { cardIds, reviewIds, attemptIds, mediaNames, days }: FileIds, backup: ValidBackup): Promise<LocalSnapshot> {
  // One getAll beats thousands of single gets once the file names more than a few cards.
  const cardsRead = cardIds.length > 500
    ? readAllCards(db).then((all) => {
      const wanted = new Set(cardIds);
      return all.filter((c) => wanted.has(c.id));
    })
    : readCards(db, cardIds);
  const [decks, cards, byId, settings, attempts, media, undone, rows, packs] = await Promise.all([
    db.decks.toArray(),
    cardsRead,
    loadStoredReviewsById(db, reviewIds, days),
    loadStoredSettings(db),
    db.practiceAttempts.bulkGet(attemptIds),
    db.media.bulkGet(mediaNames),
    loadUndoneAnswers(db),
    db.reviews.count(),
    db.packedReviews.count(),
  ]);
  const snapshot: LocalSnapshot = {
    decks: new Map(decks.map((d) => [d.id, d])),
    cards: new Map(cards.map((c) => [c.id, c])),
    reviewsByCard: new Map(),
    reviewsById: byId,
    historyOf: 'all',
    settings: settings.settings,
    settingsSavedAt: settings.savedAt,
    attempts: new Map(attempts.filter((a) => a !== undefined).map((a) => [a.id, { status: a.status, updatedAt: a.updatedAt }])),
    mediaNames: new Set(media.filter((m) => m !== undefined).map((m) => m.name)),
    undone: new Map(undone.map((u) => [u.id, u])),
  };
  // An empty log (a new device) is the common case for a large restore: there is no history to read.
  if (rows === 0 && packs === 0) return snapshot;
  const need = cardsNeedingHistory(snapshot, backup);
  const histories = need.length ? (await loadStoredReviewsFor(db, need, [])).byCard : new Map<string, StoredReview[]>();
  return { ...snapshot, reviewsByCard: histories, historyOf: new Set(need) };
}

export const SNAPSHOT_TABLES = (db: StudyDb) => [db.decks, ...cardStores(db), db.reviews, db.packedReviews, db.settings, db.practiceAttempts, db.cardRevisions, db.media, db.meta];

/**
 * Checks a backup file completely and works out what importing it would do, without writing.
 * @example const p = await prepareImport(db, file); if (p.ok) show(summaryHeadline(p.summary))
 */
export async function prepareImport(db: StudyDb, source: BackupSource, onProgress?: Progress): Promise<Prepared> {
  const tooBig = checkSize(source.size);
  if (tooBig) return { ok: false, problem: tooBig };
  onProgress?.('reading', 0, 1);
  const bytes = new Uint8Array(await source.arrayBuffer());
  onProgress?.('checking', 0, 1);
  const parsed = await parseBackup(bytes, (done, total) => onProgress?.('checking', done, total));
  if (!parsed.ok) return parsed;
  onProgress?.('comparing', 0, 1);
  const ids = idsOf(parsed.backup);
  const snapshot = await db.transaction('r', SNAPSHOT_TABLES(db), () => readSnapshot(db, ids, parsed.backup));
  const planned = planImport(snapshot, parsed.backup);
  onProgress?.('comparing', 1, 1);
  if (!planned.ok) return planned;
  return { ok: true, backup: parsed.backup, ids, summary: planned.plan.summary, plan: planned.plan, snapshot };
}

export type Applied =
  | { ok: true; summary: ImportSummary }
  | { ok: false; changedSincePreview: ImportSummary }
  | { ok: false; problem: BackupProblem };

/**
 * Imports a prepared backup in one transaction, if it still does what the preview showed: the
 * stored data is read again inside the transaction; if it is what the plan was made from, the
 * plan is written; otherwise the import is planned again, and written only if its summary is
 * the one the learner confirmed. On `changedSincePreview` nothing was written: show the new
 * summary (`prepared` then holds the new plan, ready to confirm).
 */
export function applyImport(db: StudyDb, prepared: PreparedImport, onProgress?: Progress): Promise<Applied> {
  return withStorageErrors(() =>
    db.transaction('rw', [...SNAPSHOT_TABLES(db), db.dayTotals], async (): Promise<Applied> => {
      onProgress?.('comparing', 0, 1);
      const snapshot = await readSnapshot(db, prepared.ids, prepared.backup);
      let plan = prepared.plan;
      if (!sameSnapshot(prepared.snapshot, snapshot)) {
        const planned = planImport(snapshot, prepared.backup);
        if (!planned.ok) return planned;
        plan = planned.plan;
        if (JSON.stringify(plan.summary) !== JSON.stringify(prepared.summary)) {
          Object.assign(prepared, { summary: plan.summary, plan, snapshot });
          return { ok: false, changedSincePreview: plan.summary };
        }
      }
      await writePlan(db, plan, onProgress);
      return { ok: true, summary: plan.summary };
    }),
  );
}

export async function writePlan(db: StudyDb, plan: ImportPlan, onProgress?: Progress): Promise<void> {
  const changedPacked = new Map(plan.rewrittenPacked.map((r) => [r.after.id, r.after]));
  const addedByDay = byStudyDay(plan.newReviews);
  const removedPacked = new Set(plan.removedPacked.map((r) => r.id));
  const days = [...new Set([...addedByDay.keys(), ...plan.rewrittenPacked.map((r) => r.after.day), ...plan.removedPacked.map((r) => r.day)])].sort();
  const total = plan.cards.length + days.length + 1;
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress?.('writing', done, total);
  };

  // Read before the card writes, so that reading the packs to change does not wait for them.
  const storedDays = days.length ? await daysWithPacks(db) : new Set<string>();
  const writes = writeBehind();
  if (plan.decks.length) writes.add(db.decks.bulkAdd(plan.decks));
  // One write: the card store rewrites each pack once (in chunks, each would rewrite most packs again).
  if (plan.cards.length) writes.add(storeCards(db, plan.cards, step));
  if (plan.rewrittenRows.length) writes.add(db.reviews.bulkPut(plan.rewrittenRows.map((r) => r.after)));
  if (plan.removedRows.length) writes.add(db.reviews.bulkDelete(plan.removedRows.map((r) => r.id)));
  // Counted now, while the cards are being stored, rather than after every write.
  const totals = dayTotalsChange({
    added: plan.newReviews,
    removed: [...plan.removedRows, ...plan.removedPacked],
    rewritten: [...plan.rewrittenRows, ...plan.rewrittenPacked],
  });
  // The packs are built while the cards are being stored.
  await rewriteDayPacks(
    db,
    days,
    (day, stored) => [...stored.filter((r) => !removedPacked.has(r.id)).map((r) => changedPacked.get(r.id) ?? r), ...(addedByDay.get(day) ?? [])],
    { onWritten: step, storedDays },
  );
  await writes.settled();

  if (plan.attempts.length) await db.practiceAttempts.bulkPut(plan.attempts);
  if (plan.revisions.length) await db.cardRevisions.bulkPut(plan.revisions);
  // Earlier texts from the file that are not here yet (a revision never changes under its id).
  if (plan.fileRevisions.length) {
    const here = await db.cardRevisions.bulkGet(plan.fileRevisions.map((r) => r.id));
    await db.cardRevisions.bulkPut(plan.fileRevisions.filter((_, i) => here[i] === undefined));
  }
  if (plan.media.length) await db.media.bulkPut(plan.media);
  if (plan.settings) await db.settings.put({ ...plan.settings.settings, id: 'settings', savedAt: plan.settings.savedAt });
  await recordUndoneAnswers(db, plan.undone);
  await addDayTotals(db, totals);
  step(1);
}

