import { describe, expect, it } from 'vitest';
import { answerCard } from '@/lib/db/answer-transactions';
import { loadHomeSummary, loadNextDue, loadTodayQueue } from '@/lib/db/queries';
import { CardState, DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY, HOUR, T0, makeCard } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';

const settings = { ...DEFAULT_SETTINGS, newCardsPerDay: 2, reviewsPerDay: 2, fuzz: false };

async function seed() {
  const db = freshDb();
  await db.decks.bulkAdd([
    { id: 'deck-a', name: 'A', description: '', builtin: true },
    { id: 'deck-b', name: 'B', description: '', builtin: true },
  ]);
  await db.cards.bulkAdd([
    makeCard({ id: 'new-a1', order: 1 }),
    makeCard({ id: 'new-a2', order: 2 }),
    makeCard({ id: 'new-a3', order: 3 }),
    makeCard({ id: 'new-b1', order: 0, deckId: 'deck-b' }),
    makeCard({ id: 'rev-a1', state: CardState.Review, due: T0 - DAY, lastReview: T0 - 5 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'rev-a2', state: CardState.Review, due: T0 - 2 * DAY, lastReview: T0 - 6 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'rev-a3', state: CardState.Review, due: T0 + 10 * HOUR, lastReview: T0 - 6 * DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'rev-later', state: CardState.Review, due: T0 + 3 * DAY, lastReview: T0 - DAY, stability: 4, difficulty: 5 }),
    makeCard({ id: 'learn-a1', state: CardState.Learning, due: T0 + 5 * 60_000, lastReview: T0 }),
    makeCard({ id: 'suspended', suspended: true, order: -1 }),
  ]);
  return db;
}

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
    await db.cards.update('new-a3', { tags: ['domain:x/1'] });
    const tagged = await loadTodayQueue(db, { kind: 'tag', tag: 'domain:x/1' }, settings, T0);
    expect(tagged.fresh.map((c) => c.id)).toEqual(['new-a3']);
  });

  it('finds a domain\'s cards through the card digest, and follows the cards as they change', async () => {
    const db = await seed();
    await db.cards.bulkUpdate([
      { key: 'new-a3', changes: { tags: ['cert:cism', 'domain:x/1'] } },
      { key: 'rev-a1', changes: { tags: ['domain:x/1'] } },
      { key: 'rev-later', changes: { tags: ['domain:x/1'] } },
    ]);
    const tagged = await loadTodayQueue(db, { kind: 'tag', tag: 'domain:x/1' }, settings, T0);
    expect([...tagged.review, ...tagged.fresh].map((c) => c.id)).toEqual(['rev-a1', 'new-a3']);
    expect(await loadNextDue(db, { kind: 'tag', tag: 'domain:x/1' }, T0)).toBe(T0 + 3 * DAY);
    await db.cards.update('new-a3', { tags: [] });
    expect((await loadTodayQueue(db, { kind: 'tag', tag: 'domain:x/1' }, settings, T0)).fresh).toEqual([]);
  });

  it('finds a tag the digest does not keep (a hand-typed address) by reading every card', async () => {
    const db = await seed();
    await db.cards.update('new-a2', { tags: ['template:who-does-this'] });
    const tagged = await loadTodayQueue(db, { kind: 'tag', tag: 'template:who-does-this' }, settings, T0);
    expect(tagged.fresh.map((c) => c.id)).toEqual(['new-a2']);
  });
});

describe('loadHomeSummary', () => {
  it('shows per-deck counts, reviews done today, the streak and the next due card', async () => {
    const db = await seed();
    await answerCard(db, createScheduler(settings), { cardId: 'rev-a1', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1, dayStartHour: 4 });
    const home = await loadHomeSummary(db, settings, T0 + 1);
    const a = home.decks.find((d) => d.deck.id === 'deck-a')!;
    expect(a.today).toEqual({ newCards: 2, learning: 1, review: 1 });
    expect(home.decks.find((d) => d.deck.id === 'deck-b')!.today).toEqual({ newCards: 1, learning: 0, review: 0 });
    expect(home.reviewsToday).toBe(1);
    expect(home.streak).toBe(1);
    expect(home.nextDue).toBe(T0 + 3 * DAY);
  });
});

describe('an imported deck tree (Anki subdecks)', () => {
  // "CISSP" holds one card, its subdecks "Domain 1" and "Domain 1 › Labs" the rest; "CISSP old" is a sibling, not a child.
  async function seedTree() {
    const db = freshDb();
    await db.decks.bulkAdd([
      { id: 'top', name: 'CISSP', description: '', builtin: false, path: ['CISSP'] },
      { id: 'd1', name: 'CISSP › Domain 1', description: '', builtin: false, path: ['CISSP', 'Domain 1'] },
      { id: 'labs', name: 'CISSP › Domain 1 › Labs', description: '', builtin: false, path: ['CISSP', 'Domain 1', 'Labs'] },
      { id: 'old', name: 'CISSP old', description: '', builtin: false, path: ['CISSP old'] },
    ]);
    await db.cards.bulkAdd([
      makeCard({ id: 'top-new', deckId: 'top', order: 5 }),
      makeCard({ id: 'd1-new', deckId: 'd1', order: 1 }),
      makeCard({ id: 'labs-new', deckId: 'labs', order: 3 }),
      makeCard({ id: 'old-new', deckId: 'old', order: 0 }),
      makeCard({ id: 'd1-rev', deckId: 'd1', state: CardState.Review, due: T0 - DAY, lastReview: T0 - 5 * DAY, stability: 4, difficulty: 5 }),
      makeCard({ id: 'labs-rev', deckId: 'labs', state: CardState.Review, due: T0 + 2 * DAY, lastReview: T0 - DAY, stability: 4, difficulty: 5 }),
    ]);
    return db;
  }

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

  it('the home page counts each deck with its subdecks', async () => {
    const db = await seedTree();
    const home = await loadHomeSummary(db, settings, T0);
    const of = (id: string) => home.decks.find((d) => d.deck.id === id)!;
    expect(of('top').total).toBe(5);
    expect(of('top').today).toEqual({ newCards: 2, learning: 0, review: 1 });
    expect(of('d1').total).toBe(4);
    expect(of('labs').total).toBe(2);
    expect(of('old').total).toBe(1);
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
