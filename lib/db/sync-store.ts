/**
 * Sync's side of the stored data: what it remembers between runs (the server, this device's id,
 * how far it has read), what it sends, and the one transaction that merges what other devices
 * sent. The merge is the backup import's (lib/backup/merge.ts, written by writePlan): sync adds
 * no rule of its own.
 */
import type { StudyCard } from '../model';
import { type ImportSummary, planImport, sameReview } from '../backup/merge';
import type { ValidBackup } from '../backup/parse';
import { cardSyncHash, type CardSyncKey, isSyncedCard } from '../sync/card-sync-key';
import { bucketFingerprints, bucketOf, type LocalState, placeablePart, type RemoteChanges } from '../sync/documents';
import { readCardSyncKeys } from './stored-card-digest';
import { idsOf, readSnapshot, SNAPSHOT_TABLES, writePlan } from './backup';
import type { StudyDb } from './schema';
import { withStorageErrors } from './errors';
import { loadStoredReviewsById } from './review-log';
import { packedReviewRow, reviewToRow } from '../backup/format';
import { columnsOf } from '../review-pack';
import { loadStoredSettings } from './settings';
import { loadUndoneAnswers } from './undone-answers';
import { plural } from '../words';
import type { SyncRecord } from './sync-record';
import { cardStores, countCards, readAllCards, readCards } from './card-store';

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

/**
 * Every answer of each of `days`, as backup rows (what an answers document holds), answers given
 * here first and then imported ones, as reviewsOnDay orders them. Two requests for all the days
 * rather than two per day (a first sync reads a year's 366), and rows straight from the packs.
 */
export async function answerRowsOnDays(db: StudyDb, days: readonly string[]): Promise<Map<string, unknown[][]>> {
  const out = new Map<string, unknown[][]>(days.map((d) => [d, []]));
  if (!days.length) return out;
  const [rows, packs] = await Promise.all([db.reviews.where('day').anyOf(days as string[]).toArray(), db.packedReviews.bulkGet(days as string[])]);
  for (const r of rows) out.get(r.day)!.push(reviewToRow(r));
  for (const pack of packs) {
    if (!pack) continue;
    const list = out.get(pack.day)!;
    const columns = columnsOf(pack);
    for (let i = 0; i < pack.count; i += 1) list.push(packedReviewRow(pack, columns, i));
  }
  return out;
}

/** What sync sends, and the fingerprint of every bucket of synced cards as they are now. */
export interface LocalRead {
  /** Cards and earlier texts only of the buckets whose fingerprint differs from `sentBuckets`. */
  state: LocalState;
  fingerprints: Record<string, string>;
  /** The card digest could not say (the cards were read instead): rebuilding it makes the next sync quick. */
  digestBehind: boolean;
}

/**
 * Everything sync sends, read in one transaction; answers only of `days`. The cards' fingerprints
 * come from the card digest (64 small packs, kept in step with every card write), so only the
 * cards of buckets that changed since the last send (`sentBuckets`) are read. When the digest
 * cannot say (a pack written before it kept the hash, or cards written around the app), every
 * card is read and hashed instead, which gives the same fingerprints.
 */
export async function loadLocalState(
  db: StudyDb,
  days: readonly string[],
  sentBuckets: Readonly<Record<string, string>> | undefined,
  mediaToSend: (names: string[]) => Promise<string[]> | string[],
): Promise<LocalRead> {
  const read = await withStorageErrors(() =>
    db.transaction('r', [db.settings, db.decks, ...cardStores(db), db.cardRevisions, db.practiceAttempts, db.media, db.reviews, db.packedReviews, db.meta], async () => {
      const [settings, decks, digest, cardCount, revisions, attempts, mediaNames, undone] = await Promise.all([
        loadStoredSettings(db),
        db.decks.filter((d) => !d.builtin).toArray(),
        readCardSyncKeys(db),
        countCards(db),
        db.cardRevisions.toArray(),
        db.practiceAttempts.toArray(),
        db.media.toCollection().primaryKeys(),
        loadUndoneAnswers(db),
      ]);
      let keys: CardSyncKey[];
      let everyCard: StudyCard[] | null = null;
      if (digest && digest.length === cardCount) {
        keys = digest;
      } else {
        // One getAll: a filtered collection walks a cursor, row by row.
        everyCard = await readAllCards(db);
        keys = everyCard.map((c) => ({ id: c.id, sync: cardSyncHash(c) }));
      }
      const fingerprints = bucketFingerprints(keys, revisions);
      const changed = (bucket: string) => fingerprints[bucket] !== sentBuckets?.[bucket];
      const wanted = new Set(keys.filter((k) => k.sync !== 0 && changed(bucketOf(k.id))).map((k) => k.id));
      const cards = everyCard
        ? everyCard.filter((c) => wanted.has(c.id))
        : wanted.size > keys.length / 4
          ? (await readAllCards(db)).filter((c) => wanted.has(c.id))
          : await readCards(db, [...wanted]);
      const answers = await answerRowsOnDays(db, days);
      return {
        settings,
        decks,
        cards: cards.filter(isSyncedCard),
        revisions: revisions.filter((r) => changed(bucketOf(r.cardId))),
        attempts,
        mediaNames: mediaNames as string[],
        undone,
        answers,
        fingerprints,
        digestBehind: everyCard !== null,
      };
    }),
  );
  const wanted = await mediaToSend(read.mediaNames);
  const media = wanted.length ? (await db.media.bulkGet(wanted)).filter((m) => m !== undefined) : [];
  return {
    fingerprints: read.fingerprints,
    digestBehind: read.digestBehind,
    state: {
      settings: read.settings.settings,
      settingsSavedAt: read.settings.savedAt,
      decks: read.decks,
      cards: read.cards,
      revisions: read.revisions,
      attempts: read.attempts,
      media,
      days: read.answers,
      undone: read.undone,
    },
  };
}

/**
 * The piece without the answers stored here exactly as it holds them. A study day's document holds
 * all of that day's answers of its device, so after the first sync of the day most of it is here
 * already; leaving those out keeps the merge from reading every card (it reads the cards the
 * piece names) to learn nothing. An answer stored differently stays, so it is reported.
 */
async function withoutStoredAnswers(db: StudyDb, backup: ValidBackup): Promise<ValidBackup> {
  if (!backup.reviews.length) return backup;
  const stored = await loadStoredReviewsById(db, backup.reviews.map((r) => r.id), [...new Set(backup.reviews.map((r) => r.day))]);
  if (!stored.size) return backup;
  const reviews = backup.reviews.filter((r) => {
    const here = stored.get(r.id);
    return !here || !sameReview(here.review, r);
  });
  return reviews.length === backup.reviews.length ? backup : { ...backup, reviews };
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
      for (const { device, backup: whole } of changes.byDevice) {
        const backup = await withoutStoredAnswers(db, whole);
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
