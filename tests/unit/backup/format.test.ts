import { describe, expect, it } from 'vitest';
import { csvField, optimizerCsv, reviewLogCsv } from '@/lib/backup/csv';
import { REVIEW_COLUMN_NAMES, reviewToRow, rowToReview } from '@/lib/backup/format';
import { CardState, Grade, type ReviewEntry } from '@/lib/model';
import { packDay, unpackDay } from '@/lib/review-pack';
import { T0 } from '../../helpers/cards';

function review(overrides: Partial<ReviewEntry> & { id: string }): ReviewEntry {
  return {
    cardId: 'c1', deckId: 'd1', grade: Grade.Good, reviewedAt: T0, durationMs: 4321, day: '2026-11-24',
    stateBefore: CardState.Review, dueBefore: T0 - 1000, stabilityAfter: 12.345678901234567, difficultyAfter: 5.000000000000001,
    elapsedDays: 3, scheduledDays: 9,
    before: { due: T0 - 1000, stability: 4.2, difficulty: 5.1, elapsedDays: 0, scheduledDays: 3, learningSteps: 0, reps: 4, lapses: 1, state: CardState.Review, lastReview: T0 - 3 * 86_400_000 },
    ...overrides,
  };
}

describe('the review table of a backup', () => {
  it('has one column per stored field, and a row reads back as the same answer', () => {
    const r = review({ id: 'r1' });
    const row = reviewToRow(r);
    expect(row).toHaveLength(REVIEW_COLUMN_NAMES.length);
    expect(rowToReview(JSON.parse(JSON.stringify(row)))).toEqual(r);
  });
});

describe('a packed day', () => {
  it('gives back every answer bit for bit, in time order, including a missing last review', () => {
    const answers = [
      review({ id: 'b', reviewedAt: T0 + 5 }),
      review({ id: 'a', reviewedAt: T0 + 5, stateBefore: CardState.New, before: { ...review({ id: 'x' }).before, state: CardState.New, lastReview: null, reps: 0 } }),
      review({ id: 'c', reviewedAt: T0 + 1, stabilityAfter: Number.MIN_VALUE, difficultyAfter: 10 }),
    ];
    const pack = packDay('2026-11-24', answers);
    expect(pack.ids).toBe('c\na\nb');
    expect(pack.count).toBe(3);
    expect(unpackDay(structuredClone(pack))).toEqual([answers[2], answers[1], answers[0]]);
  });

  it('refuses an answer of another day, and an id that would break the id columns', () => {
    expect(() => packDay('2026-11-25', [review({ id: 'r1' })])).toThrow(/belongs to 2026-11-24/);
    expect(() => packDay('2026-11-24', [review({ id: 'r\n1' })])).toThrow(/line break/);
  });

  it('packs an empty day as empty columns', () => {
    expect(unpackDay(packDay('2026-11-24', []))).toEqual([]);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and keeps a formula from running', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField(-3)).toBe('-3');
  });

  it('writes the review log for spreadsheets: BOM, header, one row per answer, ISO times', () => {
    const text = reviewLogCsv([review({ id: 'r2', reviewedAt: T0 + 60_000, grade: Grade.Again }), review({ id: 'r1' })], () => ({ deck: 'CISM, domains', question: 'Who owns "risk"?' }));
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'card_id,deck,question,reviewed_at,rating,rating_name,state_before,elapsed_days,scheduled_days,answer_seconds',
      'c1,"CISM, domains","Who owns ""risk""?",2026-11-24T12:00:00.000Z,3,Good,Review,3,9,4.3',
      'c1,"CISM, domains","Who owns ""risk""?",2026-11-24T12:01:00.000Z,1,Again,Review,3,9,4.3',
      '',
    ]);
  });

  it('writes the optimizer\'s columns with numbered cards, in card then time order', () => {
    const text = optimizerCsv([
      review({ id: 'r3', cardId: 'zz', reviewedAt: T0 }),
      review({ id: 'r2', cardId: 'aa', reviewedAt: T0 + 5, grade: Grade.Hard, stateBefore: CardState.Learning, durationMs: 999.6 }),
      review({ id: 'r1', cardId: 'aa', reviewedAt: T0 }),
    ]);
    expect(text.split('\r\n')).toEqual([
      'card_id,review_time,review_rating,review_state,review_duration',
      `1,${T0},3,2,4321`,
      `1,${T0 + 5},2,1,1000`,
      `2,${T0},3,2,4321`,
      '',
    ]);
  });
});
