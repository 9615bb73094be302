/**
 * The home page's figures: today's counts for every deck (each with its subdecks, as studying it
 * takes them in) and for all decks, answers today, the streak and the next due card. Only the
 * home page loads this module.
 */
import type { Deck, StudySettings } from '../model';
import { remainingToday, type DoneToday, type TodayCounts } from '../queue';
import { streakOf, studyDayEnd, studyDayOf } from '../study-day';
import { deckFamily } from '../deck-tree';
import type { StudyDb } from './database';
import { cardStores, countDeckCards, countQueue } from './card-store';
import { doneToday, loadNextDue } from './queries';

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

/** A deck's cards by queue, before the daily limits, and what was done in it today. */
interface DeckTally {
  learning: number;
  review: number;
  newCards: number;
  total: number;
  done: DoneToday;
}

async function tallyOf(db: StudyDb, deckId: string, day: string, dayEnd: number): Promise<DeckTally> {
  const [learning, review, newCards, total, done] = await Promise.all([
    countQueue(db, deckId, 'learn', dayEnd - 1),
    countQueue(db, deckId, 'review', dayEnd - 1),
    countQueue(db, deckId, 'new', null),
    countDeckCards(db, deckId),
    doneToday(db, day, deckId),
  ]);
  return { learning, review, newCards, total, done };
}

const countsOf = (t: DeckTally, settings: StudySettings): TodayCounts => remainingToday({ learning: t.learning, review: t.review, newCards: t.newCards }, t.done, settings);

/** A deck's tally with its subdecks' added (what studying it takes in). */
function familyTally(tallies: ReadonlyMap<string, DeckTally>, family: readonly string[]): DeckTally {
  const sum: DeckTally = { learning: 0, review: 0, newCards: 0, total: 0, done: { newCards: 0, reviews: 0 } };
  for (const id of family) {
    const t = tallies.get(id);
    if (!t) continue;
    sum.learning += t.learning;
    sum.review += t.review;
    sum.newCards += t.newCards;
    sum.total += t.total;
    sum.done = { newCards: sum.done.newCards + t.done.newCards, reviews: sum.done.reviews + t.done.reviews };
  }
  return sum;
}

export function loadHomeSummary(db: StudyDb, settings: StudySettings, now: number): Promise<HomeSummary> {
  // One read transaction for the few dozen index counts, rather than one transaction each.
  return db.transaction('r', [db.decks, ...cardStores(db), db.reviews, db.packedReviews, db.dayTotals], () => readHomeSummary(db, settings, now));
}

async function readHomeSummary(db: StudyDb, settings: StudySettings, now: number): Promise<HomeSummary> {
  const day = studyDayOf(now, settings.dayStartHour);
  const dayEnd = studyDayEnd(now, settings.dayStartHour);
  const stored = await db.decks.toArray();
  const decks = stored.filter((d) => !d.retired);
  const [tallies, doneAll, reviewsToday, days, nextDue] = await Promise.all([
    // Every deck, retired ones too: "all decks" counts every card, as a session over all decks takes them.
    Promise.all(stored.map(async (deck) => [deck.id, await tallyOf(db, deck.id, day, dayEnd)] as const)).then((list) => new Map(list)),
    doneToday(db, day),
    db.dayTotals.get(day).then((t) => t?.reviews ?? 0),
    // The per-day totals, not the review log: walking the log's day index takes seconds at 300k rows.
    db.dayTotals.toCollection().primaryKeys(),
    // The first card due after those the tallies count as today's (ranks up to dayEnd - 1).
    loadNextDue(db, { kind: 'all' }, dayEnd - 1),
  ]);
  const all = countsOf({ ...familyTally(tallies, stored.map((d) => d.id)), done: doneAll }, settings);
  // Each deck counts its subdecks' cards too, as studying it takes them in.
  const perDeck = decks.map((deck) => {
    const t = familyTally(tallies, deckFamily(decks, deck.id));
    return { deck, today: countsOf(t, settings), total: t.total };
  });
  return {
    decks: perDeck,
    all,
    reviewsToday,
    streak: streakOf(new Set(days as string[]), day),
    nextDue,
  };
}
