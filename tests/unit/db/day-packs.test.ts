import { describe, expect, it } from 'vitest';
import { adjustDayTotals, daysWithPacks, rewriteDayPacks } from '@/lib/db/day-packs';
import { byStudyDay } from '@/lib/review-pack';
import { CardState, Grade, type ReviewEntry } from '@/lib/model';
import { unpackDay } from '@/lib/review-pack';
import { DAY, T0 } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';

const answer = (id: string, day: string, at: number, stateBefore: CardState = CardState.Review): ReviewEntry => ({
  id, cardId: `card-${id}`, deckId: 'd1', grade: Grade.Good, reviewedAt: at, durationMs: 3000, day,
  stateBefore, dueBefore: at, stabilityAfter: 10, difficultyAfter: 5, elapsedDays: 3, scheduledDays: 9,
  before: { due: at, stability: 4, difficulty: 5, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 2, lapses: 0, state: stateBefore, lastReview: at - 3 * DAY },
});

describe('writing packed answers and day totals', () => {
  it('adds to a day\'s pack, removes from another, and drops a pack left empty', async () => {
    const db = freshDb();
    const a = answer('a', '2026-11-23', T0 - DAY);
    const b = answer('b', '2026-11-24', T0);
    const c = answer('c', '2026-11-24', T0 + 1000);
    const d = answer('d', '2026-11-25', T0 + DAY);
    const first = byStudyDay([a, b, d]);
    expect([...first.keys()]).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    await rewriteDayPacks(db, [...first.keys()], (day, stored) => [...stored, ...first.get(day)!]);
    let written = 0;
    await rewriteDayPacks(db, ['2026-11-23', '2026-11-24'], (day, stored) => (day === '2026-11-23' ? [] : [...stored, c]), { onWritten: (n) => (written += n) });
    expect(written).toBe(2);
    const packs = await db.packedReviews.toArray();
    expect(packs.map((p) => p.day)).toEqual(['2026-11-24', '2026-11-25']);
    expect(unpackDay(packs[0]!).map((r) => r.id)).toEqual(['b', 'c']);
  });

  it('reads only the days the caller says have a pack, and the same days give the same packs', async () => {
    const db = freshDb();
    const a = answer('a', '2026-11-23', T0 - DAY);
    const b = answer('b', '2026-11-24', T0);
    await rewriteDayPacks(db, ['2026-11-23', '2026-11-24'], (day) => [day === '2026-11-23' ? a : b]);
    const stored = await daysWithPacks(db);
    expect([...stored].sort()).toEqual(['2026-11-23', '2026-11-24']);
    const c = answer('c', '2026-11-24', T0 + 1000);
    const d = answer('d', '2026-11-25', T0 + DAY);
    const more = byStudyDay([c, d]);
    await rewriteDayPacks(db, [...more.keys()], (day, old) => [...old, ...more.get(day)!], { storedDays: stored });
    expect((await db.packedReviews.toArray()).map((p) => [p.day, unpackDay(p).map((r) => r.id)])).toEqual([
      ['2026-11-23', ['a']],
      ['2026-11-24', ['b', 'c']],
      ['2026-11-25', ['d']],
    ]);
    // A day left out of storedDays is taken to have no pack: its stored answers are not read.
    await rewriteDayPacks(db, ['2026-11-23'], (_day, old) => [...old, answer('e', '2026-11-23', T0 - DAY + 1)], { storedDays: new Set() });
    expect(unpackDay((await db.packedReviews.get('2026-11-23'))!).map((r) => r.id)).toEqual(['e']);
  });

  it('counts added answers in, removed ones out, rewritten ones again, and drops a day left at zero', async () => {
    const db = freshDb();
    const a = answer('a', '2026-11-23', T0 - DAY, CardState.New);
    const b = answer('b', '2026-11-24', T0);
    await adjustDayTotals(db, { added: [a, b] });
    expect((await db.dayTotals.get('2026-11-24'))?.fromReview).toBe(1);
    const moved = { ...b, day: '2026-11-25', reviewedAt: T0 + DAY };
    await adjustDayTotals(db, { removed: [a], rewritten: [{ before: b, after: moved }] });
    const totals = await db.dayTotals.toArray();
    expect(totals.map((t) => [t.day, t.reviews, t.fromReview])).toEqual([['2026-11-25', 1, 1]]);
  });
});
