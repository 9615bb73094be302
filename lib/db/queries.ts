/** Reads for the study loop and the home page. Each is a handful of index-range queries. */
import { CardState, type StudyCard, type StudySettings } from '../model';
import { buildTodayQueue, remainingToday, type DoneToday, type TodayQueue } from '../queue';
import { studyDayEnd, studyDayOf } from '../study-day';
import { isDigestTag } from '../stats/card-digest';
import { readCardDigest } from './stored-card-digest';
import { missedCardIds } from '../practice/history';
import { allDeckIds, type StudyDb } from './database';
import { cardStores, firstRankAfter, readAllCards, readCards, readQueues } from './card-store';
import { reviewsOnDay } from './review-log';
import { deckFamily } from '../deck-tree';

/**
 * Which cards a session draws from: one deck, every deck, the cards with one tag, or the cards
 * behind the questions a practice attempt missed ("Study what I missed").
 */
export type StudyScope = { kind: 'all' } | { kind: 'deck'; deckId: string } | { kind: 'tag'; tag: string } | { kind: 'missed'; attemptId: string };

/**
 * The cards with one tag. There is no index on tags (every index costs time on each card write,
 * and a restore writes thousands): the tags the app links to (`cert:`, `domain:`) are looked up
 * in the card digest, any other tag (a hand-typed address) by reading every card.
 */
function cardsTagged(db: StudyDb, tag: string): Promise<StudyCard[]> {
  return db.transaction('r', cardStores(db), async () => {
    if (!isDigestTag(tag)) return (await readAllCards(db)).filter((c) => c.tags.includes(tag));
    const ids = (await readCardDigest(db)).filter((e) => e.tags.includes(tag)).map((e) => e.id);
    return readCards(db, ids);
  });
}

export async function doneToday(db: StudyDb, day: string, deck?: string | readonly string[]): Promise<DoneToday> {
  // Both parts of the log: an import may bring in today's answers from another device.
  // Several decks (one with its subdecks): the day once, kept to those decks.
  const several = typeof deck === 'object' && deck.length > 1 ? new Set(deck) : null;
  const rows = several
    ? (await reviewsOnDay(db, day)).filter((r) => several.has(r.deckId))
    : await reviewsOnDay(db, day, typeof deck === 'object' ? deck[0] : deck);
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
  const family = scope.kind === 'deck' ? await deckFamilyOf(db, scope.deckId) : await allDeckIds(db);
  const done = await doneToday(db, day, scope.kind === 'deck' ? family : undefined);
  const left = remainingToday({ newCards: Infinity, learning: 0, review: Infinity }, done, settings);
  // Several decks (one with its subdecks, or all): their queues merged by rank (ranks order cards across decks too).
  const [learning, review, fresh] = await Promise.all([
    readQueues(db, family, 'learn', dayEnd - 1),
    readQueues(db, family, 'review', dayEnd - 1, left.review),
    readQueues(db, family, 'new', null, left.newCards),
  ]);
  return buildTodayQueue({ learning, review, fresh }, done, settings);
}

/** The deck and its subdecks (lib/deck-tree.ts). */
async function deckFamilyOf(db: StudyDb, deckId: string): Promise<string[]> {
  return deckFamily(await db.decks.toArray(), deckId);
}

/**
 * The cards of the questions an attempt missed, all of them now, whatever their due dates and the
 * daily limits: the learner asked for them. A review card not yet due is answered early, which
 * FSRS takes into account (its elapsed time is short).
 */
async function missedQueue(db: StudyDb, attemptId: string, dayEnd: number): Promise<TodayQueue> {
  const attempt = await db.practiceAttempts.get(attemptId);
  if (!attempt) return { learning: [], review: [], fresh: [] };
  const cards = (await readCards(db, missedCardIds(attempt))).filter((c) => c.queue !== 'off');
  const byRank = (a: StudyCard, b: StudyCard) => a.rank - b.rank;
  const learningToday = (c: StudyCard) => c.queue === 'learn' && c.due < dayEnd;
  return {
    learning: cards.filter(learningToday).sort(byRank),
    review: cards.filter((c) => c.queue !== 'new' && !learningToday(c)).sort(byRank),
    fresh: cards.filter((c) => c.queue === 'new').sort(byRank),
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
  const family = scope.kind === 'deck' ? await deckFamilyOf(db, scope.deckId) : await allDeckIds(db);
  // A learning or review card's rank is its due time.
  const found = (await Promise.all(family.flatMap((deckId) => [firstRankAfter(db, deckId, 'learn', after), firstRankAfter(db, deckId, 'review', after)]))).filter((r) => r !== undefined);
  return found.length ? Math.min(...found) : null;
}
