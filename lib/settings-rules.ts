/**
 * The one definition of each setting's range and name: the settings form, the exam-plan form,
 * the backup parser and the "use N new cards a day" action all read it, so a range can never
 * differ between the screen that sets a value and the file that restores it.
 */
import type { StudySettings } from './model';

export interface NumberRule {
  /** How messages name the setting. */
  label: string;
  min: number;
  max: number;
  integer: boolean;
}

type NumericSetting = 'desiredRetention' | 'maximumIntervalDays' | 'newCardsPerDay' | 'reviewsPerDay' | 'dayStartHour' | 'pacingBufferDays' | 'leechLapses';

export const NUMBER_RULES: Record<NumericSetting, NumberRule> = {
  desiredRetention: { label: 'Desired retention', min: 0.7, max: 0.99, integer: false },
  maximumIntervalDays: { label: 'Maximum interval', min: 1, max: 36500, integer: true },
  newCardsPerDay: { label: 'New cards per day', min: 0, max: 9999, integer: true },
  reviewsPerDay: { label: 'Reviews per day', min: 0, max: 99999, integer: true },
  dayStartHour: { label: 'Start of the study day', min: 0, max: 23, integer: true },
  pacingBufferDays: { label: 'Review days before the exam', min: 0, max: 365, integer: true },
  leechLapses: { label: 'Leech threshold', min: 0, max: 99, integer: true },
} satisfies Partial<Record<keyof StudySettings, NumberRule>>;

/** Learning and relearning steps: at most this many, each like 1m, 10m, 1h or 1d. */
export const MAX_STEPS = 10;
export const STEP_PATTERN = /^(\d+(?:\.\d+)?)(m|h|d)$/;

/** "0–365", for hints next to a field. */
export function rangeText(rule: NumberRule): string {
  return `${rule.min}–${rule.max}`;
}
