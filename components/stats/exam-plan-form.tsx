'use client';

import { type ChangeEvent, type FormEvent, useState } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { saveExamPlan } from '@/lib/db/stats';
import type { StudySettings } from '@/lib/model';
import { NUMBER_RULES, rangeText } from '@/lib/settings-rules';
import { TextField } from '../ui/text-field';
import { examPlanToForm, type ExamPlanValues, parseExamPlanForm, UNREADABLE_DATE } from '@/lib/stats/exam-plan';

const FIELDS: { name: keyof ExamPlanValues; label: string; hint: string }[] = [
  { name: 'cism', label: 'CISM exam date', hint: 'Leave empty if you are not taking the CISM.' },
  { name: 'cissp', label: 'CISSP exam date', hint: 'Leave empty if you are not taking the CISSP.' },
  { name: 'pacingBufferDays', label: 'Days before the exam kept for review', hint: `Pacing plans to show you every card this many days before the exam (${rangeText(NUMBER_RULES.pacingBufferDays)}).` },
];

/** Exam dates and the pacing buffer. Nothing is stored unless every field is valid. */
export function ExamPlanForm({ db, settings, today }: { db: StudyDb; settings: StudySettings; today: string }) {
  const [values, setValues] = useState<ExamPlanValues>(() => examPlanToForm(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof ExamPlanValues, string>>>({});
  const [status, setStatus] = useState<string | null>(null);

  function change(name: keyof ExamPlanValues, e: ChangeEvent<HTMLInputElement>) {
    // A date field the browser cannot read reports an empty value; keep that apart from "cleared".
    const value = e.target.type === 'date' && e.target.validity.badInput ? UNREADABLE_DATE : e.target.value;
    setValues((v) => ({ ...v, [name]: value }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = parseExamPlanForm(values, today);
    if (!result.ok) {
      setErrors(result.errors);
      setStatus('Nothing was saved: please correct the fields marked below.');
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(`exam-${first}`)?.focus();
      return;
    }
    setErrors({});
    try {
      await saveExamPlan(db, result.plan);
      setStatus('Exam plan saved.');
    } catch (err) {
      setStatus(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="card-surface no-print space-y-4 p-5" aria-labelledby="exam-plan-heading" data-testid="exam-plan">
      <h2 id="exam-plan-heading" className="text-lg font-semibold">Your exam plan</h2>
      <div className="grid gap-4 sm:grid-cols-3">
        {FIELDS.map((f) => {
          const isDate = f.name !== 'pacingBufferDays';
          return (
            <TextField
              key={f.name}
              id={`exam-${f.name}`}
              name={f.name}
              label={f.label}
              hint={f.hint}
              error={errors[f.name]}
              type={isDate ? 'date' : 'text'}
              inputMode={isDate ? undefined : 'numeric'}
              value={values[f.name] === UNREADABLE_DATE ? '' : values[f.name]}
              onChange={(e) => change(f.name, e)}
            />
          );
        })}
      </div>
      <button type="submit" className="btn btn-primary">Save exam plan</button>
      {status && <p role="status" className="font-medium">{status}</p>}
    </form>
  );
}
