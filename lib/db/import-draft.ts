/**
 * Stores an import draft (lib/import/draft.ts, from a CSV file or an Anki package) in one
 * transaction: its decks, its cards with their replayed answers (packed per day, as a backup
 * import stores them), the day totals, and its images. A refused or failed write leaves the
 * database exactly as it was.
 */
import Dexie from 'dexie';
import { cardKey } from '../import/card-key';
import { byStudyDay } from '../review-pack';
import { importedCard, importedIdPrefix, type ImportOptions, importParts, placeDraft, type StoredSide } from '../import/cards-of-draft';
import { type AddedCards, type ReplayAhead, replaySettingsKey, sameBasis } from '../import/replay-ahead';
import type { ImportDraft } from '../import/draft';
import { mediaNamesIn } from '../markdown';
import type { ReviewEntry, StudyCard } from '../model';
import { unpackDay } from '../review-pack';
import { createScheduler, type Scheduler } from '../scheduler';
import { addDayTotals, daysWithPacks, PACK_CHUNK, rewriteDayPacks } from './day-packs';
import { dayTotalsChange } from '../stats/day-totals';
import { writeBehind } from './write-behind';
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
  /** Whether the history replayed ahead (in a second worker) was stored, rather than replayed again here. */
  replayedAhead: boolean;
  /**
   * How long each step took (ms), for `npm run bench`: reading what is stored; storing the cards and
   * answers (replaying the history first, unless it was replayed ahead); storing images. The import
   * worker adds the replay worker's steps.
   */
  timings?: Record<string, number>;
}

/** cardKey(front, back) of every stored card, for a CSV import's duplicate check. */
export async function loadCardKeys(db: StudyDb): Promise<Set<string>> {
  const keys = new Set<string>();
  await withStorageErrors(() => db.cards.each((c) => void keys.add(cardKey(c.front, c.back))));
  return keys;
}

/** The stored decks and imported cards an import of this kind is placed against (placeDraft). */
async function loadStoredSide(db: StudyDb, kind: ImportDraft['kind']): Promise<Pick<StoredSide, 'decks' | 'cardIds'>> {
  return {
    decks: await db.decks.toArray(),
    // Every card of an import has an id that starts with its kind ("anki-", "csv-"): the keys of
    // those stored are read from the index alone (none on a first import), not card by card.
    cardIds: new Set(await db.cards.where(':id').startsWith(importedIdPrefix(kind)).primaryKeys()),
  };
}

/**
 * The cards importing the draft would add now, each with its deck: what a replay made ahead packs
 * (lib/import/replay-ahead.ts). importDraft checks them again when it stores.
 */
export function cardsToAdd(db: StudyDb, draft: ImportDraft, now: number): Promise<AddedCards> {
  return withStorageErrors(async () => {
    const { added } = placeDraft(draft, await db.transaction('r', [db.decks, db.cards], () => loadStoredSide(db, draft.kind)), now);
    return { cardIds: added.map((a) => a.id), deckIds: added.map((a) => a.deckId) };
  });
}

/** How long an import waits for the replay worker before it gives up (and stores nothing). */
const REPLAY_WAIT_MS = 120_000;

/**
 * Waits, inside the transaction, for what the replay worker sends: Dexie.waitFor keeps the
 * transaction open meanwhile. The promise is made outside Dexie's transaction zone: made inside
 * it, a promise settled by a message (or a timer) made later awaits lose the transaction (the
 * unit test with a replay arriving in parts caught it).
 */
const fromReplay = <T>(ask: () => Promise<T>): Promise<T> => Dexie.waitFor(Dexie.ignoreTransaction(ask), REPLAY_WAIT_MS);

/** Cards replayed and handed to IndexedDB at a time: small enough that storing overlaps replaying. */
const CARDS_PER_PART = 2_000;

/**
 * Stores the draft. With `replayedAhead` (an Anki import's history being replayed in a second
 * worker, lib/import/replay-ahead.ts), its memories, packs and counts are stored as they come, if
 * it was made from what is stored now; otherwise the history is replayed here. Either way the
 * stored rows are the same.
 */
export function importDraft(db: StudyDb, draft: ImportDraft, now: number, replayedAhead?: ReplayAhead): Promise<ImportReport> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, db.cards, db.packedReviews, db.dayTotals, db.media, db.meta, db.settings, db.cardDigest], async () => {
      let t = performance.now();
      const lap = () => {
        const was = t;
        t = performance.now();
        return Math.round(t - was);
      };
      const settings = await loadSettings(db);
      const stored = { ...(await loadStoredSide(db, draft.kind)), nextOrder: await nextOrder(db) };
      // Read now, before the writes: reading later would wait for all of them.
      const storedDays = await daysWithPacks(db);
      const read = lap();
      const opts = { now, dayStartHour: settings.dayStartHour };
      const written = replayedAhead ? await writeReplayed(db, draft, stored, storedDays, replayedAhead, replaySettingsKey(settings), opts) : null;
      const { decksAdded, cardsAdded, answersAdded, alreadyHere, shown } = written ?? (await writeReplaying(db, draft, stored, storedDays, createScheduler(settings), opts));
      await takeOrders(db, stored.nextOrder, cardsAdded);
      const store = lap();
      const newMedia = draft.media.filter((m) => shown.has(m.name));
      const existing = new Set((await db.media.bulkGet(newMedia.map((m) => m.name))).filter((m) => m !== undefined).map((m) => m.name));
      const media = newMedia.filter((m) => !existing.has(m.name));
      if (media.length) await db.media.bulkPut(media.map((m) => ({ name: m.name, mime: m.mime, bytes: m.bytes })));
      const timings = { read, store, writeMedia: lap() };
      return { decksAdded, cardsAdded, answersAdded, alreadyHere, mediaAdded: media.length, replayedAhead: written !== null, timings };
    }),
  );
}

interface Written {
  decksAdded: number;
  cardsAdded: number;
  answersAdded: number;
  alreadyHere: number;
  /** The images the added cards show: only those are stored (one pass over their text, not one per image). */
  shown: Set<string>;
}

function noteImages(shown: Set<string>, card: StudyCard): void {
  for (const name of mediaNamesIn(card.front)) shown.add(name);
  for (const name of mediaNamesIn(card.back)) shown.add(name);
}

/** Replays the history here: each part's cards go to IndexedDB while the next part's history is replayed. */
async function writeReplaying(db: StudyDb, draft: ImportDraft, stored: StoredSide, storedDays: ReadonlySet<string>, scheduler: Scheduler, opts: ImportOptions): Promise<Written> {
  const writes = writeBehind();
  // The answers wait for the whole replay, since a day's pack holds answers of many cards.
  const reviews: ReviewEntry[] = [];
  const shown = new Set<string>();
  let decksAdded = 0;
  let cardsAdded = 0;
  let alreadyHere = 0;
  for (const part of importParts(draft, stored, scheduler, opts, CARDS_PER_PART)) {
    if (part.decks.length) writes.add(db.decks.bulkAdd(part.decks));
    if (part.cards.length) writes.add(db.cards.bulkAdd(part.cards));
    decksAdded += part.decks.length;
    cardsAdded += part.cards.length;
    alreadyHere += part.alreadyHere;
    for (const c of part.cards) noteImages(shown, c);
    for (const r of part.reviews) reviews.push(r);
  }
  await storeAnswers(db, reviews, storedDays);
  await writes.settled();
  return { decksAdded, cardsAdded, answersAdded: reviews.length, alreadyHere, shown };
}

/**
 * Stores a replay made ahead, or returns null (nothing written) when it was made from something
 * else. The replay may still be running: each part's cards are stored once their memories have
 * come, while the rest is replayed; the answers once the replay worker has packed them.
 */
async function writeReplayed(
  db: StudyDb,
  draft: ImportDraft,
  stored: StoredSide,
  storedDays: ReadonlySet<string>,
  ahead: ReplayAhead,
  settingsKey: string,
  opts: ImportOptions,
): Promise<Written | null> {
  const placement = placeDraft(draft, stored, opts.now);
  const cards = { cardIds: placement.added.map((a) => a.id), deckIds: placement.added.map((a) => a.deckId) };
  if (!sameBasis(ahead, settingsKey, cards, placement.added.map((a) => a.card.answers))) return null;
  const writes = writeBehind();
  if (placement.decks.length) writes.add(db.decks.bulkAdd(placement.decks));
  const shown = new Set<string>();
  for (let i = 0; i < placement.added.length; i += CARDS_PER_PART) {
    const slice = placement.added.slice(i, i + CARDS_PER_PART);
    const answered = slice.filter((a) => a.card.answers.length > 0).map((a) => a.id);
    const memories = await fromReplay(() => ahead.memories(answered));
    const memoryOf = new Map(answered.map((id, k) => [id, memories[k]!]));
    const part = slice.map(({ card, id, deckId }, k) => importedCard(draft, card, id, deckId, stored.nextOrder + i + k, memoryOf.get(id) ?? null, opts));
    writes.add(db.cards.bulkAdd(part));
    for (const c of part) noteImages(shown, c);
  }
  const { packs, totals } = await fromReplay(() => ahead.packed());
  // A day that has a pack already gets one pack of both; the other days' packs are stored as made.
  const merged = packs.filter((p) => storedDays.has(p.day));
  const fresh = packs.filter((p) => !storedDays.has(p.day));
  for (let i = 0; i < fresh.length; i += PACK_CHUNK) writes.add(db.packedReviews.bulkPut(fresh.slice(i, i + PACK_CHUNK)));
  if (merged.length) {
    const byDay = new Map(merged.map((p) => [p.day, p]));
    await rewriteDayPacks(db, [...byDay.keys()], (day, old) => [...old, ...unpackDay(byDay.get(day)!)], { storedDays });
  }
  await addDayTotals(db, totals);
  await writes.settled();
  return { decksAdded: placement.decks.length, cardsAdded: placement.added.length, answersAdded: packs.reduce((n, p) => n + p.count, 0), alreadyHere: placement.alreadyHere, shown };
}

/** Imported answers go into the per-day packs (a year of answers is hundreds of thousands of rows). */
async function storeAnswers(db: StudyDb, reviews: readonly ReviewEntry[], storedDays: ReadonlySet<string>): Promise<void> {
  if (!reviews.length) return;
  const byDay = byStudyDay(reviews);
  const totals = dayTotalsChange({ added: reviews });
  await rewriteDayPacks(db, [...byDay.keys()].sort(), (day, stored) => [...stored, ...byDay.get(day)!], { storedDays });
  await addDayTotals(db, totals);
}
