'use client';

import { useEffect, useRef, useState } from 'react';
import { type Attempt, progressOf } from '@/lib/practice/attempt';

/** The mock's review screen: every question's state, a way to each, and the submit button. */
export function ReviewPanel({ attempt, onGo, onSubmit }: { attempt: Attempt; onGo: (i: number) => void; onSubmit: () => void }) {
  const p = progressOf(attempt);
  const [sure, setSure] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card-surface p-5" aria-labelledby="review-heading" data-testid="review">
      <h2 id="review-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Review before submitting
      </h2>
      <p className="mt-1">
        {p.answered} of {attempt.questions.length} answered · {p.unanswered.length} unanswered · {p.flagged.length} flagged
      </p>
      <ol className="mt-4 grid grid-cols-5 gap-2 sm:grid-cols-10" aria-label="Questions">
        {attempt.responses.map((r, i) => {
          const state = `${r.choice === null ? 'unanswered' : 'answered'}${r.flagged ? ', flagged' : ''}`;
          return (
            <li key={i}>
              <button
                type="button"
                className={`btn w-full px-1 text-sm ${r.choice === null ? 'border-dashed' : ''}`}
                onClick={() => onGo(i)}
                aria-label={`${i + 1}, ${state}`}
                title={`Question ${i + 1}: ${state}`}
              >
                {i + 1}
                {r.flagged && <span aria-hidden="true">⚑</span>}
                {r.choice === null && <span aria-hidden="true">·</span>}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="muted mt-2 text-sm">Dashed with a dot: unanswered. ⚑: flagged.</p>
      {!sure ? (
        <button type="button" className="btn btn-primary mt-4" onClick={() => setSure(true)}>
          Submit the exam
        </button>
      ) : (
        <div className="mt-4 rounded-lg border border-amber-600 p-3 dark:border-amber-400" role="alertdialog" aria-labelledby="submit-question">
          <p id="submit-question">
            Submit now? {p.unanswered.length ? `${p.unanswered.length} unanswered questions count as wrong.` : 'Every question is answered.'} You cannot change answers afterwards.
          </p>
          <div className="mt-2 flex gap-2">
            <button type="button" className="btn btn-primary" onClick={onSubmit} autoFocus>
              Yes, submit
            </button>
            <button type="button" className="btn" onClick={() => setSure(false)}>
              Not yet
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
