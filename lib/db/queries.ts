/** Reads for the study loop and the home page. Each is a handful of index-range queries. */
import Dexie from 'dexie';
import { CardState, type Deck, type StudyCard, type StudySettings } from '../model';
import { buildTodayQueue, remainingToday, type DoneToday, type TodayCounts, type TodayQueue } from '../queue';
import { streakOf, studyDayEnd, studyDayOf } from '../study-day';
import { isDigestTag } from '../stats/card-digest';
import { readCardDigest } from './stored-card-digest';
import { missedCardIds } from '../practice/history';
import { cardsOfDeck, type StudyDb } from './database';
import { reviewsOnDay } from './review-log';

/**
 * Which cards a session draws from: one deck, every deck, the cards with one tag, or the cards
 * behind the questions a practice attempt missed ("Study what I missed").
 */
export type StudyScope = { kind: 'all' } | { kind: 'deck'; deckId: string } | { kind: 'tag'; tag: string } | { kind: 'missed'; attemptId: string };

function range(db: StudyDb, scope: { deckId?: string }, queue: string, upTo: number | typeof Dexie.maxKey) {
  if (scope.deckId !== undefined) {
    return db.cards.where('[deckId+queue+rank]').between([scope.deckId, queue, Dexie.minKey], [scope.deckId, queue, upTo], true, true);
  }
  return db.cards.where('[queue+rank]').between([queue, Dexie.minKey], [queue, upTo], true, true);
}

/**
 * The cards with one tag. There is no index on tags (every index costs time on each card write,
 * and a restore writes thousands): the tags the app links to (`cert:`, `domain:`) are looked up
 * in the card digest, any other tag (a hand-typed address) by reading every card.
 */
function cardsTagged(db: StudyDb, tag: string): Promise<StudyCard[]> {
  return db.transaction('r', db.cards, db.cardDigest, async () => {
    if (!isDigestTag(tag)) return (await db.cards.toArray()).filter((c) => c.tags.includes(tag));
    const ids = (await readCardDigest(db)).filter((e) => e.tags.includes(tag)).map((e) => e.id);
    return (await db.cards.bulkGet(ids)).filter((c): c is StudyCard => c !== undefined);
  });
}

export async function doneToday(db: StudyDb, day: string, deckId?: string): Promise<DoneToday> {
  // Both parts of the log: an import may bring in today's answers from another device.
  const rows = await reviewsOnDay(db, day, deckId);
  const introduced = new Set<string>();
  let reviews = 0;
  for (const r of rows) {
    if (r.stateBefore === CardState.New) introduced.add(r.cardId);
    else if (r.stateBefore === CardState.Review) reviews += 1;
  }
  return { newCards: introduced.size, reviews };
}

/** Today's queue for a scope, respecting the daily limits. */
export async function loadTodayQueue(db: StudyDb, scope: StudyScope, settings: StudySettings, now: number): Promise<TodayQueue> {
  const day = studyDayOf(now, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.dayStartHour);
  if (scope.kind === 'missed') return missedQueue(db, scope.attemptId, dayEnd);
  if (scope.kind === 'tag') {
    // A domain holds a few dozen cards: read them all and sort in memory.
    const cards = (await cardsTagged(db, scope.tag)).filter((c) => c.queue !== 'off');
    const done = await doneToday(db, day);
    const byRank = (a: StudyCard, b: StudyCard) => a.rank - b.rank;
    return buildTodayQueue(
      {
        learning: cards.filter((c) => c.queue === 'learn' && c.due < dayEnd).sort(byRank),
        review: cards.filter((c) => c.queue === 'review' && c.due < dayEnd).sort(byRank),
        fresh: cards.filter((c) => c.queue === 'new').sort(byRank),
      },
      done,
      settings,
    );
  }
  const s = scope.kind === 'deck' ? { deckId: scope.deckId } : {};
  const done = await doneToday(db, day, s.deckId);
  const left = remainingToday({ newCards: Infinity, learning: 0, review: Infinity }, done, settings);
  const [learning, review, fresh] = await Promise.all([
    range(db, s, 'learn', dayEnd - 1).toArray(),
    range(db, s, 'review', dayEnd - 1).limit(left.review).toArray(),
    range(db, s, 'new', Dexie.maxKey).limit(left.newCards).toArray(),
  ]);
  return buildTodayQueue({ learning, review, fresh }, done, settings);
}

/**
 * The cards of the questions an attempt missed, all of them now, whatever their due dates and the
 * daily limits: the learner asked for them. A review card not yet due is answered early, which
 * FSRS takes into account (its elapsed time is short).
 */
async function missedQueue(db: StudyDb, attemptId: string, dayEnd: number): Promise<TodayQueue> {
  const attempt = await db.practiceAttempts.get(attemptId);
  if (!attempt) return { learning: [], review: [], fresh: [] };
  const cards = (await db.cards.bulkGet(missedCardIds(attempt))).filter((c): c is StudyCard => c !== undefined && c.queue !== 'off');
  const byRank = (a: StudyCard, b: StudyCard) => a.rank - b.rank;
  const learningToday = (c: StudyCard) => c.queue === 'learn' && c.due < dayEnd;
  return {
    learning: cards.filter(learningToday).sort(byRank),
    review: cards.filter((c) => c.queue !== 'new' && !learningToday(c)).sort(byRank),
    fresh: cards.filter((c) => c.queue === 'new').sort(byRank),
  };
}

export interface DeckSummary {
  deck: Deck;
  today: TodayCounts;
  total: number;
}

export interface HomeSummary {
  decks: DeckSummary[];
  all: TodayCounts;
  reviewsToday: number;
  streak: number;
  /** The earliest due time of any card not due today, for "next card due". */
  nextDue: number | null;
}

async function countsFor(db: StudyDb, deckId: string | undefined, day: string, dayEnd: number, settings: StudySettings): Promise<TodayCounts> {
  const s = deckId === undefined ? {} : { deckId };
  const [learning, review, newCards, done] = await Promise.all([
    range(db, s, 'learn', dayEnd - 1).count(),
    range(db, s, 'review', dayEnd - 1).count(),
    range(db, s, 'new', Dexie.maxKey).count(),
    doneToday(db, day, deckId),
  ]);
  return remainingToday({ learning, review, newCards }, done, settings);
}

export function loadHomeSummary(db: StudyDb, settings: StudySettings, now: number): Promise<HomeSummary> {
  // One read transaction for the few dozen index counts, rather than one transaction each.
  return db.transaction('r', [db.decks, db.cards, db.reviews, db.packedReviews, db.dayTotals], () => readHomeSummary(db, settings, now));
}

async function readHomeSummary(db: StudyDb, settings: StudySettings, now: number): Promise<HomeSummary> {
  const day = studyDayOf(now, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.dayStartHour);
  const decks = (await db.decks.toArray()).filter((d) => !d.retired);
  const [perDeck, all, reviewsToday, days, nextLearn, nextReview] = await Promise.all([
    Promise.all(decks.map(async (deck) => ({
      deck,
      today: await countsFor(db, deck.id, day, dayEnd, settings),
      total: await cardsOfDeck(db, deck.id).count(),
    }))),
    countsFor(db, undefined, day, dayEnd, settings),
    db.dayTotals.get(day).then((t) => t?.reviews ?? 0),
    // The per-day totals, not the review log: walking the log's day index takes seconds at 300k rows.
    db.dayTotals.toCollection().primaryKeys(),
    db.cards.where('[queue+rank]').between(['learn', dayEnd], ['learn', Dexie.maxKey]).first(),
    db.cards.where('[queue+rank]').between(['review', dayEnd], ['review', Dexie.maxKey]).first(),
  ]);
  const dues = [nextLearn?.due, nextReview?.due].filter((d): d is number => d !== undefined);
  return {
    decks: perDeck,
    all,
    reviewsToday,
    streak: streakOf(new Set(days as string[]), day),
    nextDue: dues.length ? Math.min(...dues) : null,
  };
}

/** When the next card of a scope falls due after `after`, or null when nothing is scheduled. */
export async function loadNextDue(db: StudyDb, scope: StudyScope, after: number): Promise<number | null> {
  if (scope.kind === 'missed') return null;
  if (scope.kind === 'tag') {
    const dues = (await cardsTagged(db, scope.tag))
      .filter((c) => (c.queue === 'learn' || c.queue === 'review') && c.due > after)
      .map((c) => c.due);
    return dues.length ? Math.min(...dues) : null;
  }
  const s = scope.kind === 'deck' ? { deckId: scope.deckId } : {};
  const firstAfter = (queue: string) =>
    (s.deckId === undefined
      ? db.cards.where('[queue+rank]').between([queue, after], [queue, Dexie.maxKey], false, true)
      : db.cards.where('[deckId+queue+rank]').between([s.deckId, queue, after], [s.deckId, queue, Dexie.maxKey], false, true)
    ).first();
  const found = (await Promise.all([firstAfter('learn'), firstAfter('review')])).filter((c) => c !== undefined);
  return found.length ? Math.min(...found.map((c) => c.due)) : null;
}
