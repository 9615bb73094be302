import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/model';
import { parseSettingsForm, settingsToForm } from '@/lib/settings-form';
import { NUMBER_RULES } from '@/lib/settings-rules';
import { parseExamPlanForm } from '@/lib/stats/exam-plan';

describe('one range per setting', () => {
  it.each(['desiredRetention', 'maximumIntervalDays', 'newCardsPerDay', 'reviewsPerDay', 'dayStartHour'] as const)(
    'the settings form accepts %s at both ends of its rule and refuses just outside',
    (key) => {
      const rule = NUMBER_RULES[key];
      const form = (v: number) => parseSettingsForm({ ...settingsToForm(DEFAULT_SETTINGS), [key]: String(v) }, DEFAULT_SETTINGS);
      expect(form(rule.min).ok).toBe(true);
      expect(form(rule.max).ok).toBe(true);
      const step = rule.integer ? 1 : 0.01;
      for (const v of [rule.min - step, rule.max + step]) {
        const r = form(Number(v.toFixed(2)));
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors[key]).toBe(`${rule.label} must be between ${rule.min} and ${rule.max}.`);
      }
    },
  );

  it('the exam plan takes its buffer range from the same rule', () => {
    const rule = NUMBER_RULES.pacingBufferDays;
    expect(parseExamPlanForm({ cism: '', cissp: '', pacingBufferDays: String(rule.max) }, '2026-12-01').ok).toBe(true);
    const r = parseExamPlanForm({ cism: '', cissp: '', pacingBufferDays: String(rule.max + 1) }, '2026-12-01');
    expect(r.ok ? null : r.errors.pacingBufferDays).toBe(`Review days before the exam must be between ${rule.min} and ${rule.max}.`);
  });
});
