/**
 * The one bridge to ts-fsrs. Everything else in the app sees `MemoryState` (epoch ms, plain
 * numbers); only this module builds ts-fsrs `Card`s. Fuzz is seeded by card id and repetition
 * count, so the interval a button shows is exactly the interval the answer gives.
 */
import {
  fsrs,
  type Card,
  type FSRS,
  GenSeedStrategyWithCardId,
  type Grade as FsrsGrade,
  StrategyMode,
  forgetting_curve,
  type ReviewLog,
} from 'ts-fsrs';
import { CardState, type Grade, type MemoryState, type StudySettings, GRADES } from './model';
import { DAY_MS } from './study-day';

export type Scheduler = FSRS;

export function createScheduler(settings: StudySettings): Scheduler {
  return fsrs({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: settings.fuzz,
    enable_short_term: true,
    learning_steps: settings.learningSteps,
    relearning_steps: settings.relearningSteps,
    ...(settings.weights ? { w: settings.weights } : {}),
  }).useStrategy(StrategyMode.SEED, GenSeedStrategyWithCardId('cardId'));
}

export function newMemoryState(createdAt: number): MemoryState {
  return {
    due: createdAt,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: CardState.New,
    lastReview: null,
  };
}

type SeededCard = Card & { cardId: string };

function toFsrsCard(cardId: string, m: MemoryState): SeededCard {
  return {
    cardId,
    due: new Date(m.due),
    stability: m.stability,
    difficulty: m.difficulty,
    elapsed_days: m.elapsedDays,
    scheduled_days: m.scheduledDays,
    learning_steps: m.learningSteps,
    reps: m.reps,
    lapses: m.lapses,
    state: m.state,
    ...(m.lastReview === null ? {} : { last_review: new Date(m.lastReview) }),
  };
}

function fromFsrsCard(c: Card): MemoryState {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state as CardState,
    lastReview: c.last_review ? c.last_review.getTime() : null,
  };
}

export interface AnswerOutcome {
  after: MemoryState;
  /** Days since the previous review, and the interval FSRS scheduled, as the log keeps them. */
  elapsedDays: number;
  scheduledDays: number;
}

function outcome(after: Card, log: ReviewLog): AnswerOutcome {
  return { after: fromFsrsCard(after), elapsedDays: log.elapsed_days, scheduledDays: after.scheduled_days };
}

/**
 * The memory state after answering `grade` at `now`.
 * @example answerMemory(s, 'c1', card, Grade.Good, Date.now()).after.due
 */
export function answerMemory(
  scheduler: Scheduler,
  cardId: string,
  memory: MemoryState,
  grade: Grade,
  now: number,
): AnswerOutcome {
  const { card, log } = scheduler.next(toFsrsCard(cardId, memory), new Date(now), grade as FsrsGrade);
  return outcome(card, log);
}

/** What each of the four buttons would do to this card now: one FSRS pass for all four. */
export function previewAnswers(
  scheduler: Scheduler,
  cardId: string,
  memory: MemoryState,
  now: number,
): Record<Grade, AnswerOutcome> {
  const preview = scheduler.repeat(toFsrsCard(cardId, memory), new Date(now));
  const result = {} as Record<Grade, AnswerOutcome>;
  for (const g of GRADES) {
    const item = preview[g as FsrsGrade];
    result[g] = outcome(item.card, item.log);
  }
  return result;
}


/**
 * Probability of recalling the card at `at` (FSRS retrievability); 0 for a card never studied.
 */
export function retrievabilityOn(scheduler: Scheduler, memory: Pick<MemoryState, 'state' | 'lastReview' | 'stability'>, at: number): number {
  if (memory.state === CardState.New || memory.lastReview === null) return 0;
  const elapsed = Math.max(0, (at - memory.lastReview) / DAY_MS);
  return forgetting_curve(scheduler.parameters.w, elapsed, memory.stability);
}

/** The FSRS weights a scheduler with these settings uses (the library defaults unless set). */
export function fsrsWeights(settings: StudySettings): number[] {
  return Array.from(createScheduler(settings).parameters.w);
}
