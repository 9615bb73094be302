'use client';

import Link from 'next/link';
import { Fragment, useState } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { applyNewCardsPerDay, type CertificationProgress } from '@/lib/db/stats';
import { finishDayAt, type Pacing } from '@/lib/stats/pacing';
import { outlineChangeFor } from '@/lib/stats/outline-notice';
import { CERTIFICATION_NAMES, type DomainReadiness } from '@/lib/stats/readiness';
import { longDay, percent, plural } from './wording';

function Meter({ value, label }: { value: number; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-10 text-right tabular-nums">{percent(value)}</span>
      <div className="h-2 w-16 overflow-hidden rounded bg-slate-200 dark:bg-slate-700 print:w-10" role="presentation" title={label}>
        <div className="h-full bg-indigo-600 dark:bg-indigo-400" style={{ width: `${Math.round(value * 100)}%` }} />
      </div>
    </div>
  );
}

function PacingAdvice({ db, pacing, name, buffer, limit, today }: { db: StudyDb; pacing: Pacing; name: string; buffer: number; limit: number; today: string }) {
  const [status, setStatus] = useState<string | null>(null);
  async function apply(perDay: number) {
    try {
      await applyNewCardsPerDay(db, perDay);
      setStatus(`Your daily new-card limit is now ${perDay}.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  }
  let text: string;
  let perDay: number | null = null;
  switch (pacing.status) {
    case 'no-date':
      text = `Set your ${name} exam date below to get the daily pace that shows you every card in time (${plural(pacing.unseen, 'card')} not seen yet).`;
      break;
    case 'exam-passed':
      text = `Your ${name} exam date (${longDay(pacing.examDate)}) has passed. Set a new one below to plan again.`;
      break;
    case 'done':
      text = `You have seen every ${name} card. Keep up with your reviews until the exam.`;
      break;
    case 'plan':
      perDay = pacing.perDay;
      text = `To have seen the ${plural(pacing.unseen, `${name} card`)} you have not met yet by ${longDay(pacing.deadline)} (${plural(buffer, 'day')} before the exam, kept for review), introduce ${plural(pacing.perDay, 'new card')} a day for the next ${plural(pacing.daysLeft, 'day')}.`;
      break;
    case 'late':
      perDay = pacing.perDay;
      text = `Your review buffer began on ${longDay(pacing.deadline)} with ${plural(pacing.unseen, `${name} card`)} still unseen. To meet them all before the exam day, introduce ${plural(pacing.perDay, 'new card')} a day.`;
      break;
  }
  const finish = finishDayAt(pacing.unseen, limit, today);
  return (
    <div className="mt-3 text-sm" data-testid={`pacing-${name.toLowerCase()}`}>
      <p><span className="font-semibold">Pacing: </span>{text}</p>
      {perDay !== null && (
        <>
          <p className="muted no-print mt-1">
            {limit === perDay
              ? `Your daily new-card limit is already ${limit}.`
              : finish === null
                ? `Your current limit is 0 new cards a day, so they would never all be seen.`
                : `At your current limit of ${limit} a day you would meet the last one on ${longDay(finish)}.`}{' '}
            The limit applies to each deck and to “Study all”.
          </p>
          {limit !== perDay && (
            <button type="button" className="btn no-print mt-2" onClick={() => apply(perDay)}>
              Use {plural(perDay, 'new card')} per day
            </button>
          )}
        </>
      )}
      {status && <p role="status" className="no-print mt-1 font-medium">{status}</p>}
    </div>
  );
}

function SubdomainList({ domain, name, columns }: { domain: DomainReadiness; name: string; columns: number }) {
  if (domain.subdomains.length === 0) return null;
  const word = name === 'CISM' ? 'topic' : 'sub-domain';
  return (
    <tr className="no-print border-b border-slate-200 dark:border-slate-700">
      <td colSpan={columns} className="pb-2 pl-4">
        <details data-testid={`subdomains-${domain.key}`}>
          <summary className="cursor-pointer rounded text-sm">
            {domain.subdomains.length} {word}s of domain {domain.number}
          </summary>
          <ul className="mt-1 space-y-1 text-sm">
            {domain.subdomains.map((st) => (
              <li key={st.key} className="flex flex-wrap items-center gap-x-3" data-subdomain={st.key}>
                <span className="min-w-0 flex-1">
                  <span className="font-medium">{st.code}</span> {st.name.charAt(0).toUpperCase()}{st.name.slice(1)}
                </span>
                <span className="muted tabular-nums" data-testid="subdomain-seen">
                  seen {st.introduced}/{st.cards} · recall {percent(st.recallToday)}
                </span>
                <Link
                  href={`/study/?tag=${encodeURIComponent(st.tag)}`}
                  className="no-print whitespace-nowrap rounded text-indigo-700 underline underline-offset-4 dark:text-indigo-300"
                  aria-label={`Study this ${word}: ${name} ${st.code} ${st.name}`}
                >
                  Study this {word}
                </Link>
              </li>
            ))}
          </ul>
        </details>
      </td>
    </tr>
  );
}

/** Practice accuracy beside FSRS recall: the share right on practice questions of the domain. */
function PracticeCell({ tally, print }: { tally: { right: number; total: number } | undefined; print: boolean }) {
  return (
    <td className={`px-2 py-2 text-right tabular-nums ${print ? '' : 'no-print'}`} data-testid="practice-right">
      {tally ? (
        <>
          {Math.round((tally.right / tally.total) * 100)}% <span className="muted text-xs">of {tally.total}</span>
        </>
      ) : (
        <span className="muted">
          —<span className="sr-only">no practice yet</span>
        </span>
      )}
    </td>
  );
}

export function ReadinessCard({
  db,
  progress,
  practice,
  buffer,
  limit,
  today,
}: {
  db: StudyDb;
  progress: CertificationProgress;
  /** Right answers and questions asked in practice, per domain key. */
  practice: Map<string, { right: number; total: number }>;
  buffer: number;
  limit: number;
  today: string;
}) {
  const { readiness, examDate } = progress;
  const name = CERTIFICATION_NAMES[progress.certification];
  const hasExam = readiness.overallOnExam !== null;
  const days = progress.pacing.status === 'plan' || progress.pacing.status === 'late' || progress.pacing.status === 'done' ? progress.pacing.daysToExam : null;
  const heading = `${progress.certification}-readiness-heading`;
  const change = outlineChangeFor(progress.certification, examDate);
  const columns = hasExam ? 7 : 6;
  // The printed one-page summary has no room for an empty column.
  const practised = readiness.domains.some((d) => practice.has(d.key));
  return (
    <section aria-labelledby={heading} className="card-surface stats-readiness p-5" data-testid={`readiness-${progress.certification}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={heading} className="text-lg font-semibold">{name} readiness</h2>
        <p className="muted text-sm">
          {examDate ? `Exam on ${longDay(examDate)}${days !== null ? ` · ${plural(days, 'day')} to go` : ''}` : 'No exam date set'}
        </p>
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-8 gap-y-2">
        <div>
          <dt className="muted text-sm">Expected recall today</dt>
          <dd className="text-3xl font-bold tabular-nums" data-testid={`overall-today-${progress.certification}`}>{percent(readiness.overallToday)}</dd>
        </div>
        {hasExam && (
          <div>
            <dt className="muted text-sm">On exam day, with no further review</dt>
            <dd className="text-3xl font-bold tabular-nums" data-testid={`overall-exam-${progress.certification}`}>{percent(readiness.overallOnExam)}</dd>
          </div>
        )}
      </dl>
      <p className="muted mt-1 text-xs">
        Mean FSRS recall probability of the cards that teach each domain&apos;s content (concepts, processes, confused terms, formulas; cards not yet studied count as 0),
        weighted by the official {readiness.outline} domain weights shown below.<span className="no-print"> The syllabus map, exam facts and role contrasts do not count.</span>
      </p>
      {change && (
        <p role="note" className="mt-2 rounded border border-amber-500 p-2 text-sm" data-testid={`outline-change-${progress.certification}`}>
          <span className="font-semibold">The {name} outline changed. </span>
          Your exam date is on or after {longDay(change.replacedOn)}, when ISACA&apos;s revised {name} exam content outline took effect.
          These decks and this readiness figure follow {change.decksFollow}: the new outline&apos;s domains and weights could not be confirmed
          from ISACA&apos;s own pages, so they are not in the app yet. Check ISACA&apos;s current outline for what changed.
        </p>
      )}
      <div className="mt-3 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{name} domains, weakest first</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-2">Domain (weakest first)</th>
              <th scope="col" className="px-2 py-1 text-right">Weight</th>
              <th scope="col" className="px-2 py-1 text-right">Seen</th>
              <th scope="col" className="px-2 py-1">Recall today</th>
              {hasExam && <th scope="col" className="px-2 py-1">On exam day</th>}
              <th scope="col" className={`px-2 py-1 text-right ${practised ? '' : 'no-print'}`}>Practice right</th>
              <th scope="col" className="no-print py-1 pl-2"><span className="sr-only">Action</span></th>
            </tr>
          </thead>
          <tbody>
            {readiness.domains.map((d) => (
              <Fragment key={d.key}>
              <tr className="border-b border-slate-200 dark:border-slate-700" data-domain={d.key}>
                <th scope="row" className="py-2 pr-2 font-normal">
                  <span className="font-medium">{d.number}.</span> {d.name}
                </th>
                <td className="px-2 py-2 text-right tabular-nums">{d.weight}%</td>
                <td className="px-2 py-2 text-right tabular-nums" data-testid="seen">
                  {d.introduced}/{d.cards}
                </td>
                <td className="px-2 py-2" data-testid="recall-today"><Meter value={d.recallToday} label={`Recall today ${percent(d.recallToday)}`} /></td>
                {hasExam && (
                  <td className="px-2 py-2" data-testid="recall-exam"><Meter value={d.recallOnExam ?? 0} label={`Recall on exam day ${percent(d.recallOnExam)}`} /></td>
                )}
                <PracticeCell tally={practice.get(d.key)} print={practised} />
                <td className="no-print py-2 pl-2 text-right">
                  <Link
                    href={`/study/?tag=${encodeURIComponent(d.tag)}`}
                    className="whitespace-nowrap rounded text-indigo-700 underline underline-offset-4 dark:text-indigo-300"
                    aria-label={`Study ${name} domain ${d.number}: ${d.name}`}
                  >
                    Study this domain
                  </Link>
                  <br />
                  <Link
                    href={`/practice/?cert=${progress.certification}&scope=${encodeURIComponent(d.key)}`}
                    className="whitespace-nowrap rounded text-indigo-700 underline underline-offset-4 dark:text-indigo-300"
                  >
                    Practise this domain <span className="sr-only">({name} domain {d.number})</span>
                  </Link>
                </td>
              </tr>
              <SubdomainList domain={d} name={name} columns={columns} />
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <PacingAdvice db={db} pacing={progress.pacing} name={name} buffer={buffer} limit={limit} today={today} />
    </section>
  );
}
