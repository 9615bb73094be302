import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { parseSettingsForm, settingsToForm } from '@/lib/settings-form';

const form = settingsToForm(DEFAULT_SETTINGS);

describe('parseSettingsForm', () => {
  it('round-trips the defaults', () => {
    expect(parseSettingsForm(form, DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('accepts a valid change', () => {
    const r = parseSettingsForm({ ...form, desiredRetention: '0.85', learningSteps: '2m, 15m 1h', fuzz: false }, DEFAULT_SETTINGS);
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, desiredRetention: 0.85, learningSteps: ['2m', '15m', '1h'], fuzz: false } });
  });

  it.each([
    ['desiredRetention', '0.5', 'Desired retention must be between 0.7 and 0.99.'],
    ['desiredRetention', 'ninety', 'Desired retention must be a number, like 0.70.'],
    ['newCardsPerDay', '2.5', 'New cards per day must be a whole number.'],
    ['newCardsPerDay', '', 'New cards per day is required.'],
    ['reviewsPerDay', '-1', 'Reviews per day must be between 0 and 99999.'],
    ['dayStartHour', '24', 'Start of the study day must be between 0 and 23.'],
    ['maximumIntervalDays', '0', 'Maximum interval must be between 1 and 36500.'],
    ['learningSteps', '1m 10x', 'Learning steps: "10x" is not a step. Write steps like 1m 10m 1h 1d, separated by spaces.'],
  ] as const)('explains a bad %s (%s)', (field, value, message) => {
    expect(parseSettingsForm({ ...form, [field]: value }, DEFAULT_SETTINGS)).toEqual({ ok: false, errors: { [field]: message } });
  });
});
