import type { GeneratedDecks } from '@/lib/decks/types';
import { type StudyCard, withQueueFields } from '@/lib/model';
import { newMemoryState } from '@/lib/scheduler';

export const T0 = Date.UTC(2026, 10, 24, 12, 0, 0); // 24 Nov 2026, 12:00 UTC (tests run in TZ=UTC)
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function makeCard(overrides: Partial<StudyCard> & { id: string }): StudyCard {
  return withQueueFields({
    deckId: 'deck-a',
    template: 'test',
    factKey: overrides.id,
    front: `Question ${overrides.id}`,
    back: `Answer ${overrides.id}`,
    tags: [],
    order: 0,
    ...newMemoryState(T0 - DAY),
    suspended: false,
    retired: false,
    queue: 'new',
    rank: 0,
    rev: 0,
    ...overrides,
  });
}

export function makeGenerated(cardCount: number, deckIds = ['deck-a', 'deck-b']): GeneratedDecks {
  return {
    formatVersion: 1,
    decks: deckIds.map((id) => ({ id, name: `Deck ${id}`, description: `About ${id}` })),
    cards: Array.from({ length: cardCount }, (_, i) => ({
      id: `card-${i}`,
      deckId: deckIds[i % deckIds.length]!,
      template: 'test',
      factKey: `fact-${i}`,
      front: `Question ${i}`,
      back: `Answer ${i}`,
      tags: [`domain:test/${i % 3}`],
      order: i,
    })),
    domains: [],
  };
}
