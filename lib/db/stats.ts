/**
 * Reads for the statistics page. Activity, streak and retention come from the per-day totals
 * (a few hundred rows), the forecast from index keys alone, card counts from index counts, and
 * readiness from the cards of the two current exam outlines.
 */
import Dexie from 'dexie';
import type { CertificationId, GeneratedDomain } from '../decks/types';
import type { Deck, StudySettings } from '../model';
import { createScheduler } from '../scheduler';
import { activityOver, type DayActivity, type Heatmap, heatmapOf } from '../stats/activity';
import { startOfStudyDay } from '../stats/calendar';
import { emptyStateCounts, type StateCounts, tallyStates } from '../stats/card-states';
import { examDateOf } from '../stats/exam-plan';
import { type ForecastDay, forecastOf } from '../stats/forecast';
import { type Pacing, pacingOf } from '../stats/pacing';
import { type CertificationReadiness, READINESS_OUTLINES, readinessOf } from '../stats/readiness';
import { type RetentionRow, retentionOf } from '../stats/retention';
import { studyDayOf } from '../study-day';
import type { StudyDb } from './database';
import { loadSettings, saveSettings } from './settings';

export interface CertificationProgress {
  certification: CertificationId;
  examDate: string | null;
  readiness: CertificationReadiness;
  pacing: Pacing;
  /** Cards of the certification, not suspended or retired (what pacing must get through). */
  cards: number;
}

export interface StatsData {
  today: string;
  heatmap: Heatmap;
  /** The past 365 days, oldest first; the bar charts show its tail. */
  activity: DayActivity[];
  forecast: ForecastDay[];
  decks: { deck: Deck; counts: StateCounts }[];
  retention: RetentionRow[];
  certifications: CertificationProgress[];
  newCardsPerDay: number;
}

const CERTIFICATIONS: readonly CertificationId[] = ['cism', 'cissp'];
const DAY_MS = 86_400_000;

async function dueTimes(db: StudyDb, before: number): Promise<number[]> {
  const keysOf = (queue: string) =>
    db.cards.where('[queue+rank]').between([queue, Dexie.minKey], [queue, before], true, false).keys();
  const keys = (await Promise.all([keysOf('learn'), keysOf('review')])).flat() as unknown as [string, number][];
  return keys.map((k) => k[1]);
}

async function deckCounts(db: StudyDb, deckId: string): Promise<StateCounts> {
  const range = (queue: string) => db.cards.where('[deckId+queue+rank]').between([deckId, queue, Dexie.minKey], [deckId, queue, Dexie.maxKey]);
  const [fresh, review, learning, off] = await Promise.all([
    range('new').count(),
    range('review').count(),
    range('learn').toArray(),
    range('off').toArray(),
  ]);
  return tallyStates([...learning, ...off], { ...emptyStateCounts(), new: fresh, review });
}

/** Primary keys of the cards waiting as new, and of those set aside (suspended or retired). */
interface QueueKeys {
  fresh: Set<string>;
  off: Set<string>;
}

async function certification(db: StudyDb, cert: CertificationId, domains: readonly GeneratedDomain[], settings: StudySettings, now: number, today: string, queues: QueueKeys): Promise<CertificationProgress> {
  const outline = READINESS_OUTLINES[cert];
  const tags = domains.filter((d) => d.certification === cert && d.outline === outline).map((d) => `domain:${d.key}`);
  const examDate = examDateOf(settings, cert);
  // One index range per domain (getAll), not anyOf(): anyOf walks a cursor, several times slower.
  const [perDomain, certKeys] = await Promise.all([
    Promise.all(tags.map((t) => db.cards.where('tags').equals(t).toArray())),
    db.cards.where('tags').equals(`cert:${cert}`).primaryKeys(),
  ]);
  // Pacing needs counts only: keys, not rows. The "new" queue never holds suspended or retired cards.
  const unseen = certKeys.filter((k) => queues.fresh.has(k)).length;
  const examAt = examDate === null ? null : startOfStudyDay(examDate, settings.dayStartHour);
  return {
    certification: cert,
    examDate,
    readiness: readinessOf(cert, domains, [...new Map(perDomain.flat().map((c) => [c.id, c])).values()], createScheduler(settings), now, examAt),
    pacing: pacingOf(unseen, today, examDate, settings.pacingBufferDays),
    cards: certKeys.filter((k) => !queues.off.has(k)).length,
  };
}

/** Everything the statistics page shows, as of `now`. */
export function loadStats(db: StudyDb, settings: StudySettings, domains: readonly GeneratedDomain[], now: number): Promise<StatsData> {
  // One read transaction: a consistent picture, and far less overhead than a transaction per query.
  return db.transaction('r', db.decks, db.cards, db.dayTotals, () => readStats(db, settings, domains, now));
}

async function readStats(db: StudyDb, settings: StudySettings, domains: readonly GeneratedDomain[], now: number): Promise<StatsData> {
  const today = studyDayOf(now, settings.dayStartHour);
  const decks = (await db.decks.toArray()).filter((d) => !d.retired).sort((a, b) => a.name.localeCompare(b.name));
  const [fresh, off] = await Promise.all([
    db.cards.where('queue').equals('new').primaryKeys(),
    db.cards.where('queue').equals('off').primaryKeys(),
  ]);
  const queues = { fresh: new Set(fresh), off: new Set(off) };
  const [totals, dues, counts, certifications] = await Promise.all([
    db.dayTotals.toArray(),
    dueTimes(db, now + 31 * DAY_MS),
    Promise.all(decks.map((d) => deckCounts(db, d.id))),
    Promise.all(CERTIFICATIONS.map((c) => certification(db, c, domains, settings, now, today, queues))),
  ]);
  return {
    today,
    heatmap: heatmapOf(totals, today),
    activity: activityOver(totals, today, 365),
    forecast: forecastOf(dues, now, settings.dayStartHour, 30),
    decks: decks.map((deck, i) => ({ deck, counts: counts[i]! })),
    retention: retentionOf(totals, today),
    certifications,
    newCardsPerDay: settings.newCardsPerDay,
  };
}

/** Stores exam dates and the buffer (already validated), keeping every other setting as stored. */
export function saveExamPlan(db: StudyDb, plan: Pick<StudySettings, 'examDates' | 'pacingBufferDays'>): Promise<void> {
  return db.transaction('rw', db.settings, async () => {
    await saveSettings(db, { ...(await loadSettings(db)), ...plan });
  });
}

/** Applies a pacing figure as the daily new-card limit. */
export function applyNewCardsPerDay(db: StudyDb, perDay: number): Promise<void> {
  if (!Number.isInteger(perDay) || perDay < 0 || perDay > 9999) {
    return Promise.reject(new RangeError(`New cards per day must be a whole number from 0 to 9999, not ${perDay}.`));
  }
  return db.transaction('rw', db.settings, async () => {
    await saveSettings(db, { ...(await loadSettings(db)), newCardsPerDay: perDay });
  });
}
