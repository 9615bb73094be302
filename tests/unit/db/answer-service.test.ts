import { describe, expect, it } from 'vitest';
import { submitAnswer } from '@/lib/db/answer-service';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { T0, makeCard } from '../../helpers/cards';
import { dumpDb, freshDb } from '../../helpers/db';
import { storeCards } from '@/lib/db/card-store';

/** A localStorage stand-in that records what was noted while the write ran. */
function recordingStore() {
  const data = new Map<string, string>();
  const seen: string[] = [];
  return {
    seen,
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      data.set(k, v);
      seen.push(v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('submitAnswer', () => {
  it('notes the answer before the transaction and forgets it once stored', async () => {
    const db = freshDb();
    await storeCards(db, [makeCard({ id: 'c1' })]);
    const store = recordingStore();
    const answered = await submitAnswer(db, createScheduler(DEFAULT_SETTINGS), { cardId: 'c1', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1000, dayStartHour: 4, reviewId: 'r1' }, store);
    expect(answered.review.id).toBe('r1');
    expect(store.seen).toHaveLength(1);
    expect(JSON.parse(store.seen[0]!)).toMatchObject([{ reviewId: 'r1', cardId: 'c1' }]);
    expect(store.data.size).toBe(0);
  });

  it('forgets a refused answer too, and leaves the stored data as it was', async () => {
    const db = freshDb();
    await storeCards(db, [makeCard({ id: 'c1', rev: 3 })]);
    const before = await dumpDb(db);
    const store = recordingStore();
    await expect(
      submitAnswer(db, createScheduler(DEFAULT_SETTINGS), { cardId: 'c1', shownRev: 2, grade: Grade.Good, now: T0, durationMs: 1000, dayStartHour: 4, reviewId: 'r2' }, store),
    ).rejects.toThrow('changed in another tab');
    expect(store.data.size).toBe(0);
    expect(await dumpDb(db)).toEqual(before);
  });
});
