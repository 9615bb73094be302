/**
 * What importing a backup does to what is stored: a plan computed from the checked file and a
 * snapshot of the stored data, written later in one transaction (lib/db/backup.ts).
 *
 * Merging, never overwriting:
 * - answers are identified by id: an answer already stored is kept, a new one is added, none is
 *   removed, so importing a file twice changes nothing;
 * - a card that gained answers gets its schedule from its whole merged log (replay.ts);
 * - cards and decks that are not stored yet are added as the file has them; the text of stored
 *   cards and decks stays as it is (the app's own decks own it);
 * - settings: the most recently saved win (ties broken by their content), so two devices' files
 *   give the same result in either order;
 * - a card is suspended if either side suspended it;
 * - a card nobody has studied keeps the earliest time a device first saw it;
 * - the learner's own and imported cards: the later text (contentAt) wins and the other is kept
 *   in the card's history; a flag set on either side stays;
 * - practice attempts are identified by id: a finished copy beats one in progress, then the
 *   later one wins (keptCopy in lib/practice/attempt.ts);
 * - marks (suspended, flag, buried): the later marking (`marksAt`) wins; without times, a card is
 *   suspended if either side suspended it and a flag set on either side stays;
 * - an undone answer (sync carries undos) is removed wherever it is stored and never added again.
 */
import { type CardRevision, CardState, type MediaFile, type Deck, isLearnersCard, type MemoryState, memoryOf, type ReviewEntry, type StudyCard, type StudySettings, type UndoneAnswer, withQueueFields } from '../model';
import type { StoredReview } from '../review-pack';
import { type Attempt, keptCopy } from '../practice/attempt';
import { contentOf, revisionOf } from '../card-content';
import { createScheduler } from '../scheduler';
import type { BackupCard } from './format';
import { type BackupProblem, describe, problem, type ValidBackup } from './parse';
import { type AnswerCopies, byAnswerTime, replayHistory, sameMemory } from './replay';
import type { ImportSummary, SettingChange } from './summary';

export { changesNothing, importedHeadline, summaryDetails, summaryHeadline, type ImportSummary, type SettingChange } from './summary';

/** The stored data an import needs to see, read in one transaction (lib/db/backup.ts). */
export interface LocalSnapshot {
  decks: ReadonlyMap<string, Deck>;
  /** Stored cards among those the file mentions. */
  cards: ReadonlyMap<string, StudyCard>;
  /** Stored answers of the cards in `historyOf`, by card (the only cards whose whole history a plan needs). */
  reviewsByCard: ReadonlyMap<string, readonly StoredReview[]>;
  /**
   * The cards whose whole stored history was read ('all': every card the file mentions). The
   * others only gain answers given after their last stored one: their replay continues from the
   * stored state, so their older answers need not be read (cardsNeedingHistory).
   */
  historyOf: ReadonlySet<string> | 'all';
  /** Stored answers whose ids appear in the file, whatever their card. */
  reviewsById: ReadonlyMap<string, StoredReview>;
  settings: StudySettings;
  settingsSavedAt: number | null;
  /** Stored practice attempts among those the file holds. */
  attempts: ReadonlyMap<string, Pick<Attempt, 'status' | 'updatedAt'>>;
  /** Names of the file's images already stored (an image never changes under its name). */
  mediaNames: ReadonlySet<string>;
  /** The answers this browser knows were undone (its own undos and those sync brought), by id. */
  undone: ReadonlyMap<string, UndoneAnswer>;
}

export interface Rewrite {
  before: ReviewEntry;
  after: ReviewEntry;
}

export interface ImportPlan {
  summary: ImportSummary;
  decks: Deck[];
  cards: StudyCard[];
  newReviews: ReviewEntry[];
  rewrittenRows: Rewrite[];
  rewrittenPacked: Rewrite[];
  settings: { settings: StudySettings; savedAt: number } | null;
  /** Practice attempts to store: new ones, and newer copies of stored ones. */
  attempts: Attempt[];
  /** The text a learner's card had before the file's later text replaced it. */
  revisions: CardRevision[];
  /** Images not stored yet. */
  media: MediaFile[];
  /** The file's earlier texts of cards (stored unless already here). */
  fileRevisions: CardRevision[];
  /** Stored answers to delete because they were undone elsewhere, by where they are stored. */
  removedRows: ReviewEntry[];
  removedPacked: ReviewEntry[];
  /** Undos this browser did not know yet. */
  undone: UndoneAnswer[];
}

export type PlanResult = { ok: true; plan: ImportPlan } | { ok: false; problem: BackupProblem };

const MAX_LISTED = 5;

/**
 * True when two reads of the stored data would give the same plan: same decks, same cards at
 * the same write count (every write of a card bumps `rev`), the same answers with the same
 * recorded results, the same settings. Cheap next to planning again, which replays every card.
 */
export function sameSnapshot(a: LocalSnapshot, b: LocalSnapshot): boolean {
  if (a.decks.size !== b.decks.size || [...a.decks.keys()].some((id) => !b.decks.has(id))) return false;
  if (a.cards.size !== b.cards.size || [...a.cards].some(([id, c]) => b.cards.get(id)?.rev !== c.rev)) return false;
  if (a.settingsSavedAt !== b.settingsSavedAt || JSON.stringify(a.settings) !== JSON.stringify(b.settings)) return false;
  const sameList = (x: readonly StoredReview[], y: readonly StoredReview[] | undefined) =>
    y !== undefined && x.length === y.length && x.every((s, i) => {
      const t = y[i]!;
      return s.storedIn === t.storedIn && s.review.id === t.review.id && s.review.stabilityAfter === t.review.stabilityAfter &&
        s.review.difficultyAfter === t.review.difficultyAfter && s.review.before.due === t.review.before.due;
    });
  if (a.reviewsByCard.size !== b.reviewsByCard.size || [...a.reviewsByCard].some(([id, list]) => !sameList(list, b.reviewsByCard.get(id)))) return false;
  if (a.mediaNames.size !== b.mediaNames.size || a.undone.size !== b.undone.size) return false;
  const historyKey = (h: LocalSnapshot['historyOf']) => (h === 'all' ? 'all' : [...h].sort().join('\n'));
  if (historyKey(a.historyOf) !== historyKey(b.historyOf)) return false;
  if (a.attempts.size !== b.attempts.size || [...a.attempts].some(([id, x]) => b.attempts.get(id)?.updatedAt !== x.updatedAt || b.attempts.get(id)?.status !== x.status)) return false;
  return a.reviewsById.size === b.reviewsById.size && [...a.reviewsById.keys()].every((id) => b.reviewsById.has(id));
}

/**
 * The cards whose stored answers a plan must read: those the file gives an answer older than
 * their latest stored one (the two histories interleave, so the replay starts earlier), and
 * those with an undone answer. Reading a card's history means reading every packed study day,
 * so an incremental merge (answers newer than what is stored, the common case of sync) avoids it.
 * Needs `local.reviewsById` to hold every stored answer whose id the file has.
 */
export function cardsNeedingHistory(local: Pick<LocalSnapshot, 'cards' | 'reviewsById' | 'undone'>, backup: ValidBackup): string[] {
  const need = new Set<string>();
  const undoneCards = new Set<string>();
  for (const u of local.undone.values()) undoneCards.add(u.cardId);
  for (const u of backup.undone ?? []) {
    undoneCards.add(u.cardId);
    if (!local.undone.has(u.id)) need.add(u.cardId);
  }
  for (const r of backup.reviews) {
    if (need.has(r.cardId) || local.reviewsById.has(r.id) || local.undone.has(r.id)) continue;
    const stored = local.cards.get(r.cardId);
    if (!stored || stored.lastReview === null) continue;
    if (r.reviewedAt <= stored.lastReview || undoneCards.has(r.cardId)) need.add(r.cardId);
  }
  return [...need];
}

/** The ids of every card the file mentions: its cards and the cards its answers belong to. */
export function cardIdsOf(backup: ValidBackup): string[] {
  const ids = new Set(backup.cards.map((c) => c.id));
  for (const r of backup.reviews) ids.add(r.cardId);
  for (const u of backup.undone ?? []) ids.add(u.cardId);
  return [...ids];
}

const FACTS = ['cardId', 'deckId', 'grade', 'reviewedAt', 'durationMs', 'day'] as const;

/** The first fact in which two copies of one answer disagree (then they are not one answer), or undefined. */
export function differingFact(a: ReviewEntry, b: ReviewEntry): (typeof FACTS)[number] | undefined {
  return FACTS.find((k) => a[k] !== b[k]);
}

/** Whether two copies of an answer agree on everything, its facts and what FSRS made of it. */
export function sameReview(a: ReviewEntry, b: ReviewEntry): boolean {
  return FACTS.every((k) => a[k] === b[k]) && a.stateBefore === b.stateBefore && a.dueBefore === b.dueBefore &&
    a.stabilityAfter === b.stabilityAfter && a.difficultyAfter === b.difficultyAfter && a.elapsedDays === b.elapsedDays &&
    a.scheduledDays === b.scheduledDays && sameMemory(a.before, b.before);
}

const SETTING_NAMES: Record<keyof StudySettings, string> = {
  desiredRetention: 'Desired retention',
  maximumIntervalDays: 'Maximum interval (days)',
  newCardsPerDay: 'New cards per day',
  reviewsPerDay: 'Reviews per day',
  learningSteps: 'Learning steps',
  relearningSteps: 'Relearning steps',
  fuzz: 'Fuzz',
  dayStartHour: 'Start of the study day',
  weights: 'FSRS weights',
  examDates: 'Exam dates',
  pacingBufferDays: 'Review days before the exam',
  leechLapses: 'Leech threshold (lapses)',
};

function shown(v: unknown): string {
  if (v === undefined) return 'the default';
  if (Array.isArray(v)) return v.length ? v.join(' ') : 'none';
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k.toUpperCase()} ${x ?? 'none'}`).join(', ');
  return String(v);
}

export function settingChanges(from: StudySettings, to: StudySettings): SettingChange[] {
  return (Object.keys(SETTING_NAMES) as (keyof StudySettings)[])
    .filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k]))
    .map((k) => ({ setting: SETTING_NAMES[k], from: shown(from[k]), to: shown(to[k]) }));
}

/** Last saved wins; never-saved loses to saved; equal times are settled by the content. */
function winningSettings(local: LocalSnapshot, backup: ValidBackup): { settings: StudySettings; savedAt: number } | null {
  if (backup.settingsSavedAt === null) return null;
  const fileKey = JSON.stringify(backup.settings);
  if (local.settingsSavedAt !== null) {
    if (local.settingsSavedAt > backup.settingsSavedAt) return null;
    if (local.settingsSavedAt === backup.settingsSavedAt && JSON.stringify(local.settings) >= fileKey) return null;
  }
  return { settings: backup.settings, savedAt: backup.settingsSavedAt };
}

/**
 * Plans the import of a checked backup into the stored data seen in `local`.
 * @example const r = planImport(local, backup); if (r.ok) console.log(r.plan.summary.reviewsAdded)
 */
export function planImport(local: LocalSnapshot, backup: ValidBackup): PlanResult {
  const fileDecks = new Map(backup.decks.map((d) => [d.id, d]));
  const fileCards = new Map(backup.cards.map((c) => [c.id, c]));
  const knownDeck = (id: string) => local.decks.has(id) || fileDecks.has(id);

  const missing: string[] = [];
  backup.cards.forEach((c, i) => {
    if (!local.cards.has(c.id) && !knownDeck(c.deckId)) missing.push(`content.cards[${i}] (id ${describe(c.id)}) belongs to deck ${describe(c.deckId)}, which is neither in the file nor in this browser.`);
  });
  const conflicts: string[] = [];
  const fileReviewsByCard = new Map<string, ReviewEntry[]>();
  backup.reviews.forEach((r, i) => {
    if (!fileCards.has(r.cardId) && !local.cards.has(r.cardId)) {
      missing.push(`content.reviews[${i}] (id ${describe(r.id)}) is an answer to card ${describe(r.cardId)}, which is neither in the file nor in this browser.`);
    } else if (!knownDeck(r.deckId)) {
      missing.push(`content.reviews[${i}] (id ${describe(r.id)}) names deck ${describe(r.deckId)}, which is neither in the file nor in this browser.`);
    }
    const stored = local.reviewsById.get(r.id);
    if (stored) {
      const differs = differingFact(stored.review, r);
      if (differs) {
        conflicts.push(`content.reviews[${i}] (id ${describe(r.id)}): this browser already has an answer with that id, with ${differs} ${describe(stored.review[differs])} where the file says ${describe(r[differs])}.`);
      }
    }
    const list = fileReviewsByCard.get(r.cardId);
    if (list) list.push(r);
    else fileReviewsByCard.set(r.cardId, [r]);
  });
  if (missing.length) {
    const details = missing.slice(0, MAX_LISTED);
    if (missing.length > MAX_LISTED) details.push(`…and ${missing.length - MAX_LISTED} more.`);
    return { ok: false, problem: problem('unknown-reference', 'This backup refers to cards or decks that exist neither in the file nor in this browser, so nothing was imported.', details) };
  }
  if (conflicts.length) {
    const details = conflicts.slice(0, MAX_LISTED);
    if (conflicts.length > MAX_LISTED) details.push(`…and ${conflicts.length - MAX_LISTED} more.`);
    return { ok: false, problem: problem('conflict', 'This backup contradicts answers already stored here (same id, different answer), so it is not a faithful copy and nothing was imported.', details) };
  }

  const settings = winningSettings(local, backup);
  const finalSettings = settings?.settings ?? local.settings;
  const scheduler = createScheduler(finalSettings);

  const plan: ImportPlan = { summary: emptySummary(backup), decks: [], cards: [], newReviews: [], rewrittenRows: [], rewrittenPacked: [], settings, attempts: [], revisions: [], media: backup.media.filter((m) => !local.mediaNames.has(m.name)), fileRevisions: backup.cardRevisions, removedRows: [], removedPacked: [], undone: [] };
  const s = plan.summary;
  s.settingsChanged = settings ? settingChanges(local.settings, settings.settings) : [];
  plan.decks = backup.decks.filter((d) => !local.decks.has(d.id));
  s.decksAdded = plan.decks.length;
  s.mediaAdded = plan.media.length;
  // Practice attempts merge by id: a new one is added; of two copies, a finished one, then the later one, is kept.
  for (const a of backup.practiceAttempts) {
    const stored = local.attempts.get(a.id);
    if (!stored) s.attemptsAdded += 1;
    else if (keptCopy(stored, a) === 'second') s.attemptsUpdated += 1;
    else continue;
    plan.attempts.push(a);
  }

  plan.undone = (backup.undone ?? []).filter((u) => !local.undone.has(u.id));
  const undone = plan.undone.length ? new Map([...local.undone, ...plan.undone.map((u) => [u.id, u] as const)]) : local.undone;
  const newlyUndoneCards = new Set(plan.undone.map((u) => u.cardId));
  const undoneByCard = new Map<string, UndoneAnswer[]>();
  for (const u of undone.values()) {
    const list = undoneByCard.get(u.cardId);
    if (list) list.push(u);
    else undoneByCard.set(u.cardId, [u]);
  }

  const broken: string[] = [];
  for (const cardId of cardIdsOf(backup)) {
    const stored = local.cards.get(cardId);
    const inFile = fileCards.get(cardId);
    const storedAll = local.reviewsByCard.get(cardId) ?? [];
    const fileAll = fileReviewsByCard.get(cardId) ?? [];
    // Undone answers leave the log; the rest replays from where the card started.
    const storedReviews = undone.size ? storedAll.filter((x) => !undone.has(x.review.id)) : storedAll;
    const removed = storedAll.length === storedReviews.length ? [] : storedAll.filter((x) => undone.has(x.review.id));
    const fileReviews = undone.size ? fileAll.filter((r) => !undone.has(r.id)) : fileAll;
    const storedById = new Map(storedReviews.map((x) => [x.review.id, x]));
    const added = fileReviews.filter((r) => !storedById.has(r.id) && !local.reviewsById.has(r.id));
    // Without its history read, a card gains only answers newer than its stored state: the replay continues from that state.
    const historyKnown = local.historyOf === 'all' || local.historyOf.has(cardId);
    const continueFrom = !historyKnown && stored && stored.lastReview !== null ? memoryOf(stored) : undefined;
    s.reviewsAlreadyHere += fileReviews.length - added.length;
    if (!stored && !inFile) continue; // only an undo of an answer to a card this browser never had

    const base = stored ?? inFile!;
    const marks = newerMarks(stored, inFile);
    const suspended = marks ? marks.suspended : base.suspended || (inFile?.suspended ?? false);
    // A card never studied anywhere is "due" from when a device first saw it: the earliest sighting
    // wins, so a restore into a new device (which has just added the built-in cards) is exact.
    const unstudied = stored && inFile && !storedReviews.length && !fileReviews.length && stored.state === CardState.New && inFile.state === CardState.New;
    let next: StudyCard = withQueueFields({ ...base, queue: 'new', rank: 0, suspended, ...(unstudied && inFile.due < stored.due ? { due: inFile.due } : {}) });
    // The learner's own and imported cards: the later text wins, the other stays in the card's history.
    if (stored && inFile && isLearnersCard(stored) && (inFile.contentAt ?? 0) > (stored.contentAt ?? 0)) {
      plan.revisions.push(revisionOf(stored, inFile.contentAt!));
      next = withQueueFields({ ...next, ...contentOf(inFile), contentRev: Math.max(stored.contentRev ?? 0, inFile.contentRev ?? 0) + 1, contentAt: inFile.contentAt });
      s.cardsTextUpdated += 1;
    }
    if (marks) {
      // The winner's marks exactly as it holds them (an absent flag stays absent), so every device stores the same card.
      const { flag: _flag, buriedUntil: _buried, ...rest } = next;
      void _flag;
      void _buried;
      next = { ...rest, marksAt: marks.marksAt, ...(marks.flag !== undefined ? { flag: marks.flag } : {}), ...(marks.buriedUntil !== undefined ? { buriedUntil: marks.buriedUntil } : {}) };
    }
    else if (stored && inFile && !stored.flag && inFile.flag) next = { ...next, flag: inFile.flag };
    for (const x of removed) (x.storedIn === 'row' ? plan.removedRows : plan.removedPacked).push(x.review);
    s.reviewsUndone += removed.length;
    // Where the card's history starts: before its first answer, an undone one included (the answers
    // after an undone one recorded a state that counted it, so the replay cannot start from those).
    const undoneHere = undoneByCard.get(cardId);
    const start = removed.length || undoneHere ? startOf([...removed.map((x) => x.review), ...storedReviews.map((x) => x.review), ...fileReviews, ...(undoneHere ?? [])]) : undefined;
    if (removed.length && !storedReviews.length && !added.length) {
      // Every answer the card had is undone: it is back where it started.
      next = withQueueFields({ ...next, ...start! });
    } else if (added.length || removed.length || (newlyUndoneCards.has(cardId) && storedReviews.length)) {
      // (An undo learned now changes the start of the stored answers' replay even where none of them is the undone one.)
      s.reviewsAdded += added.length;
      if (added.length) s.cardsWithNewReviews += 1;
      const answers = new Map<string, AnswerCopies>();
      for (const x of storedReviews) answers.set(x.review.id, { copies: [x.review] });
      for (const r of historyKnown ? fileReviews : added) {
        const entry = answers.get(r.id);
        if (entry) entry.copies.push(r);
        else answers.set(r.id, { copies: [r] });
      }
      const finals = [stored, inFile].filter((c): c is StudyCard | BackupCard => c !== undefined).map(memoryOf);
      const replayed = replayHistory(scheduler, cardId, [...answers.values()].sort(byAnswerTime), finals, start ?? continueFrom);
      // A last guard before anything is stored: every number a replay produced must be a real one.
      if (!finiteMemory(replayed.memory) || !replayed.reviews.every((r) => finiteMemory(r.before) && Number.isFinite(r.stabilityAfter) && Number.isFinite(r.difficultyAfter))) {
        broken.push(`Card ${describe(cardId)}: replaying its answers gives no valid schedule.`);
        continue;
      }
      next = withQueueFields({ ...next, ...replayed.memory });
      for (const r of replayed.reviews) {
        const old = storedById.get(r.id);
        if (!old) plan.newReviews.push(r);
        else if (!sameReview(old.review, r)) {
          (old.storedIn === 'row' ? plan.rewrittenRows : plan.rewrittenPacked).push({ before: old.review, after: r });
          s.reviewsRecomputed += 1;
        }
      }
    }
    if (!stored) {
      plan.cards.push(next);
      s.cardsAdded += 1;
    } else if (!sameMemory(stored, next) || stored.suspended !== next.suspended || stored.contentAt !== next.contentAt || stored.flag !== next.flag ||
      stored.marksAt !== next.marksAt || (stored.buriedUntil ?? null) !== (next.buriedUntil ?? null)) {
      plan.cards.push({ ...next, rev: Math.max(stored.rev + 1, inFile?.rev ?? 0) });
      if (!sameMemory(stored, next) && !unstudied) s.cardsRescheduled += 1;
    }
  }
  if (broken.length) {
    const details = broken.slice(0, MAX_LISTED);
    if (broken.length > MAX_LISTED) details.push(`…and ${broken.length - MAX_LISTED} more.`);
    return { ok: false, problem: problem('invalid', 'This backup holds answers that do not make a schedule, so nothing was imported.', details) };
  }
  return { ok: true, plan };
}

/** The copy whose marks are the later ones; null when neither's are (then the old rule applies). */
function newerMarks(stored: StudyCard | undefined, inFile: BackupCard | undefined): BackupCard | StudyCard | null {
  if (!stored || !inFile) return null;
  const s = stored.marksAt ?? 0;
  const f = inFile.marksAt ?? 0;
  return f > s ? inFile : s > f ? stored : null;
}

/** The state a card was in before the earliest of these answers (ties by id, as replays sort). */
function startOf(reviews: readonly Pick<ReviewEntry, 'id' | 'reviewedAt' | 'before'>[]): MemoryState {
  let first = reviews[0]!;
  for (const r of reviews) if (r.reviewedAt < first.reviewedAt || (r.reviewedAt === first.reviewedAt && r.id < first.id)) first = r;
  return { ...first.before };
}

function finiteMemory(m: MemoryState): boolean {
  // Called for every answer of a restore: no array, no callback.
  return Number.isFinite(m.due) && Number.isFinite(m.stability) && Number.isFinite(m.difficulty) && Number.isFinite(m.elapsedDays) &&
    Number.isFinite(m.scheduledDays) && Number.isFinite(m.learningSteps) && Number.isFinite(m.reps) && Number.isFinite(m.lapses) &&
    (m.lastReview === null || Number.isFinite(m.lastReview));
}

function emptySummary(backup: ValidBackup): ImportSummary {
  return {
    reviewsInFile: backup.reviews.length,
    cardsInFile: backup.cards.length,
    reviewsAdded: 0,
    cardsWithNewReviews: 0,
    reviewsAlreadyHere: 0,
    cardsAdded: 0,
    decksAdded: 0,
    cardsRescheduled: 0,
    reviewsRecomputed: 0,
    settingsChanged: [],
    attemptsAdded: 0,
    attemptsUpdated: 0,
    cardsTextUpdated: 0,
    mediaAdded: 0,
    reviewsUndone: 0,
    exportedAt: backup.exportedAt,
    appVersion: backup.appVersion,
  };
}
