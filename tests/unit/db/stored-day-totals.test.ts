import { describe, expect, it } from 'vitest';
import { answerCard, undoAnswer } from '@/lib/db/answer-transactions';
import { openStudyDb, SCHEMA_VERSION } from '@/lib/db/database';
import { rebuildDayTotals, repairDayTotals } from '@/lib/db/stored-day-totals';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { packDay } from '@/lib/review-pack';
import { totalsByDay } from '@/lib/stats/day-totals';
import { DAY, HOUR, T0, makeCard } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { openShippedSchema } from '../../helpers/shipped-schemas';
import { HISTORY } from '../stats/fixtures';
import { addCards, readAllCards, readCard } from '@/lib/db/card-store';


const byDay = <T extends { day: string }>(rows: T[]) => rows.slice().sort((a, b) => a.day.localeCompare(b.day));

describe('schema version 2: per-day totals', () => {
  it('fills the totals from the review log of a version-1 database, leaving the rest as it was', async () => {
    const name = `v1-fixture-${process.pid}`;
    const old = openShippedSchema(name, 1);
    await old.table('cards').add(makeCard({ id: 'c1' }));
    await old.table('reviews').bulkAdd(HISTORY);
    await old.table('settings').put({ ...DEFAULT_SETTINGS, id: 'settings' });
    const cardsBefore = await old.table('cards').toArray();
    old.close();

    const db = openStudyDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
    const totals = byDay(await db.dayTotals.toArray());
    expect(totals).toEqual(byDay([...totalsByDay(HISTORY).values()]));
    expect(totals.map((t) => [t.day, t.reviews])).toEqual([
      ['2025-10-20', 1], ['2026-05-08', 2], ['2026-11-04', 3], ['2026-11-21', 5], ['2026-11-24', 5],
    ]);
    expect(await db.reviews.count()).toBe(HISTORY.length);
    expect(await readAllCards(db)).toEqual(cardsBefore);
    db.close();
  });

  it('upgrades an empty version-1 database to empty totals', async () => {
    const name = `v1-empty-${process.pid}`;
    const old = openShippedSchema(name, 1);
    await old.open();
    old.close();
    const db = openStudyDb(name);
    expect(await db.dayTotals.count()).toBe(0);
    db.close();
  });
});

describe('totals kept in step by answer and undo', () => {
  const scheduler = createScheduler({ ...DEFAULT_SETTINGS, fuzz: false });

  it('round-trips: answers then undos leave the totals equal to a rebuild from the log, and empty at the end', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'a' }), makeCard({ id: 'b', order: 1 })]);
    const ids: string[] = [];
    const answer = async (cardId: string, grade: Grade, now: number, durationMs: number) => {
      const rev = (await readCard(db, cardId))!.rev;
      const { review } = await answerCard(db, scheduler, { cardId, shownRev: rev, grade, now, durationMs, dayStartHour: 4 });
      ids.push(review.id);
    };
    await answer('a', Grade.Good, T0, 3000);
    await answer('b', Grade.Again, T0 + 1000, 5000);
    await answer('a', Grade.Good, T0 + 20 * 60_000, 2000);
    await answer('a', Grade.Good, T0 + 3 * DAY, 4000); // a review-state answer three days later
    await answer('b', Grade.Good, T0 + 15 * HOUR, 1000); // 03:00 next morning: still the 24th's study day

    const live = byDay(await db.dayTotals.toArray());
    expect(live.map((t) => [t.day, t.reviews, t.durationMs])).toEqual([['2026-11-24', 4, 11_000], ['2026-11-27', 1, 4000]]);
    expect(live[1]).toMatchObject({ fromReview: 1, youngPassed: 1 });
    await rebuildDayTotals(db);
    expect(byDay(await db.dayTotals.toArray())).toEqual(live);

    // Undo is only for a card's latest answer: take them back newest first.
    await undoAnswer(db, ids[4]!);
    expect(await db.dayTotals.get('2026-11-24')).toMatchObject({ reviews: 3, durationMs: 10_000 });
    await undoAnswer(db, ids[3]!);
    expect(await db.dayTotals.get('2026-11-27')).toBeUndefined();
    for (const id of ids.slice(0, 3).reverse()) await undoAnswer(db, id);
    expect(await db.dayTotals.count()).toBe(0);
    expect(await db.reviews.count()).toBe(0);
  });

  it('rebuilds only the named days, and drops a day whose answers are gone', async () => {
    const db = freshDb();
    await db.reviews.bulkAdd(HISTORY);
    await rebuildDayTotals(db);
    await db.reviews.where('day').equals('2026-11-04').delete();
    await db.dayTotals.update('2026-11-24', { reviews: 999 });
    expect(await rebuildDayTotals(db, ['2026-11-04', '2026-11-24'])).toBe(1);
    expect(await db.dayTotals.get('2026-11-04')).toBeUndefined();
    expect(await db.dayTotals.get('2026-11-24')).toEqual(totalsByDay(HISTORY).get('2026-11-24'));
    expect(await db.dayTotals.count()).toBe(4);
  });

  it('repairs totals that disagree with the log, and leaves agreeing ones alone', async () => {
    const db = freshDb();
    await db.reviews.bulkAdd(HISTORY); // written around answerCard, as a raw import would
    expect(await repairDayTotals(db)).toBe(true);
    expect(byDay(await db.dayTotals.toArray())).toEqual(byDay([...totalsByDay(HISTORY).values()]));
    expect(await repairDayTotals(db)).toBe(false);
  });

  it('counts imported answers packed per day as well as answer rows', async () => {
    const db = freshDb();
    const imported = HISTORY.filter((r) => r.day === '2026-11-21');
    await db.reviews.bulkAdd(HISTORY.filter((r) => r.day !== '2026-11-21'));
    await db.packedReviews.add(packDay('2026-11-21', imported));
    expect(await repairDayTotals(db)).toBe(true);
    expect(byDay(await db.dayTotals.toArray())).toEqual(byDay([...totalsByDay(HISTORY).values()]));
    expect(await repairDayTotals(db)).toBe(false); // the packed day is not mistaken for a mismatch
    await db.dayTotals.clear();
    expect(await rebuildDayTotals(db, ['2026-11-21', '2026-11-24'])).toBe(2);
    expect(await db.dayTotals.get('2026-11-21')).toEqual(totalsByDay(HISTORY).get('2026-11-21'));
  });
});
