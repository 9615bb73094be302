import { describe, expect, it } from 'vitest';
import { answersOf, historiesOf, memoryAt, type ReplayAhead, replayHistories, replaySettingsKey, sameBasis } from '@/lib/import/replay-ahead';
import { replayAnswers, replayStart } from '@/lib/import/cards-of-draft';
import type { DraftAnswer } from '@/lib/import/draft';
import { DEFAULT_SETTINGS, Grade, type MemoryState, type ReviewEntry } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY, T0 } from '../../helpers/cards';

const answers = (n: number, from = T0 - 30 * DAY): DraftAnswer[] =>
  Array.from({ length: n }, (_, i) => ({ at: from + i * 3 * DAY + i, grade: ([Grade.Good, Grade.Again, Grade.Hard, Grade.Easy] as const)[i % 4]!, durationMs: 1000 + i }));

describe('histories as columns', () => {
  it('come back as the answers they were made from; cards never answered are left out', () => {
    const given: [string, DraftAnswer[]][] = [['a', answers(3)], ['b', []], ['c', answers(1)]];
    expect(answersOf(historiesOf(given))).toEqual(new Map([['a', given[0]![1]], ['c', given[2]![1]]]));
  });

  it('leave out a card id given twice: which history is its own is unknown', () => {
    expect([...answersOf(historiesOf([['a', answers(2)], ['b', answers(1)], ['a', answers(4)]])).keys()]).toEqual(['b']);
  });
});

describe('replaying histories ahead', () => {
  it('gives each card the memory and answers a replay during the import gives, part by part, numbers kept bit for bit', () => {
    const scheduler = createScheduler(DEFAULT_SETTINGS);
    const given: [string, DraftAnswer[]][] = Array.from({ length: 7 }, (_, i) => [`anki-${i}-0`, answers(1 + i)]);
    const parts: { ids: string[]; memories: MemoryState[] }[] = [];
    const replayed = replayHistories(historiesOf(given), scheduler, T0, 4, (p) => parts.push({ ids: p.cardIds, memories: p.cardIds.map((_, i) => memoryAt(p.memories, i)) }), 3);
    expect(parts.map((p) => p.ids.length)).toEqual([3, 3, 1]);
    const fromParts = new Map(parts.flatMap((p) => p.ids.map((id, i) => [id, p.memories[i]!] as const)));
    for (const [id, list] of given) {
      const reviews: ReviewEntry[] = [];
      const memory = replayAnswers(scheduler, id, '', list, replayStart(list, T0), 4, reviews);
      expect(replayed.get(id)).toEqual({ memory, reviews });
      expect(fromParts.get(id)).toEqual(memory);
    }
    // A card never reviewed keeps a null last review through the columns.
    expect(memoryAt(new Float64Array([1, 0, 0, 0, 0, 0, 0, 0, 0, NaN]), 0).lastReview).toBeNull();
  });
});

describe('whether a replay made ahead holds', () => {
  const ahead = (over: Partial<ReplayAhead> = {}): ReplayAhead => ({
    basis: { settings: replaySettingsKey(DEFAULT_SETTINGS), now: T0 },
    cards: { cardIds: ['a', 'b'], deckIds: ['d1', 'd2'] },
    replayed: new Set(['a']),
    memories: () => Promise.reject(new Error('unused')),
    packed: () => Promise.reject(new Error('unused')),
    ...over,
  });
  const cards = { cardIds: ['a', 'b'], deckIds: ['d1', 'd2'] };
  const key = replaySettingsKey(DEFAULT_SETTINGS);

  it('holds for the same settings, the same cards in the same decks, and answers up to its time', () => {
    expect(sameBasis(ahead(), key, cards, [answers(2, T0 - DAY), []])).toBe(true);
  });

  it('does not hold for other settings, another deck, another card, a card it did not replay, or an answer after its time', () => {
    expect(sameBasis(ahead(), replaySettingsKey({ ...DEFAULT_SETTINGS, dayStartHour: 5 }), cards, [answers(1), []])).toBe(false);
    expect(sameBasis(ahead(), key, { cardIds: ['a', 'b'], deckIds: ['d1', 'other'] }, [answers(1), []])).toBe(false);
    expect(sameBasis(ahead(), key, { cardIds: ['a', 'c'], deckIds: ['d1', 'd2'] }, [answers(1), []])).toBe(false);
    expect(sameBasis(ahead(), key, cards, [answers(1), answers(1)])).toBe(false);
    expect(sameBasis(ahead(), key, cards, [answers(1, T0 + 1), []])).toBe(false);
  });
});
