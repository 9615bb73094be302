import { describe, expect, it } from 'vitest';
import { reviewToRow } from '@/lib/backup/format';
import { exportBackup } from '@/lib/db/backup';
import { reviewsOnDay } from '@/lib/db/review-log';
import { answerRowsOnDays } from '@/lib/db/sync-store';
import { Grade } from '@/lib/model';
import { DAY } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { HOUR, importText, MINUTE, newDevice, study, T0 } from '../../helpers/devices';

describe('the answers a sync sends', () => {
  it('reads many days at once as rows, each day as reviewsOnDay reads it: answers given here and imported ones', async () => {
    const phone = freshDb();
    await newDevice(phone);
    // card-2 twice: its first answer (no last review before it) and a later one.
    await study(phone, [{ cardId: 'card-0', grade: Grade.Good, at: T0 }, { cardId: 'card-1', grade: Grade.Hard, at: T0 + MINUTE }, { cardId: 'card-2', grade: Grade.Again, at: T0 - DAY }, { cardId: 'card-2', grade: Grade.Good, at: T0 + 2 * MINUTE }]);
    const db = freshDb();
    await newDevice(db);
    await study(db, [{ cardId: 'card-3', grade: Grade.Good, at: T0 + HOUR }]);
    await importText(db, (await exportBackup(phone, T0 + 2 * HOUR)).text);
    expect(await db.packedReviews.count()).toBeGreaterThan(0);

    const days = ['2026-11-23', '2026-11-24', '2026-11-30'];
    const rows = await answerRowsOnDays(db, days);
    expect([...rows.keys()]).toEqual(days);
    for (const day of days) expect(rows.get(day)).toEqual((await reviewsOnDay(db, day)).map(reviewToRow));
    expect(rows.get('2026-11-24')).toHaveLength(4);
    expect(rows.get('2026-11-23')).toHaveLength(1);
    expect(rows.get('2026-11-30')).toEqual([]);
    expect(await answerRowsOnDays(db, [])).toEqual(new Map());
  });
});
