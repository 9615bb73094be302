'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { type Attempt, canGoTo, choose, confirm, finish, goTo, toggleFlag } from '@/lib/practice/attempt';
import { OPTION_LETTERS } from '@/lib/practice/letters';
import { useStudyDb } from '../app-shell/storage-provider';
import { afterNextPaint } from '../study/after-next-paint';
import { ActionBar } from '../ui/action-bar';
import { QuestionView } from './question-view';
import { useAttempt } from './use-attempt';

// Opened on demand (Review all, or the last question of a mock): not part of every question's code.
const ReviewPanel = lazy(() => import('./review-panel').then((m) => ({ default: m.ReviewPanel })));
// Shown once the attempt is over; it brings the outline's names, which no question needs.
const ResultsView = lazy(() => import('./results-view').then((m) => ({ default: m.ResultsView })));

export function AttemptScreen() {
  const db = useStudyDb();
  const id = useSearchParams().get('id');
  if (!db) return <p className="muted" role="status">Loading…</p>;
  if (!id) return <Missing />;
  return <AttemptLoader db={db} id={id} />;
}

function Missing() {
  return (
    <section className="card-surface p-6">
      <h1 className="text-xl font-semibold">No such attempt</h1>
      <p className="mt-2">This practice attempt is not stored on this device. </p>
      <Link className="btn btn-primary mt-4" href="/practice/">Back to Practice</Link>
    </section>
  );
}

function AttemptLoader({ db, id }: { db: StudyDb; id: string }) {
  const { attempt, message, step } = useAttempt(db, id);
  if (attempt === undefined) return <p className="muted" role="status">{message ?? 'Loading the attempt…'}</p>;
  if (attempt === null) return <Missing />;
  return (
    <div className="space-y-4">
      {message && (
        <p role="alert" className="rounded-lg border border-red-600 p-3 dark:border-red-400">
          {message}
        </p>
      )}
      {attempt.status === 'finished' ? (
        <Suspense fallback={<p role="status" className="muted">Scoring…</p>}>
          <ResultsView attempt={attempt} />
        </Suspense>
      ) : (
        <Runner attempt={attempt} step={step} />
      )}
    </div>
  );
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
const isControl = (target: EventTarget | null) => target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);

type Step = (change: (a: Attempt, now: number) => Attempt) => void;

/**
 * An attempt in progress. Keys: 1–4 or A–D choose, Enter confirms (and moves on), F flags,
 * ←/→ or P/N move where going back is allowed. The result of each answer is announced.
 */
function Runner({ attempt, step }: { attempt: Attempt; step: Step }) {
  const [reviewing, setReviewing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const primary = useRef<HTMLButtonElement>(null);
  const answeredAt = useRef<number | null>(null);
  const i = attempt.current;
  const q = attempt.questions[i]!;
  const r = attempt.responses[i]!;
  const feedbackNow = attempt.mode === 'quiz' && attempt.feedback === 'each' && r.locked;
  const last = i === attempt.questions.length - 1;
  const free = attempt.navigation === 'free';
  const total = attempt.mode === 'adaptive' ? '100–150' : attempt.questions.length;

  // A new question: focus its heading (not a button), so Enter confirms rather than pressing one.
  useLayoutEffect(() => {
    heading.current?.focus({ preventScroll: true });
    const start = answeredAt.current;
    if (start === null) return;
    answeredAt.current = null;
    // Benchmark hook: from the answer's key to the frame that shows the next question.
    void afterNextPaint().then(() => performance.measure('practice:answer-to-next-question', { start, end: performance.now() }));
  }, [i]);

  const onChoose = useCallback(
    (c: number) => {
      step((a, now) => choose(a, c, now));
      setAnnouncement(`${OPTION_LETTERS[c]} chosen.`);
      // Enter on the focused button now confirms.
      requestAnimationFrame(() => primary.current?.focus({ preventScroll: true }));
    },
    [step],
  );

  const onConfirm = useCallback(
    (eventTime: number) => {
      if (r.choice === null) {
        setAnnouncement('Choose an answer first.');
        return;
      }
      if (attempt.mode === 'quiz' && attempt.feedback === 'each' && !r.locked) {
        const right = r.choice === q.answer;
        setAnnouncement(right ? `Right: ${OPTION_LETTERS[q.answer]}, ${q.options[q.answer]!.text}.` : `Wrong. The answer is ${OPTION_LETTERS[q.answer]}, ${q.options[q.answer]!.text}.`);
      } else if (last && attempt.mode !== 'adaptive') {
        if (attempt.mode === 'quiz') {
          step((a, now) => finish(a, now, 'submitted'));
        } else setReviewing(true);
        return;
      } else {
        answeredAt.current = eventTime;
        setAnnouncement('');
      }
      step((a, now) => confirm(a, now));
    },
    [attempt.mode, attempt.feedback, r.choice, r.locked, q, last, step],
  );

  const move = useCallback(
    (to: number) => {
      if (!canGoTo(attempt, to)) return;
      setReviewing(false);
      step((a, now) => goTo(a, to, now));
    },
    [attempt, step],
  );

  const onFlag = useCallback(() => {
    step((a, now) => toggleFlag(a, now));
    setAnnouncement(r.flagged ? `Question ${i + 1} unflagged.` : `Question ${i + 1} flagged for review.`);
  }, [step, r.flagged, i]);

  // A layout effect, so that the keys work from the frame that first shows the question: a passive
  // effect attaches after the paint, and a key pressed in between (a fast keyboard user, a busy
  // machine) was lost.
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.repeat || isTyping(e.target) || e.altKey || e.metaKey || e.ctrlKey || reviewing) return;
      const k = e.key.toLowerCase();
      const n = '1234'.indexOf(k) !== -1 ? Number(k) - 1 : 'abcd'.indexOf(k);
      if (k.length === 1 && n >= 0 && n < q.options.length && !r.locked) {
        e.preventDefault();
        onChoose(n);
      } else if (e.key === 'Enter' && !isControl(e.target)) {
        e.preventDefault();
        onConfirm(e.timeStamp);
      } else if (k === 'f') {
        e.preventDefault();
        onFlag();
      } else if ((e.key === 'ArrowRight' || k === 'n') && free) {
        e.preventDefault();
        move(i + 1);
      } else if ((e.key === 'ArrowLeft' || k === 'p') && free) {
        e.preventDefault();
        move(i - 1);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [q, r.locked, onChoose, onConfirm, onFlag, move, free, i, reviewing]);

  const primaryLabel = feedbackNow
    ? last
      ? 'Finish and see results'
      : 'Next question'
    : attempt.mode === 'quiz' && attempt.feedback === 'each'
      ? 'Check answer'
      : last && attempt.mode !== 'adaptive'
        ? attempt.mode === 'quiz'
          ? 'Finish and see results'
          : 'Review and submit'
        : 'Confirm and next';

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-base font-semibold sm:text-lg">{attempt.title}</h1>
        <div className="flex items-center gap-3">
          {attempt.deadline !== null && <Timer deadline={attempt.deadline} />}
          {attempt.mode === 'mock' && (
            <button type="button" className="btn px-3" onClick={() => setReviewing((v) => !v)}>
              {reviewing ? 'Back to the question' : 'Review all'}
            </button>
          )}
        </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite" data-testid="announcement">
        {announcement}
      </p>
      {reviewing ? (
        <Suspense fallback={<p role="status" className="muted">Opening the review…</p>}>
          <ReviewPanel attempt={attempt} onGo={move} onSubmit={() => step((a, now) => finish(a, now, 'submitted'))} />
        </Suspense>
      ) : (
        <>
          <QuestionView ref={heading} question={q} number={i + 1} total={total} choice={r.choice} showFeedback={feedbackNow} onChoose={onChoose} />
          {attempt.mode === 'adaptive' && <p className="muted text-sm">Adaptive exam: an answer is final once confirmed; there is no going back.</p>}
          <ActionBar label="Question actions" className="sm:mt-2">
            <div className="grid min-h-16 grid-cols-[auto_auto_1fr] gap-2 sm:min-h-11">
              {free ? (
                <button type="button" className="btn px-3" onClick={() => move(i - 1)} disabled={i === 0} aria-keyshortcuts="ArrowLeft P">
                  Previous
                </button>
              ) : (
                <span />
              )}
              <button type="button" className="btn px-3" aria-pressed={r.flagged} onClick={onFlag} aria-keyshortcuts="F">
                {r.flagged ? '⚑ Flagged' : 'Flag'}
              </button>
              <button
                ref={primary}
                type="button"
                className="btn btn-primary"
                aria-keyshortcuts="Enter"
                disabled={r.choice === null}
                onClick={(e) => onConfirm(e.timeStamp)}
              >
                {primaryLabel}
              </button>
            </div>
          </ActionBar>
        </>
      )}
    </>
  );
}

/** Remaining time, updated every second; read out only on request (not every tick). */
function Timer({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, deadline - now);
  const h = Math.floor(left / 3_600_000);
  const m = Math.floor((left % 3_600_000) / 60_000);
  const s = Math.floor((left % 60_000) / 1000);
  const low = left < 10 * 60_000;
  return (
    <p className={`text-sm tabular-nums ${low ? 'font-bold' : 'muted'}`} data-testid="time-left" data-ms={left}>
      <span className="sr-only">Time left: </span>
      {low && <span aria-hidden="true">⏰ </span>}
      {h}:{String(m).padStart(2, '0')}:{String(s).padStart(2, '0')}
      <span aria-hidden="true"> left</span>
    </p>
  );
}
