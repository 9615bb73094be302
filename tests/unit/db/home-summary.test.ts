import { describe, expect, it } from 'vitest';
import { answerCard } from '@/lib/db/answer-transactions';
import { loadHomeSummary } from '@/lib/db/home-summary';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY, T0 } from '../../helpers/cards';
import { seed, seedTree } from '../../helpers/query-seeds';

const settings = { ...DEFAULT_SETTINGS, newCardsPerDay: 2, reviewsPerDay: 2, fuzz: false };

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
    // "All decks" adds up every deck (read deck by deck: there is no index on the queue alone).
    const roomy = await loadHomeSummary(db, { ...settings, newCardsPerDay: 50, reviewsPerDay: 50 }, T0 + 1);
    const sum = (k: 'newCards' | 'learning' | 'review') => roomy.decks.reduce((n, d) => n + d.today[k], 0);
    expect(sum('newCards')).toBeGreaterThan(2);
    expect(roomy.all).toEqual({ newCards: sum('newCards'), learning: sum('learning'), review: sum('review') });
  });
});

describe('an imported deck tree (Anki subdecks)', () => {
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
