import { describe, expect, it } from 'vitest';
import { finishDayAt, pacingOf } from '@/lib/stats/pacing';

describe('exam-date pacing', () => {
  it('spreads the unseen cards over the days up to the buffer, today included', () => {
    // exam 18 Dec, buffer 14 → deadline 4 Dec; 24 Nov … 4 Dec is 11 days; ceil(100 / 11) = 10
    expect(pacingOf(100, '2026-11-24', '2026-12-18', 14)).toEqual({
      status: 'plan', unseen: 100, examDate: '2026-12-18', daysToExam: 24, deadline: '2026-12-04', daysLeft: 11, perDay: 10,
    });
    // exactly divisible: 110 / 11 = 10, 111 / 11 → 11
    expect(pacingOf(110, '2026-11-24', '2026-12-18', 14)).toMatchObject({ perDay: 10 });
    expect(pacingOf(111, '2026-11-24', '2026-12-18', 14)).toMatchObject({ perDay: 11 });
  });

  it('with the deadline today, asks for everything today', () => {
    expect(pacingOf(37, '2026-11-24', '2026-12-08', 14)).toMatchObject({ status: 'plan', daysLeft: 1, perDay: 37 });
  });

  it('inside the buffer, falls back to the days before the exam day', () => {
    // exam in 5 days, buffer 14: deadline passed; 24–28 Nov = 5 days → ceil(12 / 5) = 3
    expect(pacingOf(12, '2026-11-24', '2026-11-29', 14)).toMatchObject({ status: 'late', daysLeft: 5, perDay: 3, deadline: '2026-11-15' });
    // exam today: one day left
    expect(pacingOf(12, '2026-11-24', '2026-11-24', 14)).toMatchObject({ status: 'late', perDay: 12 });
  });

  it('reports no date, a passed exam, and nothing left to see', () => {
    expect(pacingOf(5, '2026-11-24', null, 14)).toEqual({ status: 'no-date', unseen: 5 });
    expect(pacingOf(5, '2026-11-24', '2026-11-23', 14)).toMatchObject({ status: 'exam-passed' });
    expect(pacingOf(0, '2026-11-24', '2027-01-01', 14)).toMatchObject({ status: 'done', daysToExam: 38 });
  });

  it('projects the last day of new cards at a given daily limit', () => {
    expect(finishDayAt(100, 20, '2026-11-24')).toBe('2026-11-28'); // 5 days: 24…28
    expect(finishDayAt(101, 20, '2026-11-24')).toBe('2026-11-29');
    expect(finishDayAt(10, 0, '2026-11-24')).toBeNull();
    expect(finishDayAt(0, 0, '2026-11-24')).toBe('2026-11-24');
  });
});
