import { describe, expect, it } from 'vitest';
import { answerCard } from '@/lib/db/answer-transactions';
import { loadSettings, saveSettings } from '@/lib/db/settings';
import { applyNewCardsPerDay, loadStats, saveExamPlan } from '@/lib/db/stats';
import type { GeneratedDomain } from '@/lib/decks/types';
import { CardState, DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY, HOUR, T0, makeCard } from '../../helpers/cards';
import { dumpDb, freshDb } from '../../helpers/db';
import { addCards } from '@/lib/db/card-store';

const settings = { ...DEFAULT_SETTINGS, fuzz: false };
const domains: GeneratedDomain[] = [
  { key: 'cism-2022/1', certification: 'cism', outline: 'cism-2022', number: 1, name: 'Governance', weight: 17 },
  { key: 'cism-2022/2', certification: 'cism', outline: 'cism-2022', number: 2, name: 'Risk', weight: 83 },
];
const cism = (n: number) => ['cert:cism', `domain:cism-2022/${n}`];

async function seed() {
  const db = freshDb();
  await db.decks.bulkAdd([
    { id: 'deck-a', name: 'A deck', description: '', builtin: true },
    { id: 'deck-b', name: 'B deck', description: '', builtin: true },
    { id: 'gone', name: 'Retired deck', description: '', builtin: true, retired: true },
  ]);
  await addCards(db, [
    makeCard({ id: 'n1', tags: cism(1), order: 1 }),
    makeCard({ id: 'n2', tags: cism(2), order: 2 }),
    makeCard({ id: 'n3', tags: cism(2), order: 3, deckId: 'deck-b' }),
    makeCard({ id: 'r1', tags: cism(1), state: CardState.Review, stability: 10, lastReview: T0 - 10 * DAY, due: T0 - DAY }),
    makeCard({ id: 'r2', state: CardState.Review, stability: 10, lastReview: T0 - 2 * DAY, due: T0 + 2 * DAY }),
    makeCard({ id: 'l1', state: CardState.Learning, lastReview: T0, due: T0 + 10 * 60_000 }),
    makeCard({ id: 'rl1', state: CardState.Relearning, lastReview: T0, due: T0 + HOUR, deckId: 'deck-b' }),
    makeCard({ id: 's1', tags: cism(2), state: CardState.Review, stability: 3, lastReview: T0 - DAY, due: T0, suspended: true }),
    makeCard({ id: 'x1', tags: cism(2), retired: true }),
  ]);
  return db;
}

describe('loadStats', () => {
  it('counts cards by state per deck, suspended apart, retired not at all', async () => {
    const db = await seed();
    const stats = await loadStats(db, settings, { domains }, T0);
    expect(stats.decks.map((d) => [d.deck.id, d.counts])).toEqual([
      ['deck-a', { new: 2, learning: 1, review: 2, relearning: 0, suspended: 1 }],
      ['deck-b', { new: 1, learning: 0, review: 0, relearning: 1, suspended: 0 }],
    ]);
  });

  it('forecasts learning and review cards, overdue ones today', async () => {
    const db = await seed();
    const { forecast } = await loadStats(db, settings, { domains }, T0);
    // today: r1 (overdue), l1, rl1; the 26th: r2 (T0 + 2 days). The suspended card is not due.
    expect(forecast[0]).toEqual({ day: '2026-11-24', due: 3 });
    expect(forecast[2]).toEqual({ day: '2026-11-26', due: 1 });
    expect(forecast.reduce((s, d) => s + d.due, 0)).toBe(4);
  });

  it('measures readiness and pacing per certification, and follows answers', async () => {
    const db = await seed();
    const withExam = { ...settings, examDates: { cism: '2026-12-18', cissp: null }, pacingBufferDays: 14 };
    const before = (await loadStats(db, withExam, { domains }, T0)).certifications.find((c) => c.certification === 'cism')!;
    expect(before.examDate).toBe('2026-12-18');
    // Domain 1: n1 (0), r1 (0.9) → 0.45; domain 2: n2, n3 (0, 0), s1 suspended but studied.
    const d1 = before.readiness.domains.find((d) => d.number === 1)!;
    expect(d1.recallToday).toBeCloseTo(0.45, 6);
    expect(before.readiness.domains[0]!.number).toBe(2); // weakest first
    // Cards to see: n1, n2, n3 (s1 is suspended, x1 retired) → 3 over 11 days → 1 a day.
    expect(before.cards).toBe(4);
    expect(before.pacing).toMatchObject({ status: 'plan', unseen: 3, deadline: '2026-12-04', daysLeft: 11, perDay: 1 });
    const cissp = (await loadStats(db, withExam, { domains }, T0)).certifications.find((c) => c.certification === 'cissp')!;
    expect(cissp.pacing.status).toBe('no-date');

    await answerCard(db, createScheduler(settings), { cardId: 'n1', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1000, dayStartHour: 4 });
    const after = await loadStats(db, withExam, { domains }, T0 + 1000);
    const cismAfter = after.certifications.find((c) => c.certification === 'cism')!;
    expect(cismAfter.pacing).toMatchObject({ unseen: 2 });
    expect(cismAfter.readiness.domains.find((d) => d.number === 1)!.introduced).toBe(2);
    expect(after.heatmap.days.at(-1)).toEqual({ day: '2026-11-24', reviews: 1, minutes: 1000 / 60_000 });
    expect(after.heatmap.streak).toBe(1);
  });
});

describe('exam plan and pacing settings', () => {
  it('stores exam dates and buffer without touching other settings', async () => {
    const db = freshDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, newCardsPerDay: 7, desiredRetention: 0.85 });
    await saveExamPlan(db, { examDates: { cism: null, cissp: '2027-03-15' }, pacingBufferDays: 10 });
    expect(await loadSettings(db)).toEqual({ ...DEFAULT_SETTINGS, newCardsPerDay: 7, desiredRetention: 0.85, examDates: { cism: null, cissp: '2027-03-15' }, pacingBufferDays: 10 });
  });

  it('applies a pacing figure as the new-card limit, and refuses a figure that is not a limit', async () => {
    const db = freshDb();
    await saveExamPlan(db, { examDates: { cism: '2027-01-01', cissp: null }, pacingBufferDays: 14 });
    await applyNewCardsPerDay(db, 13);
    expect(await loadSettings(db)).toMatchObject({ newCardsPerDay: 13, examDates: { cism: '2027-01-01', cissp: null } });
    const before = await dumpDb(db);
    await expect(applyNewCardsPerDay(db, 2.5)).rejects.toThrow(/whole number/);
    await expect(applyNewCardsPerDay(db, -1)).rejects.toThrow(/whole number/);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('reads settings stored before exam dates existed with the defaults', async () => {
    const db = freshDb();
    const old: Partial<typeof DEFAULT_SETTINGS> = { ...DEFAULT_SETTINGS, newCardsPerDay: 5 };
    delete old.examDates;
    delete old.pacingBufferDays;
    await db.settings.put({ ...old, id: 'settings' } as never);
    expect(await loadSettings(db)).toMatchObject({ newCardsPerDay: 5, examDates: { cism: null, cissp: null }, pacingBufferDays: 14 });
  });
});
