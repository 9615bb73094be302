/**
 * Stores an import draft (lib/import/draft.ts, from a CSV file or an Anki package) in one
 * transaction: its decks, its cards with their replayed answers (packed per day, as a backup
 * import stores them), the day totals, and its images. A refused or failed write leaves the
 * database exactly as it was.
 */
import { cardKey } from '../import/card-key';
import { importedIdPrefix, importRows } from '../import/cards-of-draft';
import type { ImportDraft } from '../import/draft';
import { mediaNamesIn } from '../markdown';
import type { ReviewEntry } from '../model';
import { createScheduler } from '../scheduler';
import { adjustDayTotals, byStudyDay, rewriteDayPacks } from './day-packs';
import { withStorageErrors } from './errors';
import type { StudyDb } from './schema';
import { loadSettings } from './settings';
import { nextOrder, takeOrders } from './card-order';

export interface ImportReport {
  decksAdded: number;
  cardsAdded: number;
  answersAdded: number;
  /** Cards of the file already here from an earlier import: left as they are. */
  alreadyHere: number;
  mediaAdded: number;
  /** How long each step took (ms), for `npm run bench`: reading what is stored, replaying the history, storing cards, answers and images. */
  timings?: { read: number; replay: number; writeCards: number; writeAnswers: number; writeMedia: number };
}

/** cardKey(front, back) of every stored card, for a CSV import's duplicate check. */
export async function loadCardKeys(db: StudyDb): Promise<Set<string>> {
  const keys = new Set<string>();
  await withStorageErrors(() => db.cards.each((c) => void keys.add(cardKey(c.front, c.back))));
  return keys;
}

export function importDraft(db: StudyDb, draft: ImportDraft, now: number): Promise<ImportReport> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, db.cards, db.packedReviews, db.dayTotals, db.media, db.meta, db.settings, db.cardDigest], async () => {
      let t = performance.now();
      const lap = () => {
        const was = t;
        t = performance.now();
        return Math.round(t - was);
      };
      const settings = await loadSettings(db);
      const stored = {
        decks: await db.decks.toArray(),
        // Every card of an import has an id that starts with its kind ("anki-", "csv-"): the keys of
        // those stored are read from the index alone (none on a first import), not card by card.
        cardIds: new Set(await db.cards.where(':id').startsWith(importedIdPrefix(draft.kind)).primaryKeys()),
        nextOrder: await nextOrder(db),
      };
      const read = lap();
      const rows = importRows(draft, stored, createScheduler(settings), { now, dayStartHour: settings.dayStartHour });
      const replay = lap();
      await takeOrders(db, stored.nextOrder, rows.cards.length);
      if (rows.decks.length) await db.decks.bulkAdd(rows.decks);
      for (let i = 0; i < rows.cards.length; i += 5000) await db.cards.bulkAdd(rows.cards.slice(i, i + 5000));
      const writeCards = lap();
      await storeAnswers(db, rows.reviews);
      const writeAnswers = lap();
      // Only the images the added cards show: one pass over their text, not one per image.
      const shown = new Set(rows.cards.flatMap((c) => [...mediaNamesIn(c.front), ...mediaNamesIn(c.back)]));
      const newMedia = draft.media.filter((m) => shown.has(m.name));
      const existing = new Set((await db.media.bulkGet(newMedia.map((m) => m.name))).filter((m) => m !== undefined).map((m) => m.name));
      const media = newMedia.filter((m) => !existing.has(m.name));
      if (media.length) await db.media.bulkPut(media.map((m) => ({ name: m.name, mime: m.mime, bytes: m.bytes })));
      const timings = { read, replay, writeCards, writeAnswers, writeMedia: lap() };
      return { decksAdded: rows.decks.length, cardsAdded: rows.cards.length, answersAdded: rows.reviews.length, alreadyHere: rows.alreadyHere, mediaAdded: media.length, timings };
    }),
  );
}

/** Imported answers go into the per-day packs (a year of answers is hundreds of thousands of rows). */
async function storeAnswers(db: StudyDb, reviews: readonly ReviewEntry[]): Promise<void> {
  if (!reviews.length) return;
  const byDay = byStudyDay(reviews);
  await rewriteDayPacks(db, [...byDay.keys()].sort(), (day, stored) => [...stored, ...byDay.get(day)!]);
  await adjustDayTotals(db, { added: reviews });
}
