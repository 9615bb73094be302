'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { Grade, type StudyCard } from '@/lib/model';
import type { AnswerOutcome } from '@/lib/scheduler';
import { ActionBar } from '../ui/action-bar';
import { Markdown } from '../ui/markdown';
import { useFocusOncePainted } from './after-next-paint';
import { GradeButtons } from './grade-buttons';

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function isControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);
}

/**
 * One card on screen: question, optional choices, the answer, and "Show answer" / the grade buttons
 * in an ActionBar (at the bottom of the screen on phones). Undo is in the study screen's status row.
 * Keys: Space/Enter show the answer, 1–4 pick a choice (before) or grade (after), U or Ctrl+Z undo.
 * Remounted for every card (keyed by id and rev), so its reveal state starts fresh.
 */
export function CardView({
  card,
  previewsOf,
  now,
  onGrade,
  onUndo,
  onCardKey,
}: {
  card: StudyCard;
  /** The grades' outcomes, computed on first use (only once the answer is shown). */
  previewsOf: () => { outcomes: Record<Grade, AnswerOutcome> } | null;
  now: number;
  onGrade: (grade: Grade, durationMs: number, eventTime: number) => void;
  onUndo: () => void;
  /** B buries, S suspends, Shift+1–7 flag (Shift+0 unflags), E edits (the learner's own cards). */
  onCardKey?: (action: 'bury' | 'suspend' | 'edit' | { flag: number }) => void;
}) {
  const [revealed, setRevealed] = useState(false);
  const [chosen, setChosen] = useState<number | null>(null);
  const shownAt = useRef(0);
  const showButton = useRef<HTMLButtonElement>(null);
  const hasChoices = !!card.choices?.length;
  const right = chosen !== null && chosen === card.answerIndex;

  useEffect(() => {
    shownAt.current = performance.now();
  }, []);
  useFocusOncePainted(showButton, []);

  const grade = useCallback(
    (g: Grade, eventTime: number) => onGrade(g, performance.now() - shownAt.current, eventTime),
    [onGrade],
  );

  const choose = useCallback((i: number) => {
    setChosen(i);
    setRevealed(true);
  }, []);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.repeat || isTyping(e.target) || e.altKey || e.metaKey) return;
      if ((e.key === 'z' && e.ctrlKey) || ((e.key === 'u' || e.key === 'U') && !e.ctrlKey)) {
        e.preventDefault();
        onUndo();
        return;
      }
      if (e.ctrlKey) return;
      // Shift+digit by its key position, whatever the keyboard layout prints on it.
      const flagKey = e.shiftKey && /^Digit[0-7]$/.test(e.code) ? Number(e.code.slice(5)) : null;
      if (onCardKey && (flagKey !== null || (!e.shiftKey && ['b', 's', 'e'].includes(e.key)))) {
        e.preventDefault();
        onCardKey(flagKey !== null ? { flag: flagKey } : e.key === 'b' ? 'bury' : e.key === 's' ? 'suspend' : 'edit');
        return;
      }
      const n = Number(e.key);
      if (!revealed) {
        if ((e.key === ' ' || e.key === 'Enter') && !isControl(e.target)) {
          e.preventDefault();
          setRevealed(true);
        } else if (hasChoices && n >= 1 && n <= card.choices!.length) {
          e.preventDefault();
          choose(n - 1);
        }
        return;
      }
      if (n >= 1 && n <= 4) {
        e.preventDefault();
        grade(n as Grade, e.timeStamp);
      } else if ((e.key === ' ' || e.key === 'Enter') && !isControl(e.target)) {
        e.preventDefault();
        grade(hasChoices && !right ? Grade.Again : Grade.Good, e.timeStamp);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [revealed, hasChoices, card.choices, right, grade, choose, onUndo, onCardKey]);

  return (
    <article className="card-surface p-5" aria-labelledby="question" data-testid="card" data-card-id={card.id}>
      <h2 id="question" className="sr-only">Question</h2>
      <Markdown text={card.front} className="text-xl leading-relaxed" />

      {hasChoices && (
        <fieldset className="mt-4">
          <legend className="muted text-sm">{revealed ? 'Your choice' : 'Choose an answer (keys 1–' + card.choices!.length + ')'}</legend>
          <div className="mt-2 grid gap-2">
            {card.choices!.map((c, i) => {
              const isAnswer = i === card.answerIndex;
              const mark = revealed ? (isAnswer ? '✓ Correct answer' : i === chosen ? '✗ Your choice' : '') : '';
              return (
                <button
                  key={i}
                  type="button"
                  disabled={revealed}
                  aria-pressed={chosen === i}
                  onClick={() => choose(i)}
                  className={`btn justify-start text-left disabled:opacity-100 ${
                    revealed && isAnswer ? 'border-green-700 dark:border-green-400 border-2' : ''
                  } ${revealed && i === chosen && !isAnswer ? 'border-red-600 dark:border-red-400 border-2' : ''}`}
                >
                  <span className="muted w-5 shrink-0" aria-hidden="true">{i + 1}</span>
                  <span className="flex-1">{c}</span>
                  {mark && <span className="text-sm font-semibold">{mark}</span>}
                </button>
              );
            })}
          </div>
        </fieldset>
      )}

      {revealed && (
        <div className="mt-6 space-y-4">
          {hasChoices && chosen !== null && (
            <p role="status" className="font-semibold" data-testid="verdict">
              {right ? '✓ Right.' : '✗ Not quite.'}
            </p>
          )}
          <section aria-label="Answer" className="border-t border-slate-200 pt-4 dark:border-slate-700">
            <Markdown text={card.back} className="leading-relaxed" />
          </section>
        </div>
      )}

      {/* One bar for both sides: "Show answer" and the grade row share its box (min-h-16), so nothing moves on reveal on a phone. */}
      <ActionBar label="Card actions" className="sm:mt-6">
        {!revealed ? (
          <button ref={showButton} type="button" className="btn btn-primary min-h-16 w-full sm:min-h-11" aria-keyshortcuts="Space Enter" onClick={() => setRevealed(true)}>
            Show answer
          </button>
        ) : (
          <GradeButtons
            previews={previewsOf()!.outcomes}
            now={now}
            suggested={hasChoices && chosen !== null && !right ? Grade.Again : Grade.Good}
            onGrade={(g, e) => grade(g, e.timeStamp)}
          />
        )}
      </ActionBar>
    </article>
  );
}
