/**
 * Validates the exam-plan form (exam dates and the pacing buffer). Every field gets its own
 * message; nothing is returned to store unless every field is valid.
 */
import type { CertificationId } from '../decks/types';
import type { StudySettings } from '../model';
import { NUMBER_RULES } from '../settings-rules';
import { daysBetween, isCalendarDay } from '../study-day';

export interface ExamPlanValues {
  cism: string;
  cissp: string;
  pacingBufferDays: string;
}

/** Set by the form when the browser's date field holds something it cannot read as a date. */
export const UNREADABLE_DATE = '\u0000unreadable';

export type ExamPlanResult =
  | { ok: true; plan: Pick<StudySettings, 'examDates' | 'pacingBufferDays'> }
  | { ok: false; errors: Partial<Record<keyof ExamPlanValues, string>> };

const MAX_YEARS_AHEAD = 5;

export function examPlanToForm(s: Pick<StudySettings, 'examDates' | 'pacingBufferDays'>): ExamPlanValues {
  return { cism: s.examDates.cism ?? '', cissp: s.examDates.cissp ?? '', pacingBufferDays: String(s.pacingBufferDays) };
}

function examDate(text: string, label: string, today: string): string | null | { error: string } {
  const t = text.trim();
  if (t === '') return null;
  if (t === UNREADABLE_DATE || !isCalendarDay(t)) {
    return { error: `${label} exam date is not a valid date. Pick a day, or write it as YYYY-MM-DD (for example 2027-03-15).` };
  }
  if (daysBetween(today, t) < 0) return { error: `${label} exam date ${t} is in the past. Choose today or a later day, or clear the field.` };
  if (daysBetween(today, t) > MAX_YEARS_AHEAD * 366) return { error: `${label} exam date ${t} is more than ${MAX_YEARS_AHEAD} years away. Check the year.` };
  return t;
}

/** @example parseExamPlanForm({ cism: '', cissp: '2027-03-15', pacingBufferDays: '14' }, '2026-11-24') */
export function parseExamPlanForm(values: ExamPlanValues, today: string): ExamPlanResult {
  const errors: Partial<Record<keyof ExamPlanValues, string>> = {};
  const dates = {} as Record<CertificationId, string | null>;
  for (const [cert, label] of [['cism', 'The CISM'], ['cissp', 'The CISSP']] as const) {
    const d = examDate(values[cert], label, today);
    if (d !== null && typeof d === 'object') errors[cert] = d.error;
    else dates[cert] = d;
  }
  const b = values.pacingBufferDays.trim();
  const rule = NUMBER_RULES.pacingBufferDays;
  let buffer = 0;
  if (!/^\d+$/.test(b)) errors.pacingBufferDays = `${rule.label} must be a whole number of days, like 14.`;
  else if ((buffer = Number(b)) > rule.max || buffer < rule.min) errors.pacingBufferDays = `${rule.label} must be between ${rule.min} and ${rule.max}.`;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, plan: { examDates: dates, pacingBufferDays: buffer } };
}

/** A stored exam date, or null when it is missing or not a date (old or imported settings). */
export function examDateOf(settings: Pick<StudySettings, 'examDates'>, cert: CertificationId): string | null {
  const d = settings.examDates?.[cert];
  return typeof d === 'string' && isCalendarDay(d) ? d : null;
}
