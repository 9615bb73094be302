/**
 * The one bridge to ts-fsrs. Everything else in the app sees `MemoryState` (epoch ms, plain
 * numbers); only this module builds ts-fsrs `Card`s. Fuzz is seeded by card id and repetition
 * count, so the interval a button shows is exactly the interval the answer gives.
 */
import {
  type Card,
  FSRS,
  GenSeedStrategyWithCardId,
  get_fuzz_range,
  type Grade as FsrsGrade,
  StrategyMode,
  forgetting_curve,
  type ReviewLog,
} from 'ts-fsrs';
import { CardState, type Grade, type MemoryState, type StudySettings, GRADES } from './model';
import { DAY_MS } from './study-day';

export type Scheduler = FSRS;

/**
 * ts-fsrs's fuzz draws the first number of an Alea generator seeded with the card's seed string.
 * The library builds the generator anew for every answer, and its hash keeps its state in a
 * closure, so each number it computes is allocated: replaying an Anki history of 300,000 answers
 * spent over a second there. The draw below is the same arithmetic in local variables, and gives
 * the same number (tests/unit/scheduler.test.ts compares it with the library's on many seeds).
 */
const ALEA_SCALE = 2.3283064365386963e-10; // 2^-32

function mashed(n: number, data: string): number {
  for (let i = 0; i < data.length; i += 1) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 4294967296;
  }
  return n;
}

// Alea hashes three spaces before the seed; only the first of them and the state after the third
// matter for the first draw.
const AFTER_FIRST_SPACE = mashed(4022871197, ' ');
const FIRST_SPACE_DRAW = (AFTER_FIRST_SPACE >>> 0) * ALEA_SCALE;
const AFTER_THREE_SPACES = mashed(mashed(AFTER_FIRST_SPACE, ' '), ' ');

/** The first number `alea(seed)()` of ts-fsrs returns. */
function firstAleaDraw(seed: string): number {
  let s0 = FIRST_SPACE_DRAW - (mashed(AFTER_THREE_SPACES, seed) >>> 0) * ALEA_SCALE;
  if (s0 < 0) s0 += 1;
  const t = 2091639 * s0 + ALEA_SCALE;
  return t - (t | 0);
}

/** ts-fsrs's FSRS with its fuzz drawn by firstAleaDraw: the same intervals, without the allocations. */
class FuzzDrawnLocally extends FSRS {
  override apply_fuzz(ivl: number, elapsedDays: number): ReturnType<FSRS['apply_fuzz']> {
    const seed = this._seed;
    if (!this.param.enable_fuzz || ivl < 2.5 || seed === undefined) return super.apply_fuzz(ivl, elapsedDays);
    const { min_ivl, max_ivl } = get_fuzz_range(ivl, elapsedDays, this.param.maximum_interval);
    return Math.floor(firstAleaDraw(seed) * (max_ivl - min_ivl + 1) + min_ivl) as ReturnType<FSRS['apply_fuzz']>;
  }
}

export function createScheduler(settings: StudySettings): Scheduler {
  return new FuzzDrawnLocally({
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
    // Always present (undefined when never reviewed): ts-fsrs copies the card with a spread, which
    // Node's V8 ran at half speed when this key came and went.
    last_review: m.lastReview === null ? undefined : new Date(m.lastReview),
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
