/**
 * Sync's side of the stored data: what it remembers between runs (the server, this device's id,
 * how far it has read), what it sends, and the one transaction that merges what other devices
 * sent. The merge is the backup import's (lib/backup/merge.ts, written by writePlan): sync adds
 * no rule of its own.
 */
import type { ReviewEntry, StudyCard } from '../model';
import { type ImportSummary, planImport } from '../backup/merge';
import { isSyncedCard, type LocalState, placeablePart, type RemoteChanges } from '../sync/documents';
import { idsOf, readSnapshot, SNAPSHOT_TABLES, writePlan } from './backup';
import type { StudyDb } from './schema';
import { withStorageErrors } from './errors';
import { reviewsOnDay } from './review-log';
import { loadStoredSettings } from './settings';
import { loadUndoneAnswers } from './undone-answers';
import { plural } from '../words';
import type { SyncRecord } from './sync-record';

/**
 * The study days whose answers may differ from what the documents hold: a different count, or an
 * undo since the last send. On a device in step with the server this is none, so a sync reads no
 * answers at all.
 */
export async function daysToSend(db: StudyDb, record: SyncRecord): Promise<string[]> {
  const [totals, undone] = await db.transaction('r', [db.dayTotals, db.meta], () => Promise.all([db.dayTotals.toArray(), loadUndoneAnswers(db)]));
  const here = new Map(totals.map((t) => [t.day, t.reviews]));
  const days = new Set([...here.keys(), ...Object.keys(record.dayCounts)].filter((day) => (here.get(day) ?? 0) !== (record.dayCounts[day] ?? 0)));
  for (const u of undone) if (u.at >= record.lastSentAt) days.add(u.day);
  return [...days].sort();
}

/** Everything sync sends, read in one transaction; answers only of `days`. */
export async function loadLocalState(db: StudyDb, days: readonly string[], mediaToSend: (names: string[]) => Promise<string[]> | string[]): Promise<LocalState> {
  const read = await withStorageErrors(() =>
    db.transaction('r', [db.settings, db.decks, db.cards, db.cardRevisions, db.practiceAttempts, db.media, db.reviews, db.packedReviews, db.meta], async () => {
      const [settings, decks, cards, revisions, attempts, mediaNames, undone] = await Promise.all([
        loadStoredSettings(db),
        db.decks.filter((d) => !d.builtin).toArray(),
        // One getAll and a filter here: a filtered collection walks a cursor, row by row.
        db.cards.toArray().then((all: StudyCard[]) => all.filter(isSyncedCard)),
        db.cardRevisions.toArray(),
        db.practiceAttempts.toArray(),
        db.media.toCollection().primaryKeys(),
        loadUndoneAnswers(db),
      ]);
      const answers = new Map<string, ReviewEntry[]>();
      for (const day of days) answers.set(day, await reviewsOnDay(db, day));
      return { settings, decks, cards, revisions, attempts, mediaNames: mediaNames as string[], undone, answers };
    }),
  );
  const wanted = await mediaToSend(read.mediaNames);
  const media = wanted.length ? (await db.media.bulkGet(wanted)).filter((m) => m !== undefined) : [];
  return {
    settings: read.settings.settings,
    settingsSavedAt: read.settings.savedAt,
    decks: read.decks,
    cards: read.cards,
    revisions: read.revisions,
    attempts: read.attempts,
    media,
    days: read.answers,
    undone: read.undone,
  };
}

export interface Merged {
  /** What the merge did, all devices together. */
  summary: Pick<ImportSummary, 'reviewsAdded' | 'reviewsUndone' | 'cardsAdded' | 'decksAdded' | 'cardsRescheduled' | 'cardsTextUpdated' | 'attemptsAdded' | 'attemptsUpdated'> & { settingsChanged: number };
  /** Answers kept back for now (their card is not here yet), and their study days (whose documents are read again next time). */
  waiting: number;
  waitingDays: Set<string>;
  /** Answers that contradict stored ones, and devices whose piece made no schedule: never stored. */
  problems: string[];
}

/**
 * Merges the other devices' documents into the stored data, in one transaction: all of it or, if
 * the disk refuses the write, nothing. Each device's piece is planned against the data as the
 * previous piece left it, in device order, so every device applies the same pieces alike.
 */
export function mergeRemoteChanges(db: StudyDb, changes: RemoteChanges): Promise<Merged> {
  return withStorageErrors(() =>
    db.transaction('rw', [...SNAPSHOT_TABLES(db), db.dayTotals], async () => {
      const merged: Merged = {
        summary: { reviewsAdded: 0, reviewsUndone: 0, cardsAdded: 0, decksAdded: 0, cardsRescheduled: 0, cardsTextUpdated: 0, attemptsAdded: 0, attemptsUpdated: 0, settingsChanged: 0 },
        waiting: 0,
        waitingDays: new Set(),
        problems: [],
      };
      for (const { device, backup } of changes.byDevice) {
        const snapshot = await readSnapshot(db, idsOf(backup), backup);
        const part = placeablePart(backup, snapshot);
        merged.waiting += part.waiting.length;
        for (const r of part.waiting) merged.waitingDays.add(r.day);
        if (part.contradicting.length)
          merged.problems.push(`${plural(part.contradicting.length, 'answer')} from device ${device} contradict answers stored here with the same id and were left out.`);
        const planned = planImport(snapshot, part.backup);
        if (!planned.ok) {
          merged.problems.push(`Device ${device}: ${planned.problem.message} ${planned.problem.details.join(' ')}`);
          continue;
        }
        const s = planned.plan.summary;
        for (const k of ['reviewsAdded', 'reviewsUndone', 'cardsAdded', 'decksAdded', 'cardsRescheduled', 'cardsTextUpdated', 'attemptsAdded', 'attemptsUpdated'] as const) merged.summary[k] += s[k];
        merged.summary.settingsChanged += s.settingsChanged.length;
        await writePlan(db, planned.plan);
      }
      return merged;
    }),
  );
}
