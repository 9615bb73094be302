import { describe, expect, it } from 'vitest';
import { previousDay, streakOf, studyDayEnd, studyDayOf, studyDayStartAt } from '@/lib/study-day';

describe('study day', () => {
  it('counts an answer at 1 a.m. for the evening before when the day starts at 4', () => {
    expect(studyDayOf(Date.UTC(2026, 10, 25, 1, 0), 4)).toBe('2026-11-24');
    expect(studyDayOf(Date.UTC(2026, 10, 25, 4, 0), 4)).toBe('2026-11-25');
    expect(studyDayOf(Date.UTC(2026, 10, 25, 1, 0), 0)).toBe('2026-11-25');
  });

  it('gives the start and end of the study day around the boundary hour', () => {
    const at = Date.UTC(2026, 10, 25, 3, 59);
    expect(studyDayStartAt(at, 4)).toBe(Date.UTC(2026, 10, 24, 4));
    expect(studyDayEnd(at, 4)).toBe(Date.UTC(2026, 10, 25, 4));
    expect(studyDayStartAt(Date.UTC(2026, 10, 25, 4), 4)).toBe(Date.UTC(2026, 10, 25, 4));
  });

  it('steps back across month and year ends', () => {
    expect(previousDay('2026-03-01')).toBe('2026-02-28');
    expect(previousDay('2027-01-01')).toBe('2026-12-31');
  });

  it('counts a streak up to today, or up to yesterday while today is still open', () => {
    const days = new Set(['2026-11-21', '2026-11-22', '2026-11-23']);
    expect(streakOf(days, '2026-11-24')).toBe(3);
    expect(streakOf(new Set([...days, '2026-11-24']), '2026-11-24')).toBe(4);
    expect(streakOf(days, '2026-11-25')).toBe(0);
    expect(streakOf(new Set(), '2026-11-25')).toBe(0);
  });
});
