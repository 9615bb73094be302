import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { exportBackup } from '@/lib/db/backup';
import { openStudyDb, SCHEMA_VERSION } from '@/lib/db/database';
import { doneToday } from '@/lib/db/queries';
import { countReviews, loadAllReviews, loadStoredReviewsById, reviewsOnDay } from '@/lib/db/review-log';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { DAY, makeCard } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { HOUR, importText, MINUTE, newDevice, study, T0 } from '../../helpers/devices';
import { readAllCards } from '@/lib/db/card-store';

describe('schema version 3: imported answers packed per day', () => {
  it('adds the empty table to a version-2 database and leaves everything else as it was', async () => {
    const name = `v2-fixture-${process.pid}`;
    const old = new Dexie(name);
    old.version(1).stores({ decks: 'id', cards: 'id, deckId, queue, [deckId+queue+rank], [queue+rank], *tags', reviews: 'id, cardId, day, reviewedAt, [deckId+day]', settings: 'id', meta: 'key' });
    old.version(2).stores({ dayTotals: 'day' });
    await old.table('cards').add(makeCard({ id: 'c1' }));
    await old.table('settings').put({ ...DEFAULT_SETTINGS, id: 'settings' });
    await old.table('dayTotals').put({ day: '2026-11-24', reviews: 0 });
    const before = { cards: await old.table('cards').toArray(), settings: await old.table('settings').toArray(), totals: await old.table('dayTotals').toArray() };
    old.close();

    const db = openStudyDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.packedReviews.count()).toBe(0);
    expect({ cards: await readAllCards(db), settings: await db.settings.toArray(), totals: await db.dayTotals.toArray() }).toEqual(before);
    db.close();
  });
});

describe('reading the log', () => {
  it('sees answers given here and answers imported, by day, by deck and in all', async () => {
    const phone = freshDb();
    await newDevice(phone);
    await study(phone, [{ cardId: 'card-0', grade: Grade.Good, at: T0 }, { cardId: 'card-1', grade: Grade.Good, at: T0 + MINUTE }, { cardId: 'card-2', grade: Grade.Again, at: T0 - DAY }]);
    const db = freshDb();
    await newDevice(db);
    await study(db, [{ cardId: 'card-3', grade: Grade.Good, at: T0 + HOUR }]);
    await importText(db, (await exportBackup(phone, T0 + 2 * HOUR)).text);

    expect(await db.reviews.count()).toBe(1);
    expect(await countReviews(db)).toBe(4);
    expect((await loadAllReviews(db)).map((r) => r.cardId).sort()).toEqual(['card-0', 'card-1', 'card-2', 'card-3']);
    expect((await reviewsOnDay(db, '2026-11-24')).map((r) => r.cardId).sort()).toEqual(['card-0', 'card-1', 'card-3']);
    // makeGenerated puts even cards in deck-a, odd ones in deck-b.
    expect((await reviewsOnDay(db, '2026-11-24', 'deck-b')).map((r) => r.cardId).sort()).toEqual(['card-1', 'card-3']);
    // Today's limits count the imported new cards too (moving devices mid-day).
    expect(await doneToday(db, '2026-11-24')).toEqual({ newCards: 3, reviews: 0 });
  });

  it('finds answers by id in rows and packs alike, whether the rows are fewer or more than the ids asked for', async () => {
    const phone = freshDb();
    await newDevice(phone);
    await study(phone, [{ cardId: 'card-0', grade: Grade.Good, at: T0 }, { cardId: 'card-1', grade: Grade.Good, at: T0 + MINUTE }]);
    const db = freshDb();
    await newDevice(db);
    await study(db, [{ cardId: 'card-3', grade: Grade.Good, at: T0 + HOUR }, { cardId: 'card-4', grade: Grade.Easy, at: T0 + 2 * HOUR }]);
    await importText(db, (await exportBackup(phone, T0 + 3 * HOUR)).text);
    const all = await loadAllReviews(db);
    const rowIds = (await db.reviews.toArray()).map((r) => r.id);
    const days = [...new Set(all.map((r) => r.day))];
    const found = async (ids: string[]) => [...(await loadStoredReviewsById(db, ids, days))].map(([id, s]) => [id, s.storedIn, s.review.cardId]).sort();
    const expected = all.map((r) => [r.id, rowIds.includes(r.id) ? 'row' : 'packed', r.cardId]).sort();
    // More ids than rows (a restore): the row keys are read and matched.
    expect(await found([...all.map((r) => r.id), 'not-stored-1', 'not-stored-2'])).toEqual(expected);
    // Fewer ids than rows (a small sync): the index is searched for them.
    expect(await found([rowIds[0]!])).toEqual(expected.filter(([id]) => id === rowIds[0]));
    // No rows at all (a new device).
    expect(await found(['not-stored-1'])).toEqual([]);
  });
});
