/**
 * Stores an import draft (lib/import/draft.ts, from a CSV file or an Anki package) in one
 * transaction: its decks, its cards with their replayed answers (packed per day, as a backup
 * import stores them), the day totals, and its images. A refused or failed write leaves the
 * database exactly as it was.
 */
import { cardKey } from '../import/card-key';
import { importedIdPrefix, importParts } from '../import/cards-of-draft';
import type { ImportDraft } from '../import/draft';
import { mediaNamesIn } from '../markdown';
import type { ReviewEntry, StudyCard } from '../model';
import { createScheduler } from '../scheduler';
import { addDayTotals, daysWithPacks, rewriteDayPacks } from './day-packs';
import { byStudyDay } from '../review-pack';
import { dayTotalsChange } from '../stats/day-totals';
import { writeBehind } from './write-behind';
import { withStorageErrors } from './errors';
import type { StudyDb } from './schema';
import { loadSettings } from './settings';
import { nextOrder, takeOrders } from './card-order';
import { addCards, cardIdsStartingWith, cardStores, readAllCards } from './card-store';

export interface ImportReport {
  decksAdded: number;
  cardsAdded: number;
  answersAdded: number;
  /** Cards of the file already here from an earlier import: left as they are. */
  alreadyHere: number;
  mediaAdded: number;
  /**
   * How long each step took (ms), for `npm run bench`: reading what is stored; replaying the history;
   * storing the cards while packing and storing the answers, until every write is done; storing images.
   */
  timings?: { read: number; replay: number; write: number; writeMedia: number };
}

/** cardKey(front, back) of every stored card, for a CSV import's duplicate check. */
export async function loadCardKeys(db: StudyDb): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const c of await withStorageErrors(() => readAllCards(db))) keys.add(cardKey(c.front, c.back));
  return keys;
}

export function importDraft(db: StudyDb, draft: ImportDraft, now: number): Promise<ImportReport> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, ...cardStores(db), db.packedReviews, db.dayTotals, db.media, db.meta, db.settings], async () => {
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
        cardIds: new Set(await cardIdsStartingWith(db, importedIdPrefix(draft.kind))),
        nextOrder: await nextOrder(db),
      };
      // Read now, before the writes: reading later would wait for all of them.
      const storedDays = await daysWithPacks(db);
      const read = lap();
      // The cards are stored in one write once the replay is done (the card store then rewrites each
      // of its packs once), while the answers are packed by day.
      const writes = writeBehind();
      const cards: StudyCard[] = [];
      const reviews: ReviewEntry[] = [];
      // Only the images the added cards show are stored: one pass over their text, not one per image.
      const shown = new Set<string>();
      let decksAdded = 0;
      let cardsAdded = 0;
      let alreadyHere = 0;
      for (const part of importParts(draft, stored, createScheduler(settings), { now, dayStartHour: settings.dayStartHour }, Infinity)) {
        if (part.decks.length) writes.add(db.decks.bulkAdd(part.decks));
        for (const c of part.cards) cards.push(c);
        decksAdded += part.decks.length;
        cardsAdded += part.cards.length;
        alreadyHere += part.alreadyHere;
        for (const c of part.cards) for (const name of [...mediaNamesIn(c.front), ...mediaNamesIn(c.back)]) shown.add(name);
        for (const r of part.reviews) reviews.push(r);
      }
      const replay = lap();
      if (cards.length) writes.add(addCards(db, cards));
      await storeAnswers(db, reviews, storedDays);
      await writes.settled();
      await takeOrders(db, stored.nextOrder, cardsAdded);
      const writeCardsAndAnswers = lap();
      const newMedia = draft.media.filter((m) => shown.has(m.name));
      const existing = new Set((await db.media.bulkGet(newMedia.map((m) => m.name))).filter((m) => m !== undefined).map((m) => m.name));
      const media = newMedia.filter((m) => !existing.has(m.name));
      if (media.length) await db.media.bulkPut(media.map((m) => ({ name: m.name, mime: m.mime, bytes: m.bytes })));
      const timings = { read, replay, write: writeCardsAndAnswers, writeMedia: lap() };
      return { decksAdded, cardsAdded, answersAdded: reviews.length, alreadyHere, mediaAdded: media.length, timings };
    }),
  );
}

/** Imported answers go into the per-day packs (a year of answers is hundreds of thousands of rows). */
async function storeAnswers(db: StudyDb, reviews: readonly ReviewEntry[], storedDays: ReadonlySet<string>): Promise<void> {
  if (!reviews.length) return;
  const byDay = byStudyDay(reviews);
  // Counted now, while the cards are being stored, rather than after every write.
  const totals = dayTotalsChange({ added: reviews });
  await rewriteDayPacks(db, [...byDay.keys()].sort(), (day, stored) => [...stored, ...byDay.get(day)!], { storedDays });
  await addDayTotals(db, totals);
}
