import { describe, expect, it } from 'vitest';
import { importParts, type ImportRows } from '@/lib/import/cards-of-draft';
import type { DraftCard, ImportDraft } from '@/lib/import/draft';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY, T0 } from '../../helpers/cards';

const card = (note: number, answers: number): DraftCard => ({
  deckKey: note % 2 ? '1' : '2',
  front: `Front ${note}`,
  back: `Back ${note}`,
  tags: [],
  origin: { kind: 'anki', noteId: String(note), ord: 0 },
  suspended: false,
  buried: false,
  flag: 0,
  answers: Array.from({ length: answers }, (_, i) => ({ at: T0 - (20 - 3 * i) * DAY, grade: i === 2 ? Grade.Again : Grade.Good, durationMs: 5000 })),
});

const draft: ImportDraft = {
  kind: 'anki',
  fileName: 'parts.apkg',
  decks: [
    { key: '1', path: ['CISSP'] },
    { key: '2', path: ['CISSP', 'Domain 3'] },
  ],
  cards: [card(1, 3), card(2, 0), card(3, 5), card(4, 1), card(5, 4), card(6, 2), card(7, 0)],
  media: [],
  skipped: [],
};
const stored = { decks: [], cardIds: new Set(['anki-4-0']), nextOrder: 10_000_000 };
const scheduler = createScheduler(DEFAULT_SETTINGS);
const opts = { now: T0, dayStartHour: 4 };

describe('an import draft as rows, in parts', () => {
  it('gives in parts exactly the rows it gives at once: decks in the first part, each part at most the size asked', () => {
    const atOnce = [...importParts(draft, stored, scheduler, opts, Infinity)];
    expect(atOnce).toHaveLength(1);
    const whole = atOnce[0]!;
    const parts = [...importParts(draft, stored, scheduler, opts, 2)];
    expect(parts.map((p) => p.cards.length)).toEqual([2, 2, 2]);
    expect(parts.map((p) => p.decks.length)).toEqual([2, 0, 0]);
    const joined: ImportRows = {
      decks: parts.flatMap((p) => p.decks),
      cards: parts.flatMap((p) => p.cards),
      reviews: parts.flatMap((p) => p.reviews),
      alreadyHere: parts.reduce((n, p) => n + p.alreadyHere, 0),
    };
    expect(joined).toEqual(whole);
    expect(whole.alreadyHere).toBe(1);
    expect(whole.reviews).toHaveLength(3 + 5 + 4 + 2);
    // Each part carries the answers of its own cards.
    for (const p of parts) expect(new Set(p.reviews.map((r) => r.cardId))).toEqual(new Set(p.cards.filter((c) => c.reps > 0).map((c) => c.id)));
  });

  it('gives one part with the decks when no card is new', () => {
    const parts = [...importParts(draft, { ...stored, cardIds: new Set(draft.cards.map((c) => `anki-${(c.origin as { noteId: string }).noteId}-0`)) }, scheduler, opts, 2)];
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ cards: [], reviews: [], alreadyHere: 7 });
    expect(parts[0]!.decks).toHaveLength(2);
  });
});
