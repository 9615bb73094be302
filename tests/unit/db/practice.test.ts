import { describe, expect, it } from 'vitest';
import { loadActiveAttempts, loadFinishedAttempts, storeAttempt } from '@/lib/db/practice';
import { loadPracticeKnowledge } from '@/lib/db/practice-knowledge';
import { replayPendingPractice, saveAttemptDurably } from '@/lib/db/practice-service';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { type Attempt, choose, finish, startAttempt } from '@/lib/practice/attempt';
import type { Question } from '@/lib/practice/questions';
import { createScheduler } from '@/lib/scheduler';
import { T0, makeCard } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { memoryStore } from '../../helpers/note-store';
import { CardState } from '@/lib/model';
import { addCards } from '@/lib/db/card-store';

const question = (n: number, cardIds: string[] = [`card-${n}`]): Question => ({
  id: `concept-${n}:definition`,
  conceptKey: `concept-${n}`,
  kind: 'definition',
  certification: 'cissp',
  domain: 'cissp-2024/1',
  sub: 'cissp-2024/1.1',
  label: 'CISSP 2024 · 1.1',
  cardIds,
  stem: `Definition ${n}`,
  options: [0, 1, 2, 3].map((i) => ({ text: `Term ${n}.${i}`, conceptKey: `concept-${n + i}`, why: `why ${i}` })),
  answer: 0,
});
const quiz = (id: string, at = T0): Attempt =>
  startAttempt({ id, mode: 'quiz', certification: 'cissp', title: 'Quiz', seed: id, bankVersion: 'b', questions: [question(1), question(2)], feedback: 'end' }, at);

describe('the practice log in storage', () => {
  it('keeps the newer state of an attempt and never changes a finished one', async () => {
    const db = freshDb();
    const a = quiz('a');
    expect(await storeAttempt(db, a)).toBe('stored');
    const later = choose(a, 2, T0 + 5000);
    expect(await storeAttempt(db, later)).toBe('stored');
    expect(await storeAttempt(db, a)).toBe('kept-newer');
    expect((await db.practiceAttempts.get('a'))!.responses[0]!.choice).toBe(2);
    const done = finish(later, T0 + 6000, 'submitted');
    expect(await storeAttempt(db, done)).toBe('stored');
    expect(await storeAttempt(db, { ...later, updatedAt: T0 + 9000 })).toBe('already-finished');
    expect(await db.practiceAttempts.get('a')).toEqual(done);
    expect((await loadFinishedAttempts(db)).map((x) => x.id)).toEqual(['a']);
    expect(await loadActiveAttempts(db)).toEqual([]);
  });

  it('replays a step whose transaction never ran, after a reload', async () => {
    const db = freshDb();
    const store = memoryStore();
    const a = quiz('r');
    await storeAttempt(db, a);
    const step = choose(a, 3, T0 + 1000);
    // The page goes away before the transaction starts: only the note is left.
    const never = new Promise<never>(() => undefined);
    void saveAttemptDurably(db, step, store, never);
    expect(store.data.size).toBe(1);
    expect((await db.practiceAttempts.get('r'))!.responses[0]!.choice).toBeNull();
    expect(await replayPendingPractice(db, store)).toBe(1);
    expect(await db.practiceAttempts.get('r')).toEqual(step);
    expect(store.data.size).toBe(0);
  });

  it('forgets the note once the write committed', async () => {
    const db = freshDb();
    const store = memoryStore();
    const a = quiz('f');
    expect(await saveAttemptDurably(db, a, store)).toBe('stored');
    expect(store.data.size).toBe(0);
    expect(await db.practiceAttempts.get('f')).toEqual(a);
  });

  it('tells which concepts were missed and which cards are studied or weak', async () => {
    const db = freshDb();
    const now = T0 + 30 * 86_400_000;
    await addCards(db, [
      makeCard({ id: 'card-1' }),
      makeCard({ id: 'card-2', state: CardState.Review, stability: 1, lastReview: T0, due: T0 + 86_400_000, reps: 1 }),
      makeCard({ id: 'card-3', state: CardState.Review, stability: 5000, lastReview: now - 86_400_000, due: now + 1000 * 86_400_000, reps: 3 }),
    ]);
    let a = quiz('k');
    a = choose(a, 0, T0 + 1);
    a = finish(a, T0 + 2, 'submitted'); // question 1 right, question 2 unanswered
    await storeAttempt(db, a);
    const k = await loadPracticeKnowledge(db, createScheduler(DEFAULT_SETTINGS), now);
    expect(k.history.get('concept-1')).toMatchObject({ lastRight: true });
    expect(k.history.get('concept-2')).toMatchObject({ lastRight: false });
    expect(k.cards.get('card-1')).toEqual({ studied: false, weak: false });
    expect(k.cards.get('card-2')).toEqual({ studied: true, weak: true });
    expect(k.cards.get('card-3')).toEqual({ studied: true, weak: false });
  });
});

describe('coalesced practice writes', () => {
  it('skips storing a state a later one superseded, without losing it: the later note and store keep everything', async () => {
    const db = freshDb();
    const store = memoryStore();
    const a = quiz('c');
    await storeAttempt(db, a);
    const first = choose(a, 1, T0 + 1000);
    const second = choose(first, 2, T0 + 2000);
    let latest = first;
    const one = saveAttemptDurably(db, first, store, Promise.resolve(), () => latest.updatedAt > first.updatedAt);
    latest = second;
    const two = saveAttemptDurably(db, second, store, Promise.resolve(), () => latest.updatedAt > second.updatedAt);
    expect(await one).toBe('superseded');
    expect(await two).toBe('stored');
    expect(await db.practiceAttempts.get('c')).toEqual(second);
    expect(store.data.size).toBe(0);
  });
});
