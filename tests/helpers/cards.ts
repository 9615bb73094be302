import type { GeneratedDecks } from '@/lib/decks/types';
import { type StudyCard, withQueueFields } from '@/lib/model';
import { newMemoryState } from '@/lib/scheduler';
import { readCard, storeCards } from '@/lib/db/card-store';
import type { StudyDb } from '@/lib/db/schema';

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

/** Changes some fields of one stored card, as a test's setup does (like Dexie's `update`: nothing else is recomputed). */
export async function updateCard(db: StudyDb, id: string, changes: Partial<StudyCard>): Promise<number> {
  const card = await readCard(db, id);
  if (!card) return 0;
  await storeCards(db, [{ ...card, ...changes }]);
  return 1;
}
