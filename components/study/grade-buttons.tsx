'use client';

import { useEffect, useRef } from 'react';
import { formatInterval } from '@/lib/format-interval';
import { GRADES, GRADE_NAMES, type Grade } from '@/lib/model';
import type { AnswerOutcome } from '@/lib/scheduler';

const TONE: Record<Grade, string> = {
  1: 'border-red-600 dark:border-red-400',
  2: 'border-amber-600 dark:border-amber-400',
  3: 'border-green-700 dark:border-green-400',
  4: 'border-sky-700 dark:border-sky-400',
};

export function GradeButtons({
  previews,
  now,
  suggested,
  onGrade,
}: {
  previews: Record<Grade, AnswerOutcome>;
  now: number;
  suggested: Grade;
  onGrade: (grade: Grade, event: { timeStamp: number }) => void;
}) {
  const suggestedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => suggestedRef.current?.focus({ preventScroll: true }), []);
  return (
    <div className="grid grid-cols-4 gap-2" role="group" aria-label="How well did you remember?">
      {GRADES.map((g) => (
        // No aria-label: the visible text is the name ("Good, 10m, key 3"), so the interval is heard too.
        <button
          key={g}
          ref={g === suggested ? suggestedRef : undefined}
          type="button"
          className={`btn min-h-16 flex-col gap-0 border-b-4 px-1 ${TONE[g]}`}
          aria-keyshortcuts={String(g)}
          onClick={(e) => onGrade(g, e)}
        >
          <span>{GRADE_NAMES[g]}</span>
          <span className="sr-only">, </span>
          <span className="muted text-xs" data-testid={`interval-${g}`}>
            {formatInterval(previews[g].after.due - now)}
          </span>
          <kbd className="muted hidden text-xs sm:inline">
            <span className="sr-only">, key </span>
            {g}
          </kbd>
        </button>
      ))}
    </div>
  );
}
