/**
 * Reads for the statistics page. Activity, streak and retention come from the per-day totals
 * (a few hundred rows); everything about cards (forecast, counts per deck, readiness, pacing)
 * from the card digest (64 packed rows, see lib/stats/card-digest.ts), never from the cards
 * themselves: Chromium returns stored rows and even index keys at ~10 µs each, so reading
 * 20,000 cards or their keys cost well over a second.
 */
import type { GeneratedSubdomain } from '../decks/manifest';
import type { CertificationId, GeneratedDomain } from '../decks/types';
import { type Deck, queueOf, type StudySettings } from '../model';
import { createScheduler, type Scheduler } from '../scheduler';
import { activityOver, type DayActivity, type Heatmap, heatmapOf } from '../stats/activity';
import type { DigestEntry } from '../stats/card-digest';
import { type StateCounts, tallyStates } from '../stats/card-states';
import { examDateOf } from '../stats/exam-plan';
import { type ForecastDay, forecastOf } from '../stats/forecast';
import { type Pacing, pacingOf } from '../stats/pacing';
import { type CertificationReadiness, readinessOf } from '../stats/readiness';
import { type RetentionRow, retentionOf } from '../stats/retention';
import { NUMBER_RULES } from '../settings-rules';
import { DAY_MS, studyDayOf, studyDayStartOn } from '../study-day';
import { readCardDigest } from './stored-card-digest';
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

/** The outline structure readiness is grouped by. */
export interface OutlineShape {
  domains: readonly GeneratedDomain[];
  subdomains?: readonly GeneratedSubdomain[];
}

function certification(cert: CertificationId, cards: readonly DigestEntry[], outline: OutlineShape, settings: StudySettings, scheduler: Scheduler, now: number, today: string): CertificationProgress {
  const examDate = examDateOf(settings, cert);
  const tag = `cert:${cert}`;
  const own = cards.filter((c) => c.tags.includes(tag));
  // Pacing needs counts only. The "new" queue never holds suspended or retired cards.
  const unseen = own.filter((c) => queueOf(c) === 'new').length;
  const examAt = examDate === null ? null : studyDayStartOn(examDate, settings.dayStartHour);
  return {
    certification: cert,
    examDate,
    // readinessOf picks the cards carrying one of the outline's domain tags itself.
    readiness: readinessOf(cert, outline.domains, cards, scheduler, now, examAt, outline.subdomains),
    pacing: pacingOf(unseen, today, examDate, settings.pacingBufferDays),
    cards: own.filter((c) => queueOf(c) !== 'off').length,
  };
}

/** Everything the statistics page shows, as of `now`. */
export function loadStats(db: StudyDb, settings: StudySettings, outline: OutlineShape, now: number): Promise<StatsData> {
  // One read transaction: a consistent picture, and far less overhead than a transaction per query.
  return db.transaction('r', db.decks, db.dayTotals, db.cardDigest, () => readStats(db, settings, outline, now));
}

async function readStats(db: StudyDb, settings: StudySettings, outline: OutlineShape, now: number): Promise<StatsData> {
  const today = studyDayOf(now, settings.dayStartHour);
  const [allDecks, totals, cards] = await Promise.all([db.decks.toArray(), db.dayTotals.toArray(), readCardDigest(db)]);
  const decks = allDecks.filter((d) => !d.retired).sort((a, b) => a.name.localeCompare(b.name));

  const byDeck = new Map<string, DigestEntry[]>(decks.map((d) => [d.id, []]));
  const dues: number[] = [];
  const horizon = now + 31 * DAY_MS;
  for (const c of cards) {
    byDeck.get(c.deckId)?.push(c);
    const queue = queueOf(c);
    if ((queue === 'learn' || queue === 'review') && c.due < horizon) dues.push(c.due);
  }
  const scheduler = createScheduler(settings);
  return {
    today,
    heatmap: heatmapOf(totals, today),
    activity: activityOver(totals, today, 365),
    forecast: forecastOf(dues, now, settings.dayStartHour, 30),
    decks: decks.map((deck) => ({ deck, counts: tallyStates(byDeck.get(deck.id)!) })),
    retention: retentionOf(totals, today),
    certifications: CERTIFICATIONS.map((c) => certification(c, cards, outline, settings, scheduler, now, today)),
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
  const rule = NUMBER_RULES.newCardsPerDay;
  if (!Number.isInteger(perDay) || perDay < rule.min || perDay > rule.max) {
    return Promise.reject(new RangeError(`${rule.label} must be a whole number from ${rule.min} to ${rule.max}, not ${perDay}.`));
  }
  return db.transaction('rw', db.settings, async () => {
    await saveSettings(db, { ...(await loadSettings(db)), newCardsPerDay: perDay });
  });
}
