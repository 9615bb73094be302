'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { GeneratedDomain } from '@/lib/decks/types';
import type { Attempt } from '@/lib/practice/attempt';
import { scoreAttempt, type AttemptScore } from '@/lib/practice/score';

const dayFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const pct = (right: number, total: number) => (total ? Math.round((right / total) * 100) : 0);

/** Dash patterns, so the domains' lines differ by more than colour. */
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '12 3 3 3'];

/**
 * Every finished practice attempt, newest first, and per certification a chart of the share right
 * in each domain, attempt by attempt (each line labelled with its domain number at its end).
 */
export function PracticeHistory({ attempts, domains }: { attempts: Attempt[]; domains: GeneratedDomain[] }) {
  const scored = useMemo(() => attempts.map((a) => ({ a, s: scoreAttempt(a) })), [attempts]);
  return (
    // With no practice yet it is only an invitation: left out of the printed one-page summary.
    <section aria-labelledby="practice-history-heading" id="practice-history" className={`card-surface p-5 ${scored.length ? 'stats-practice' : 'no-print'}`} data-testid="practice-history">
      <h2 id="practice-history-heading" className="text-lg font-semibold">Practice history</h2>
      {scored.length === 0 ? (
        <p className="mt-2">
          No practice yet. <Link className="underline" href="/practice/">Take a quiz or a mock exam</Link>: it shows how you do on exam-style questions, without changing when your cards are due.
        </p>
      ) : (
        <>
          {(['cissp', 'cism'] as const).map((cert) => {
            const mine = scored.filter((x) => x.a.certification === cert);
            return mine.length ? <ScoreChart key={cert} cert={cert} items={mine} domains={domains.filter((d) => d.certification === cert)} /> : null;
          })}
          <div className="mt-4 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Practice attempts, newest first</caption>
              <thead>
                <tr className="border-b border-slate-300 dark:border-slate-600">
                  <th scope="col" className="py-1 pr-2">Attempt</th>
                  <th scope="col" className="px-2 py-1">Finished</th>
                  <th scope="col" className="px-2 py-1 text-right">Right</th>
                  <th scope="col" className="px-2 py-1 text-right">Estimate</th>
                </tr>
              </thead>
              <tbody>
                {[...scored].reverse().map(({ a, s }) => (
                  <tr key={a.id} className="border-b border-slate-200 dark:border-slate-700">
                    <th scope="row" className="py-1 pr-2 font-normal">
                      <Link className="underline" href={`/practice/attempt/?id=${encodeURIComponent(a.id)}`}>{a.title}</Link>
                    </th>
                    <td className="px-2 py-1">{dayFormat.format(a.finishedAt ?? a.createdAt)}</td>
                    <td className="px-2 py-1 text-right tabular-nums">{s.right}/{s.total} ({pct(s.right, s.total)} %)</td>
                    <td className="px-2 py-1 text-right tabular-nums">{a.mode === 'quiz' ? '—' : `${s.scaled} (estimate), ${s.passed ? 'pass' : 'fail'}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function ScoreChart({ cert, items, domains }: { cert: 'cism' | 'cissp'; items: { a: Attempt; s: AttemptScore }[]; domains: GeneratedDomain[] }) {
  const W = 560;
  const H = 180;
  const pad = { l: 36, r: 36, t: 10, b: 24 };
  const x = (i: number) => pad.l + (items.length === 1 ? (W - pad.l - pad.r) / 2 : (i / (items.length - 1)) * (W - pad.l - pad.r));
  const y = (p: number) => pad.t + (1 - p / 100) * (H - pad.t - pad.b);
  const series = domains.map((d) => ({
    d,
    points: items.flatMap(({ s }, i) => {
      const t = s.byDomain.find((b) => b.key === d.key);
      return t ? [{ i, p: pct(t.right, t.total) }] : [];
    }),
  }));
  const name = cert.toUpperCase();
  return (
    <figure className="mt-3">
      <figcaption className="font-medium">{name}: share right per domain, attempt by attempt</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} className="mt-1 w-full max-w-2xl" role="img" aria-label={`${name} share right per domain over ${items.length} attempts; the table below lists the figures.`}>
        {[0, 50, 100].map((p) => (
          <g key={p}>
            <line x1={pad.l} x2={W - pad.r} y1={y(p)} y2={y(p)} className="stroke-slate-300 dark:stroke-slate-600" strokeWidth={1} />
            <text x={pad.l - 6} y={y(p) + 4} textAnchor="end" className="fill-slate-600 text-[10px] dark:fill-slate-300">{p}%</text>
          </g>
        ))}
        {series.map(({ d, points }, k) =>
          points.length ? (
            <g key={d.key}>
              <polyline
                fill="none"
                strokeWidth={2}
                strokeDasharray={DASHES[k % DASHES.length]}
                className="stroke-indigo-700 dark:stroke-indigo-300"
                points={points.map((pt) => `${x(pt.i)},${y(pt.p)}`).join(' ')}
              />
              {points.map((pt) => <circle key={pt.i} cx={x(pt.i)} cy={y(pt.p)} r={2.5} className="fill-indigo-700 dark:fill-indigo-300" />)}
              <text x={x(points.at(-1)!.i) + 6} y={y(points.at(-1)!.p) + 4} className="fill-slate-900 text-[10px] dark:fill-slate-100">D{d.number}</text>
            </g>
          ) : null,
        )}
      </svg>
      <details className="mt-1 text-sm">
        <summary className="cursor-pointer">The figures behind the {name} chart</summary>
        <div className="overflow-x-auto">
          <table className="mt-1 text-left">
            <thead>
              <tr>
                <th scope="col" className="pr-3">Attempt</th>
                {domains.map((d) => <th key={d.key} scope="col" className="px-2 text-right">D{d.number}</th>)}
              </tr>
            </thead>
            <tbody>
              {items.map(({ a, s }) => (
                <tr key={a.id}>
                  <th scope="row" className="pr-3 font-normal">{dayFormat.format(a.finishedAt ?? a.createdAt)} · {a.title}</th>
                  {domains.map((d) => {
                    const t = s.byDomain.find((b) => b.key === d.key);
                    return <td key={d.key} className="px-2 text-right tabular-nums">{t ? `${pct(t.right, t.total)} %` : '—'}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
