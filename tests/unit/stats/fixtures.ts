/** A small fixed history for the statistics tests, shared so each figure is checked on the same data. */
import { CardState, Grade, type MemoryState, type ReviewEntry } from '@/lib/model';
import { DAY, T0 } from '../../helpers/cards';

const memory = (m: Partial<MemoryState>): MemoryState => ({
  due: T0, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0,
  state: CardState.New, lastReview: null, ...m,
});

let n = 0;
/**
 * One answer. `interval` is the interval in days the card was on before the answer (review-state
 * cards only); it decides young (< 21) or mature.
 */
export function answer(day: string, stateBefore: CardState, grade: Grade, durationMs: number, interval = 0): ReviewEntry {
  n += 1;
  const lastReview = stateBefore === CardState.New ? null : T0 - interval * DAY;
  const before = memory({ state: stateBefore, lastReview, due: lastReview === null ? T0 : lastReview + interval * DAY });
  return {
    id: `r${n}`, cardId: `c${n}`, deckId: 'deck-a', grade, reviewedAt: T0, durationMs, day, stateBefore,
    dueBefore: before.due, stabilityAfter: 1, difficultyAfter: 5, elapsedDays: 0, scheduledDays: 1, before,
  };
}

const { New, Learning, Review, Relearning } = CardState;
const { Again, Hard, Good, Easy } = Grade;

/**
 * Today is 2026-11-24 (T0). Review-state answers, by day:
 * - today:        young Good, young Again, mature Good            (also one new card, one learning step)
 * - 3 days ago:   young Good, mature Again, mature Easy, mature Hard
 * - 20 days ago:  young Again, young Again, mature Good
 * - 200 days ago: mature Good, young Good
 * - 400 days ago: mature Again (outside every period)
 */
export const HISTORY: ReviewEntry[] = [
  answer('2026-11-24', Review, Good, 10_000, 5),
  answer('2026-11-24', Review, Again, 20_000, 20.9),
  answer('2026-11-24', Review, Good, 30_000, 21),
  answer('2026-11-24', New, Good, 40_000),
  answer('2026-11-24', Learning, Good, 50_000),
  answer('2026-11-21', Review, Good, 60_000, 3),
  answer('2026-11-21', Review, Again, 60_000, 30),
  answer('2026-11-21', Review, Easy, 60_000, 45),
  answer('2026-11-21', Review, Hard, 60_000, 60),
  answer('2026-11-21', Relearning, Good, 60_000),
  answer('2026-11-04', Review, Again, 6_000, 2),
  answer('2026-11-04', Review, Again, 6_000, 2),
  answer('2026-11-04', Review, Good, 6_000, 100),
  answer('2026-05-08', Review, Good, 1_000, 50),
  answer('2026-05-08', Review, Good, 1_000, 10),
  answer('2025-10-20', Review, Again, 1_000, 90),
];
