'use client';

import Link from 'next/link';
import { useEffect, useMemo, useRef, useState } from 'react';
import { deckManifest } from '@/lib/db/deck-manifest';
import { tagTitle } from '@/lib/decks/manifest';
import { ADAPTIVE } from '@/lib/practice/adaptive';
import type { Attempt, EndReason } from '@/lib/practice/attempt';
import { OPTION_LETTERS } from '@/lib/practice/letters';
import { EXAM_SCALE, scoreAttempt, type Tally } from '@/lib/practice/score';
import { Markdown } from '../ui/markdown';
import { Feedback } from './question-view';

const percent = (right: number, total: number) => (total ? Math.round((right / total) * 100) : 0);

const ENDED: Record<EndReason, string> = {
  submitted: 'You submitted it.',
  time: 'The time ran out, and it was submitted as it stood.',
  'confident-pass': 'The adaptive exam ended early: the estimate was clearly above the pass line.',
  'confident-fail': 'The adaptive exam ended early: the estimate was clearly below the pass line.',
  'last-question': 'It ran to its last question.',
};

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** A finished attempt: the score, the estimate on the exam's scale, per domain and sub-domain, time, and the questions missed. */
export function ResultsView({ attempt }: { attempt: Attempt }) {
  const score = useMemo(() => scoreAttempt(attempt), [attempt]);
  const scale = EXAM_SCALE[attempt.certification];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const isExam = attempt.mode !== 'quiz';

  return (
    <section className="space-y-6" aria-labelledby="results-heading" data-testid="results">
      <div className="card-surface p-5">
        <h1 id="results-heading" ref={heading} tabIndex={-1} className="text-xl font-semibold">
          Results: {attempt.title}
        </h1>
        <p className="mt-2 text-3xl font-bold" data-testid="score">
          {score.right} of {score.total} right ({percent(score.right, score.total)} %)
        </p>
        <p className="muted mt-1">
          {ENDED[attempt.endReason ?? 'submitted']} {score.answered < score.total ? `${score.total - score.answered} left unanswered (counted as wrong).` : ''}
        </p>
        {isExam && (
          <div className="mt-4 rounded-lg border border-slate-300 p-3 dark:border-slate-600" data-testid="estimate">
            <p className="font-semibold">
              Estimated scaled score: {score.scaled} (estimate) · pass line {scale.passLine} on the {scale.min}–{scale.max} scale ·{' '}
              {score.passed ? '✓ Estimated pass' : '✗ Estimated fail'}
            </p>
            <details className="mt-1 text-sm">
              <summary className="cursor-pointer">How this is estimated</summary>
              <p className="mt-1">
                {scale.name} reports a scaled score and passes at {scale.passLine}; {attempt.certification === 'cism' ? 'ISACA' : 'ISC2'} does not publish how right
                answers convert to it. This app assumes the pass line sits at {Math.round(scale.passShare * 100)} % right and scales linearly on each side of it.
                {attempt.mode === 'adaptive'
                  ? ` The adaptive exam ends between ${ADAPTIVE.minQuestions} and ${ADAPTIVE.maxQuestions} questions, once the 95 % interval of your share of right answers lies wholly above or below ${Math.round(ADAPTIVE.passShare * 100)} %. The real test weighs calibrated item difficulty; these questions are not calibrated.`
                  : ''}{' '}
                Treat it as a rough guide, not a prediction.
              </p>
            </details>
          </div>
        )}
        <p className="mt-3 text-sm">
          Time: {duration(score.time.totalMs)} in all · median {duration(score.time.medianMs)} per question · slowest {duration(score.time.slowestMs)}
        </p>
        <div className="mt-4 flex flex-wrap gap-2">
          {score.missed.length > 0 && (
            <Link className="btn btn-primary" href={`/study/?missed=${encodeURIComponent(attempt.id)}`}>
              Study what I missed
            </Link>
          )}
          <Link className="btn" href="/practice/">
            Practise again
          </Link>
          <Link className="btn" href="/stats/#practice-history">
            Practice history
          </Link>
        </div>
      </div>

      <TallyTable caption="By domain" rows={score.byDomain} name={(k) => tagTitle(deckManifest, `domain:${k}`)} testId="by-domain" />
      <details className="card-surface p-5">
        <summary className="cursor-pointer font-semibold">By sub-domain ({score.bySub.length})</summary>
        <TallyTable caption="By sub-domain" rows={score.bySub} name={(k) => tagTitle(deckManifest, `subdomain:${k}`)} testId="by-sub" plain />
      </details>

      <section className="card-surface p-5" aria-labelledby="missed-heading">
        <h2 id="missed-heading" className="text-lg font-semibold">
          Questions missed ({score.missed.length})
        </h2>
        {score.missed.length === 0 ? (
          <p className="mt-2">None. Well done.</p>
        ) : (
          <ol className="mt-3 space-y-3" data-testid="missed">
            {score.missed.map((i) => (
              <MissedQuestion key={i} attempt={attempt} index={i} />
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

/**
 * One missed question, closed at first. Its explanations are rendered only once opened: a mock
 * can miss dozens of questions, and rendering every option's reason up front slows the page.
 */
function MissedQuestion({ attempt, index }: { attempt: Attempt; index: number }) {
  const [open, setOpen] = useState(false);
  const q = attempt.questions[index]!;
  const choice = attempt.responses[index]!.choice;
  return (
    <li>
      <details className="rounded-lg border border-slate-300 p-3 dark:border-slate-600" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer">
          Question {index + 1}: {choice === null ? 'not answered' : `you chose ${OPTION_LETTERS[choice]}`}, the answer is {OPTION_LETTERS[q.answer]} ({q.options[q.answer]!.text.slice(0, 80)})
        </summary>
        {open && (
          <>
            <p className="muted mt-2 text-sm">{q.label}</p>
            <Markdown text={q.stem} className="mt-1 leading-relaxed" />
            <Feedback question={q} choice={choice} />
          </>
        )}
      </details>
    </li>
  );
}

function TallyTable({ caption, rows, name, testId, plain }: { caption: string; rows: Tally[]; name: (key: string) => string; testId: string; plain?: boolean }) {
  return (
    <div className={plain ? 'mt-3 overflow-x-auto' : 'card-surface overflow-x-auto p-5'}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className={plain ? 'sr-only' : 'mb-2 text-left text-lg font-semibold'}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-2">Domain</th>
            <th scope="col" className="py-1 pr-2 text-right">Right</th>
            <th scope="col" className="py-1 pr-2">Share</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => {
            const p = percent(t.right, t.total);
            return (
              <tr key={t.key} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-1 pr-2 font-normal">{name(t.key)}</th>
                <td className="py-1 pr-2 text-right tabular-nums">
                  {t.right} / {t.total}
                </td>
                <td className="py-1 pr-2">
                  <span className="flex items-center gap-2">
                    <span className="tabular-nums">{p} %</span>
                    <span className="h-2 w-24 rounded bg-slate-200 dark:bg-slate-700" aria-hidden="true">
                      <span className="block h-2 rounded bg-indigo-600 dark:bg-indigo-300" style={{ width: `${p}%` }} />
                    </span>
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
