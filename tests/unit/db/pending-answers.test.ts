import { describe, expect, it } from 'vitest';
import { answerCard } from '@/lib/db/answer-transactions';
import { forgetPendingAnswer, notePendingAnswer, replayPendingAnswers } from '@/lib/db/pending-answers';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { T0, makeCard } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { memoryStore } from '../../helpers/note-store';
import { addCards, readCard } from '@/lib/db/card-store';


const input = (reviewId: string, cardId: string, now: number) => ({ cardId, shownRev: 0, grade: Grade.Good, now, durationMs: 1000, dayStartHour: 4, reviewId });

describe('pending answers', () => {
  it('replays an answer whose write never committed, and forgets it', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' }), makeCard({ id: 'c2' })]);
    const store = memoryStore();
    notePendingAnswer(input('r1', 'c1', T0), store);
    notePendingAnswer(input('r2', 'c2', T0 + 1000), store);

    expect(await replayPendingAnswers(db, store)).toBe(2);
    expect((await db.reviews.toArray()).map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(await readCard(db, 'c1')).toMatchObject({ reps: 1, rev: 1 });
    expect(store.data.size).toBe(0);
  });

  it('changes nothing for an answer that did commit before the note was cleared', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' })]);
    const store = memoryStore();
    notePendingAnswer(input('r1', 'c1', T0), store);
    await answerCard(db, createScheduler(DEFAULT_SETTINGS), input('r1', 'c1', T0));
    const card = await readCard(db, 'c1');

    await replayPendingAnswers(db, store);
    expect(await db.reviews.count()).toBe(1);
    expect(await readCard(db, 'c1')).toEqual(card);
  });

  it('keeps only the answers not yet forgotten, and survives a damaged note', async () => {
    const store = memoryStore();
    notePendingAnswer(input('r1', 'c1', T0), store);
    notePendingAnswer(input('r2', 'c1', T0 + 1), store);
    forgetPendingAnswer('r1', store);
    expect(JSON.parse([...store.data.values()][0]!)).toHaveLength(1);
    store.data.set([...store.data.keys()][0]!, '{not json');
    expect(await replayPendingAnswers(freshDb(), store)).toBe(0);
  });
});
