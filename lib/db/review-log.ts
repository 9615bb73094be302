/**
 * The review log, wherever it is stored. Answers given on this device are rows of `reviews`
 * (answer and undo write them one at a time); answers brought in by an import are packed per
 * study day in `packedReviews` (see database.ts, version 3). Code that needs the whole log, or a
 * day of it, reads it here so that it never misses either part.
 */
import { type ReviewEntry } from '../model';
import { columnsOf, type PackedDay, packedCount, type StoredReview, unpackAt, unpackDay } from '../review-pack';
import type { StudyDb } from './schema';

/** Every answer of one study day, optionally of one deck only. */
export async function reviewsOnDay(db: StudyDb, day: string, deckId?: string): Promise<ReviewEntry[]> {
  const [rows, pack] = await Promise.all([
    deckId === undefined ? db.reviews.where('day').equals(day).toArray() : db.reviews.where('[deckId+day]').equals([deckId, day]).toArray(),
    db.packedReviews.get(day),
  ]);
  if (!pack) return rows;
  const columns = columnsOf(pack);
  const packed: ReviewEntry[] = [];
  for (let i = 0; i < pack.count; i += 1) if (deckId === undefined || columns.deckIds[i] === deckId) packed.push(unpackAt(pack, columns, i));
  return [...rows, ...packed];
}

/** How many answers the log holds. */
export async function countReviews(db: StudyDb): Promise<number> {
  let packed = 0;
  await db.packedReviews.each((p) => {
    packed += packedCount(p);
  });
  return (await db.reviews.count()) + packed;
}

export type LogProgress = (done: number, total: number) => void;

const PAGE = 10_000;

/**
 * The whole log, each answer with where it is stored. Rows are read a page at a time (by
 * primary key, so each page is one index range) to report progress on a large log.
 * Call it inside a transaction over `reviews` and `packedReviews` for a consistent picture.
 */
export async function loadStoredLog(db: StudyDb, onProgress?: LogProgress): Promise<StoredReview[]> {
  const total = await db.reviews.count();
  const out: StoredReview[] = [];
  let last: string | null = null;
  for (;;) {
    const page: ReviewEntry[] = await (last === null ? db.reviews.orderBy(':id') : db.reviews.where(':id').above(last)).limit(PAGE).toArray();
    for (const review of page) out.push({ review, storedIn: 'row' });
    onProgress?.(out.length, total);
    if (page.length < PAGE) break;
    last = page[page.length - 1]!.id;
  }
  for (const pack of await db.packedReviews.toArray()) for (const review of unpackDay(pack)) out.push({ review, storedIn: 'packed' });
  return out;
}

export async function loadAllReviews(db: StudyDb, onProgress?: LogProgress): Promise<ReviewEntry[]> {
  return (await loadStoredLog(db, onProgress)).map((s) => s.review);
}

/** Stored answers of some cards, and stored answers with some ids (whatever their card). */
export async function loadStoredReviewsFor(
  db: StudyDb,
  cardIds: readonly string[],
  reviewIds: readonly string[],
): Promise<{ byCard: Map<string, StoredReview[]>; byId: Map<string, StoredReview> }> {
  const byCard = new Map<string, StoredReview[]>();
  const byId = new Map<string, StoredReview>();
  const [rows, packs] = await Promise.all([db.reviews.count(), db.packedReviews.count()]);
  // An empty log (a new device) is the common case for a large restore: nothing to look up.
  if (rows === 0 && packs === 0) return { byCard, byId };
  const wantedCards = new Set(cardIds);
  const wantedIds = new Set(reviewIds);
  const add = (s: StoredReview) => {
    if (wantedCards.has(s.review.cardId)) {
      const list = byCard.get(s.review.cardId);
      if (list) list.push(s);
      else byCard.set(s.review.cardId, [s]);
    }
    if (wantedIds.has(s.review.id)) byId.set(s.review.id, s);
  };
  if (rows > 0) {
    const [ofCards, withIds] = await Promise.all([
      cardIds.length ? db.reviews.where('cardId').anyOf(cardIds as string[]).toArray() : [],
      reviewIds.length ? db.reviews.where(':id').anyOf(reviewIds as string[]).toArray() : [],
    ]);
    const seen = new Set<string>();
    for (const review of [...ofCards, ...withIds]) {
      if (seen.has(review.id)) continue;
      seen.add(review.id);
      add({ review, storedIn: 'row' });
    }
  }
  await db.packedReviews.each((pack: PackedDay) => {
    const columns = columnsOf(pack);
    for (let i = 0; i < pack.count; i += 1) {
      if (wantedCards.has(columns.cardIds[i]!) || wantedIds.has(columns.ids[i]!)) add({ review: unpackAt(pack, columns, i), storedIn: 'packed' });
    }
  });
  return { byCard, byId };
}

/**
 * The answer rows whose ids are among `ids`. A restore or a first sync names 300,000 ids, and
 * Dexie's anyOf sorts them all with its generic comparison (about 0.4 s) before it walks the
 * index: when the rows are fewer than the ids (none, on a new device), their keys are read and
 * matched here instead.
 */
async function rowsAmong(db: StudyDb, ids: readonly string[], wanted: ReadonlySet<string>): Promise<ReviewEntry[]> {
  const stored = await db.reviews.count();
  if (stored === 0) return [];
  if (stored >= ids.length) return db.reviews.where(':id').anyOf([...ids]).toArray();
  const hits = (await db.reviews.toCollection().primaryKeys()).filter((id) => wanted.has(id));
  return (await db.reviews.bulkGet(hits)).filter((r): r is ReviewEntry => r !== undefined);
}

/**
 * Stored answers with these ids. An answer's study day never changes, so beyond the answer rows
 * only the packs of `days` (the days of the answers looked for) can hold them: no other pack is read.
 */
export async function loadStoredReviewsById(db: StudyDb, reviewIds: readonly string[], days: readonly string[]): Promise<Map<string, StoredReview>> {
  const byId = new Map<string, StoredReview>();
  if (!reviewIds.length) return byId;
  const wanted = new Set(reviewIds);
  const [rows, packs] = await Promise.all([rowsAmong(db, reviewIds, wanted), db.packedReviews.bulkGet([...new Set(days)])]);
  for (const review of rows) byId.set(review.id, { review, storedIn: 'row' });
  for (const pack of packs) {
    if (!pack) continue;
    const columns = columnsOf(pack);
    for (let i = 0; i < pack.count; i += 1) if (wanted.has(columns.ids[i]!)) byId.set(columns.ids[i]!, { review: unpackAt(pack, columns, i), storedIn: 'packed' });
  }
  return byId;
}
