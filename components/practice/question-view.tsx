'use client';

import { forwardRef } from 'react';
import { OPTION_LETTERS } from '@/lib/practice/letters';
import type { Question } from '@/lib/practice/questions';
import { Markdown } from '../ui/markdown';

/**
 * A practice question: its stem and four options. Before the answer is locked the options are
 * buttons (pressed = chosen); once feedback is due, each option says whether it is right and why.
 * Each option's accessible name starts with its letter, as on screen.
 */
export const QuestionView = forwardRef<
  HTMLHeadingElement,
  {
    question: Question;
    number: number;
    total: number | string;
    choice: number | null;
    showFeedback: boolean;
    onChoose: (i: number) => void;
  }
>(function QuestionView({ question, number, total, choice, showFeedback, onChoose }, headingRef) {
  return (
    <article className="card-surface p-5" aria-labelledby="question-heading" data-testid="question" data-question-id={question.id}>
      <h2 id="question-heading" ref={headingRef} tabIndex={-1} className="muted text-sm font-normal">
        Question {number} of {total} <span className="sr-only">·</span> <span className="ml-2">{question.label}</span>
      </h2>
      <Markdown text={question.stem} className="mt-2 text-lg leading-relaxed" />
      {showFeedback ? (
        <Feedback question={question} choice={choice} />
      ) : (
        <fieldset className="mt-4">
          <legend className="muted text-sm">Choose an answer (keys 1–4 or A–D)</legend>
          <div className="mt-2 grid gap-2">
            {question.options.map((o, i) => (
              <button
                key={i}
                type="button"
                aria-pressed={choice === i}
                aria-keyshortcuts={`${i + 1} ${OPTION_LETTERS[i]}`}
                onClick={() => onChoose(i)}
                data-testid={`option-${i}`}
                className={`btn justify-start text-left ${choice === i ? 'border-2 border-indigo-700 bg-indigo-50 dark:border-indigo-300 dark:bg-indigo-950' : ''}`}
              >
                <span className="w-6 shrink-0 self-start font-semibold">{OPTION_LETTERS[i]}</span>
                <span className="flex-1">
                  {o.text}
                  {/* Below the text, not beside it: a phone has no width to spare. */}
                  {choice === i && <span className="mt-1 block text-sm font-semibold">✓ Chosen</span>}
                </span>
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </article>
  );
});

/** Every option with its verdict and the reason, from the facts of the concept it names. */
export function Feedback({ question, choice }: { question: Question; choice: number | null }) {
  return (
    <ol className="mt-4 space-y-3" aria-label="Options with explanations" data-testid="feedback">
      {question.options.map((o, i) => {
        const right = i === question.answer;
        const mine = i === choice;
        const verdict = right ? (mine ? '✓ Right answer, your choice' : '✓ Right answer') : mine ? '✗ Your choice, wrong' : '';
        return (
          <li
            key={i}
            className={`rounded-lg border p-3 ${right ? 'border-2 border-green-700 dark:border-green-400' : mine ? 'border-2 border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600'}`}
          >
            {verdict && <p className="mb-1 text-sm font-semibold">{verdict}</p>}
            <p className="flex gap-2">
              <span className="w-6 shrink-0 font-semibold">{OPTION_LETTERS[i]}</span>
              <span className="flex-1">{o.text}</span>
            </p>
            <Markdown text={o.why} className="muted mt-1 text-sm leading-relaxed" />
          </li>
        );
      })}
    </ol>
  );
}
