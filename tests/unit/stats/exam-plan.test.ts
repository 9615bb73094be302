import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { addDays, daysBetween, isCalendarDay, studyDayStartOn } from '@/lib/study-day';
import { examDateOf, examPlanToForm, parseExamPlanForm, UNREADABLE_DATE } from '@/lib/stats/exam-plan';

const today = '2026-11-24';

describe('exam plan form', () => {
  it('accepts dates from today on, empty fields as "no exam", and a buffer of 0–365 days', () => {
    expect(parseExamPlanForm({ cism: '', cissp: ' 2027-03-15 ', pacingBufferDays: '21' }, today)).toEqual({
      ok: true, plan: { examDates: { cism: null, cissp: '2027-03-15' }, pacingBufferDays: 21 },
    });
    expect(parseExamPlanForm({ cism: today, cissp: '', pacingBufferDays: '0' }, today)).toMatchObject({ ok: true });
  });

  it('names each bad field and returns nothing to store', () => {
    const r = parseExamPlanForm({ cism: '2027-02-30', cissp: '2026-11-23', pacingBufferDays: 'two weeks' }, today);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.cism).toMatch(/CISM exam date is not a valid date/);
    expect(r.errors.cissp).toMatch(/2026-11-23 is in the past/);
    expect(r.errors.pacingBufferDays).toMatch(/whole number/);
    expect(parseExamPlanForm({ cism: UNREADABLE_DATE, cissp: '', pacingBufferDays: '14' }, today)).toMatchObject({ ok: false, errors: { cism: expect.stringMatching(/not a valid date/) } });
    expect(parseExamPlanForm({ cism: '', cissp: '2036-01-01', pacingBufferDays: '400' }, today)).toMatchObject({
      ok: false, errors: { cissp: expect.stringMatching(/more than 5 years/), pacingBufferDays: expect.stringMatching(/between 0 and 365/) },
    });
  });

  it('round-trips the defaults and ignores a stored date that is not a date', () => {
    expect(parseExamPlanForm(examPlanToForm(DEFAULT_SETTINGS), today)).toEqual({ ok: true, plan: { examDates: { cism: null, cissp: null }, pacingBufferDays: 14 } });
    expect(examDateOf({ examDates: { cism: 'soon', cissp: '2027-01-05' } }, 'cism')).toBeNull();
    expect(examDateOf({ examDates: { cism: 'soon', cissp: '2027-01-05' } }, 'cissp')).toBe('2027-01-05');
    expect(examDateOf({} as never, 'cissp')).toBeNull();
  });
});

describe('calendar days', () => {
  it('steps across month, year and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2026-11-24', '2027-11-24')).toBe(365);
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2027-02-29')).toBe(false);
    expect(isCalendarDay('2027-1-05')).toBe(false);
  });

  it('computes the exam moment as the start of that study day', () => {
    expect(studyDayStartOn('2027-03-15', 4)).toBe(Date.UTC(2027, 2, 15, 4));
  });
});
