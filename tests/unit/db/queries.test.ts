import { describe, expect, it } from 'vitest';
import { answerCard } from '@/lib/db/answer-transactions';
import { loadNextDue, loadTodayQueue } from '@/lib/db/queries';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY, T0 } from '../../helpers/cards';
import { seed, seedTree } from '../../helpers/query-seeds';
import { updateCard } from '../../helpers/cards';

const settings = { ...DEFAULT_SETTINGS, newCardsPerDay: 2, reviewsPerDay: 2, fuzz: false };

describe('loadTodayQueue', () => {
  it('takes a deck\'s due cards in due order and its new cards in order, within the limits', async () => {
    const db = await seed();
    const q = await loadTodayQueue(db, { kind: 'deck', deckId: 'deck-a' }, settings, T0);
    expect(q.learning.map((c) => c.id)).toEqual(['learn-a1']);
    // rev-a3 is due at 22:00, before the study day ends at 04:00: it counts as due today.
    expect(q.review.map((c) => c.id)).toEqual(['rev-a2', 'rev-a1']);
    expect(q.fresh.map((c) => c.id)).toEqual(['new-a1', 'new-a2']);
  });

  it('counts today\'s answers against the limits', async () => {
    const db = await seed();
    await answerCard(db, createScheduler(settings), { cardId: 'new-a1', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1, dayStartHour: 4 });
    const q = await loadTodayQueue(db, { kind: 'deck', deckId: 'deck-a' }, settings, T0 + 1);
    expect(q.fresh.map((c) => c.id)).toEqual(['new-a2']);
  });

  it('draws from every deck for "study all", and from one tag for a domain', async () => {
    const db = await seed();
    const all = await loadTodayQueue(db, { kind: 'all' }, settings, T0);
    expect(all.fresh.map((c) => c.id)).toEqual(['new-b1', 'new-a1']);
    await updateCard(db, 'new-a3', { tags: ['domain:x/1'] });
    const tagged = await loadTodayQueue(db, { kind: 'tag', tag: 'domain:x/1' }, settings, T0);
    expect(tagged.fresh.map((c) => c.id)).toEqual(['new-a3']);
  });

  it('finds a domain\'s cards through the card digest, and follows the cards as they change', async () => {
    const db = await seed();
    await updateCard(db, 'new-a3', { tags: ['cert:cism', 'domain:x/1'] });
    await updateCard(db, 'rev-a1', { tags: ['domain:x/1'] });
    await updateCard(db, 'rev-later', { tags: ['domain:x/1'] });
    const tagged = await loadTodayQueue(db, { kind: 'tag', tag: 'domain:x/1' }, settings, T0);
    expect([...tagged.review, ...tagged.fresh].map((c) => c.id)).toEqual(['rev-a1', 'new-a3']);
    expect(await loadNextDue(db, { kind: 'tag', tag: 'domain:x/1' }, T0)).toBe(T0 + 3 * DAY);
    await updateCard(db, 'new-a3', { tags: [] });
    expect((await loadTodayQueue(db, { kind: 'tag', tag: 'domain:x/1' }, settings, T0)).fresh).toEqual([]);
  });

  it('finds a tag the digest does not keep (a hand-typed address) by reading every card', async () => {
    const db = await seed();
    await updateCard(db, 'new-a2', { tags: ['template:who-does-this'] });
    const tagged = await loadTodayQueue(db, { kind: 'tag', tag: 'template:who-does-this' }, settings, T0);
    expect(tagged.fresh.map((c) => c.id)).toEqual(['new-a2']);
  });
});

describe('an imported deck tree (Anki subdecks)', () => {
  it('studying a deck takes in its subdecks, in order across them and within the limits', async () => {
    const db = await seedTree();
    const q = await loadTodayQueue(db, { kind: 'deck', deckId: 'top' }, settings, T0);
    expect(q.fresh.map((c) => c.id)).toEqual(['d1-new', 'labs-new']);
    expect(q.review.map((c) => c.id)).toEqual(['d1-rev']);
    const d1 = await loadTodayQueue(db, { kind: 'deck', deckId: 'd1' }, settings, T0);
    expect(d1.fresh.map((c) => c.id)).toEqual(['d1-new', 'labs-new']);
    const labs = await loadTodayQueue(db, { kind: 'deck', deckId: 'labs' }, settings, T0);
    expect(labs.fresh.map((c) => c.id)).toEqual(['labs-new']);
    expect(await loadNextDue(db, { kind: 'deck', deckId: 'top' }, T0)).toBe(T0 + 2 * DAY);
    expect(await loadNextDue(db, { kind: 'deck', deckId: 'old' }, T0)).toBeNull();
  });

  it('answers given in a subdeck count against the parent\'s limits', async () => {
    const db = await seedTree();
    await answerCard(db, createScheduler(settings), { cardId: 'labs-new', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1, dayStartHour: 4 });
    const q = await loadTodayQueue(db, { kind: 'deck', deckId: 'top' }, settings, T0 + 1);
    expect(q.fresh.map((c) => c.id)).toEqual(['d1-new']);
  });
});

describe('"Study what I missed"', () => {
  it('queues the cards of the missed questions now, whatever their due dates and the daily limits', async () => {
    const db = await seed();
    const { startAttempt, choose, finish } = await import('@/lib/practice/attempt');
    const q = (n: number, cardIds: string[]) => ({
      id: `c${n}:definition`, conceptKey: `c${n}`, kind: 'definition' as const, certification: 'cissp' as const, domain: 'd', sub: 's', label: 'l', cardIds,
      stem: 'stem', options: [0, 1, 2, 3].map((i) => ({ text: `t${n}${i}`, conceptKey: `k${i}`, why: 'why' })), answer: 0,
    });
    let a = startAttempt({ id: 'att', mode: 'quiz', certification: 'cissp', title: 'Q', seed: 's', bankVersion: 'b', questions: [q(1, ['rev-later', 'new-a3', 'suspended']), q(2, ['new-a1']), q(3, ['rev-a1'])] }, T0);
    a = choose(a, 0, T0); // question 1 right: its cards stay out
    a = finish(a, T0 + 1, 'submitted');
    await db.practiceAttempts.put(a);
    const queue = await loadTodayQueue(db, { kind: 'missed', attemptId: 'att' }, settings, T0);
    expect(queue.review.map((c) => c.id)).toEqual(['rev-a1']);
    expect(queue.fresh.map((c) => c.id)).toEqual(['new-a1']);

    let b = startAttempt({ id: 'att2', mode: 'quiz', certification: 'cissp', title: 'Q', seed: 's', bankVersion: 'b', questions: [q(1, ['rev-later', 'new-a3', 'suspended'])] }, T0);
    b = finish(b, T0 + 1, 'submitted');
    await db.practiceAttempts.put(b);
    const q2 = await loadTodayQueue(db, { kind: 'missed', attemptId: 'att2' }, settings, T0);
    expect(q2.review.map((c) => c.id)).toEqual(['rev-later']); // not due for days, shown now
    expect(q2.fresh.map((c) => c.id)).toEqual(['new-a3']); // beyond the new-card limit of 2
    expect(await loadTodayQueue(db, { kind: 'missed', attemptId: 'nope' }, settings, T0)).toEqual({ learning: [], review: [], fresh: [] });
  });
});
