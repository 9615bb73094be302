/**
 * Validates the settings form. Every field gets its own message in the learner's words, and
 * nothing is returned as settings unless every field is valid.
 */
import type { StepText, StudySettings } from './model';
import { MAX_STEPS, NUMBER_RULES, type NumberRule, STEP_PATTERN } from './settings-rules';

export type SettingsFormValues = Record<
  'desiredRetention' | 'maximumIntervalDays' | 'newCardsPerDay' | 'reviewsPerDay' | 'learningSteps' | 'relearningSteps' | 'dayStartHour' | 'leechLapses',
  string
> & { fuzz: boolean };

export type SettingsFormResult =
  | { ok: true; settings: StudySettings }
  | { ok: false; errors: Partial<Record<keyof SettingsFormValues, string>> };

export function settingsToForm(s: StudySettings): SettingsFormValues {
  return {
    desiredRetention: String(s.desiredRetention),
    maximumIntervalDays: String(s.maximumIntervalDays),
    newCardsPerDay: String(s.newCardsPerDay),
    reviewsPerDay: String(s.reviewsPerDay),
    learningSteps: s.learningSteps.join(' '),
    relearningSteps: s.relearningSteps.join(' '),
    dayStartHour: String(s.dayStartHour),
    leechLapses: String(s.leechLapses),
    fuzz: s.fuzz,
  };
}

function number(text: string, { label, min, max, integer }: NumberRule): number | string {
  const t = text.trim();
  if (t === '') return `${label} is required.`;
  if (!/^-?\d+(\.\d+)?$/.test(t)) return `${label} must be a number, like ${integer ? min : min.toFixed(2)}.`;
  const n = Number(t);
  if (integer && !Number.isInteger(n)) return `${label} must be a whole number.`;
  if (n < min || n > max) return `${label} must be between ${min} and ${max}.`;
  return n;
}

function steps(text: string, label: string): StepText[] | string {
  const parts = text.trim().split(/[\s,]+/).filter(Boolean);
  if (parts.length > MAX_STEPS) return `${label}: at most ${MAX_STEPS} steps.`;
  for (const p of parts) {
    const m = STEP_PATTERN.exec(p);
    if (!m || Number(m[1]) <= 0) return `${label}: "${p}" is not a step. Write steps like 1m 10m 1h 1d, separated by spaces.`;
  }
  return parts as StepText[];
}

/** @example parseSettingsForm(settingsToForm(DEFAULT_SETTINGS), DEFAULT_SETTINGS) */
export function parseSettingsForm(values: SettingsFormValues, current: StudySettings): SettingsFormResult {
  const errors: Partial<Record<keyof SettingsFormValues, string>> = {};
  const take = <T>(key: keyof SettingsFormValues, v: T | string): T | undefined => {
    if (typeof v === 'string') {
      errors[key] = v;
      return undefined;
    }
    return v;
  };
  const desiredRetention = take<number>('desiredRetention', number(values.desiredRetention, NUMBER_RULES.desiredRetention));
  const maximumIntervalDays = take<number>('maximumIntervalDays', number(values.maximumIntervalDays, NUMBER_RULES.maximumIntervalDays));
  const newCardsPerDay = take<number>('newCardsPerDay', number(values.newCardsPerDay, NUMBER_RULES.newCardsPerDay));
  const reviewsPerDay = take<number>('reviewsPerDay', number(values.reviewsPerDay, NUMBER_RULES.reviewsPerDay));
  const dayStartHour = take<number>('dayStartHour', number(values.dayStartHour, NUMBER_RULES.dayStartHour));
  const leechLapses = take<number>('leechLapses', number(values.leechLapses, NUMBER_RULES.leechLapses));
  const learningSteps = take<StepText[]>('learningSteps', steps(values.learningSteps, 'Learning steps'));
  const relearningSteps = take<StepText[]>('relearningSteps', steps(values.relearningSteps, 'Relearning steps'));
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...current,
      desiredRetention: desiredRetention!,
      maximumIntervalDays: maximumIntervalDays!,
      newCardsPerDay: newCardsPerDay!,
      reviewsPerDay: reviewsPerDay!,
      dayStartHour: dayStartHour!,
      leechLapses: leechLapses!,
      learningSteps: learningSteps!,
      relearningSteps: relearningSteps!,
      fuzz: values.fuzz,
    },
  };
}
