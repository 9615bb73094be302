'use client';

import { useMemo } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { useCardInfo } from '@/lib/db/browse-hooks';
import { GRADE_NAMES, type StudySettings } from '@/lib/model';
import { createScheduler, retrievabilityOn } from '@/lib/scheduler';
import { Markdown } from '../ui/markdown';

const when = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const STATES = ['New', 'Learning', 'Review', 'Relearning'];

/** A card's text, its FSRS memory now, every answer with its interval, and its earlier texts. */
export function CardInfoPanel({ db, cardId, settings, now, onClose }: { db: StudyDb; cardId: string; settings: StudySettings; now: number; onClose: () => void }) {
  const info = useCardInfo(db, cardId);
  const scheduler = useMemo(() => createScheduler(settings), [settings]);
  if (info === undefined) return <p role="status" className="muted">Loading the card…</p>;
  if (info === null) return <p role="alert">This card no longer exists.</p>;
  const { card, answers, revisions, earlierWordings } = info;
  const earlier = new Set(earlierWordings.map((c) => c.id));
  const recall = card.state === 0 ? null : retrievabilityOn(scheduler, card, now);
  return (
    <section className="card-surface p-4" aria-labelledby="card-info-heading" data-testid="card-info">
      <div className="flex items-center justify-between gap-2">
        <h2 id="card-info-heading" className="text-lg font-semibold">Card info</h2>
        <button type="button" className="btn px-3" onClick={onClose}>Close card info</button>
      </div>
      <Markdown text={card.front} className="mt-2 font-medium" />
      <Markdown text={card.back} className="muted mt-1 text-sm" />
      <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="muted">State</dt><dd>{STATES[card.state]}{card.suspended ? ', suspended' : ''}{card.buriedUntil != null ? ', buried' : ''}</dd>
        <dt className="muted">Due</dt><dd>{card.state === 0 ? 'new' : when.format(card.due)}</dd>
        <dt className="muted">Stability</dt><dd>{card.state === 0 ? '—' : `${card.stability.toFixed(1)} days`}</dd>
        <dt className="muted">Difficulty</dt><dd>{card.state === 0 ? '—' : `${card.difficulty.toFixed(1)} of 10`}</dd>
        <dt className="muted">Recall probability now</dt><dd data-testid="recall-now">{recall === null ? '—' : `${Math.round(recall * 100)} %`}</dd>
        <dt className="muted">Reviews · lapses</dt><dd>{card.reps} · {card.lapses}</dd>
        <dt className="muted">Tags</dt><dd>{card.tags.filter((t) => !t.includes(':')).join(' ') || '—'}</dd>
        <dt className="muted">Source</dt><dd>{card.origin === 'own' ? 'your card' : card.origin === 'anki' ? `Anki note ${card.originRef ?? ''}` : card.origin === 'csv' ? `CSV ${card.originRef ?? ''}` : 'built-in deck'}</dd>
      </dl>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="text-left font-medium">
          Every answer ({answers.length})
          {earlier.size > 0 && (
            <span className="muted block font-normal" data-testid="earlier-wordings">
              Includes the answers to {earlier.size === 1 ? 'an earlier wording' : `${earlier.size} earlier wordings`} of this question, marked
              “earlier wording”: a deck update reworded it.
            </span>
          )}
        </caption>
        <thead><tr><th scope="col">When</th><th scope="col">Grade</th><th scope="col" className="text-right">Interval given</th><th scope="col" className="text-right">Time taken</th></tr></thead>
        <tbody>
          {answers.map((a) => (
            <tr key={a.id} className="border-t border-slate-200 dark:border-slate-700">
              <td>{when.format(a.reviewedAt)}{earlier.has(a.cardId) ? <span className="muted"> · earlier wording</span> : null}</td>
              <td>{GRADE_NAMES[a.grade]}</td>
              <td className="text-right tabular-nums">{a.scheduledDays} {a.scheduledDays === 1 ? 'day' : 'days'}</td>
              <td className="text-right tabular-nums">{Math.round(a.durationMs / 1000)} s</td>
            </tr>
          ))}
        </tbody>
      </table>
      {earlierWordings.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer">Earlier wordings ({earlierWordings.length})</summary>
          <ul className="mt-1 space-y-2">
            {earlierWordings.map((c) => (
              <li key={c.id}>
                <Markdown text={c.front} />
              </li>
            ))}
          </ul>
        </details>
      )}
      {revisions.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer">Earlier texts ({revisions.length})</summary>
          <ol className="mt-1 space-y-2">
            {revisions.map((r) => (
              <li key={r.id}>
                <span className="muted">Until {when.format(r.replacedAt)}:</span> <Markdown text={r.front} /> <Markdown text={r.back} className="muted" />
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
