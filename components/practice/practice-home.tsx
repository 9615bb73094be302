'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useState } from 'react';
import { deckManifest } from '@/lib/db/deck-manifest';
import type { StudyDb } from '@/lib/db/database';
import { useActiveAttempts, useFinishedAttempts } from '@/lib/db/practice-hooks';
import { storeAttempt } from '@/lib/db/practice';
import { loadPracticeKnowledge } from '@/lib/db/practice-knowledge';
import { tagTitle } from '@/lib/decks/manifest';
import type { CertificationId } from '@/lib/decks/types';
import type { StudySettings } from '@/lib/model';
import { type Feedback, startAttempt } from '@/lib/practice/attempt';
import { MOCK_SHAPES, QUIZ_LENGTHS, QUIZ_SOURCES, type QuizSource } from '@/lib/practice/options';
import { scoreAttempt } from '@/lib/practice/score';
import { createScheduler } from '@/lib/scheduler';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { loadPracticeBank } from './practice-bank';

export function PracticeHome() {
  const db = useStudyDb();
  const settings = useSettings();
  if (!db || !settings) return <p className="muted" role="status">Loading…</p>;
  return <Practice db={db} settings={settings} />;
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function Practice({ db, settings }: { db: StudyDb; settings: StudySettings }) {
  const router = useRouter();
  const params = useSearchParams();
  const active = useActiveAttempts(db);
  const finished = useFinishedAttempts(db);
  const [cert, setCert] = useState<CertificationId>(params.get('cert') === 'cism' ? 'cism' : 'cissp');
  const [scope, setScope] = useState<string[]>(() => params.getAll('scope'));
  const [length, setLength] = useState<number>(10);
  const [source, setSource] = useState<QuizSource>('all');
  const [feedback, setFeedback] = useState<Feedback>('each');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const domains = useMemo(() => deckManifest.domains.filter((d) => d.certification === cert), [cert]);
  const inCert = (key: string) => domains.some((d) => key.startsWith(`${d.outline}/`));
  const chosen = scope.filter(inCert);

  const toggle = (key: string) => setScope((s) => (s.includes(key) ? s.filter((k) => k !== key) : [...s, key]));

  async function begin(make: (id: string) => Promise<Parameters<typeof startAttempt>[0]>) {
    setBusy(true);
    setMessage(null);
    try {
      const id = crypto.randomUUID();
      const planStart = performance.now();
      const plan = await make(id);
      // For `npm run bench`: making the attempt's questions (the bank is fetched once per page).
      performance.measure('practice:make-attempt', { start: planStart, end: performance.now() });
      if (plan.questions.length === 0) {
        setMessage('No questions match this choice. Choose "All", or more domains.');
        return;
      }
      const attempt = startAttempt(plan, Date.now());
      await storeAttempt(db, attempt);
      router.push(`/practice/attempt/?id=${encodeURIComponent(id)}`);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const quizTitle = () => {
    const acronym = cert.toUpperCase();
    const only = chosen.length === 1 ? chosen[0]! : null;
    if (only) return `${tagTitle(deckManifest, `${deckManifest.subdomains.some((s) => s.key === only) ? 'subdomain' : 'domain'}:${only}`)} · quiz`;
    return chosen.length ? `${acronym} quiz · ${chosen.length} areas` : `${acronym} quiz · all domains`;
  };

  const startQuiz = () =>
    begin(async (id) => {
      // The question maker loads when a start is pressed, not with the page.
      const [bank, { planQuiz }] = await Promise.all([loadPracticeBank(), import('@/lib/practice/plan')]);
      const known = await loadPracticeKnowledge(db, createScheduler(settings), Date.now());
      const plan = planQuiz(bank, { certification: cert, scope: chosen, length, source, feedback, title: quizTitle() }, known, { id, seed: id });
      if (plan.questions.length > 0 && plan.questions.length < length) setMessage(`Only ${plan.questions.length} questions match; the quiz has ${plan.questions.length}.`);
      return plan;
    });

  const startMock = (shape: keyof typeof MOCK_SHAPES) =>
    begin(async (id) => {
      const [bank, { planMock }] = await Promise.all([loadPracticeBank(), import('@/lib/practice/plan')]);
      return planMock(bank, shape, deckManifest.domains, { id, seed: id });
    });

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Practise for the exam</h1>
      <p className="muted">
        Questions made from the same facts as your cards. Practice has its own log: it never changes when your cards are due.
      </p>
      {message && (
        <p role="alert" className="rounded-lg border border-amber-600 p-3 dark:border-amber-400">
          {message}
        </p>
      )}

      {active && active.length > 0 && (
        <section className="card-surface p-5" aria-labelledby="resume-heading">
          <h2 id="resume-heading" className="text-lg font-semibold">In progress</h2>
          <ul className="mt-2 space-y-2">
            {active.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  {a.title} · started {dateFormat.format(a.createdAt)} · {a.responses.filter((r) => r.choice !== null).length} of {a.questions.length} answered
                </span>
                <Link className="btn btn-primary" href={`/practice/attempt/?id=${encodeURIComponent(a.id)}`}>
                  Resume {a.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card-surface p-5" aria-labelledby="quiz-heading">
        <h2 id="quiz-heading" className="text-lg font-semibold">Quiz</h2>
        <form
          className="mt-3 space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            void startQuiz();
          }}
        >
          <fieldset>
            <legend className="font-medium">Certification</legend>
            <div className="mt-1 flex gap-4">
              {(['cissp', 'cism'] as const).map((c) => (
                <label key={c} className="flex items-center gap-2">
                  <input type="radio" name="cert" value={c} checked={cert === c} onChange={() => setCert(c)} /> {c.toUpperCase()}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="font-medium">Domains (none ticked: all)</legend>
            <ul className="mt-1 space-y-1">
              {domains.map((d) => {
                const subs = deckManifest.subdomains.filter((s) => s.domain === d.key);
                return (
                  <li key={d.key}>
                    <label className="flex items-start gap-2">
                      <input type="checkbox" className="mt-1" checked={scope.includes(d.key)} onChange={() => toggle(d.key)} />
                      <span>
                        Domain {d.number}: {d.name}
                      </span>
                    </label>
                    <details className="ml-6">
                      <summary className="muted cursor-pointer text-sm">Sub-domains of Domain {d.number}</summary>
                      <ul className="mt-1 space-y-1">
                        {subs.map((s) => (
                          <li key={s.key}>
                            <label className="flex items-start gap-2 text-sm">
                              <input type="checkbox" className="mt-1" checked={scope.includes(s.key)} onChange={() => toggle(s.key)} />
                              <span>
                                {s.code} {s.name}
                              </span>
                            </label>
                          </li>
                        ))}
                      </ul>
                    </details>
                  </li>
                );
              })}
            </ul>
          </fieldset>
          <fieldset>
            <legend className="font-medium">Length</legend>
            <div className="mt-1 flex gap-4">
              {QUIZ_LENGTHS.map((n) => (
                <label key={n} className="flex items-center gap-2">
                  <input type="radio" name="length" value={n} checked={length === n} onChange={() => setLength(n)} /> {n} questions
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend className="font-medium">Draw from</legend>
            <ul className="mt-1 space-y-1">
              {QUIZ_SOURCES.map((s) => (
                <li key={s.value}>
                  <label className="flex items-start gap-2">
                    <input type="radio" className="mt-1" name="source" value={s.value} checked={source === s.value} onChange={() => setSource(s.value)} />
                    <span>
                      {s.label} <span className="muted text-sm">({s.hint})</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <fieldset>
            <legend className="font-medium">Show whether I was right</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              <label className="flex items-center gap-2">
                <input type="radio" name="feedback" value="each" checked={feedback === 'each'} onChange={() => setFeedback('each')} /> After each question
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="feedback" value="end" checked={feedback === 'end'} onChange={() => setFeedback('end')} /> At the end
              </label>
            </div>
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Preparing…' : 'Start the quiz'}
          </button>
        </form>
      </section>

      <section className="card-surface p-5" aria-labelledby="mock-heading">
        <h2 id="mock-heading" className="text-lg font-semibold">Mock exams</h2>
        <p className="muted mt-1 text-sm">
          In each exam&apos;s shape: the official domain weights, the exam&apos;s time, a clock that keeps running if you close the page.
        </p>
        <ul className="mt-3 grid gap-3 sm:grid-cols-3">
          <li>
            <button type="button" className="btn w-full" disabled={busy} onClick={() => void startMock('cism')}>
              Start the CISM mock exam
            </button>
            <p className="muted mt-1 text-sm">150 questions, 4 hours, go back and flag freely.</p>
          </li>
          <li>
            <button type="button" className="btn w-full" disabled={busy} onClick={() => void startMock('cissp')}>
              Start the CISSP linear mock
            </button>
            <p className="muted mt-1 text-sm">150 questions by the 2024 weights, 3 hours, go back and flag freely.</p>
          </li>
          <li>
            <button type="button" className="btn w-full" disabled={busy} onClick={() => void startMock('cissp-adaptive')}>
              Start the CISSP adaptive mock
            </button>
            <p className="muted mt-1 text-sm">100 to 150 questions, 3 hours, no going back; ends once the result is clear.</p>
          </li>
        </ul>
      </section>

      {finished && finished.length > 0 && (
        <section className="card-surface p-5" aria-labelledby="recent-heading">
          <h2 id="recent-heading" className="text-lg font-semibold">Recent results</h2>
          <ul className="mt-2 space-y-1">
            {[...finished].reverse().slice(0, 5).map((a) => {
              const s = scoreAttempt(a);
              return (
                <li key={a.id}>
                  <Link className="underline" href={`/practice/attempt/?id=${encodeURIComponent(a.id)}`}>
                    {a.title}, {dateFormat.format(a.finishedAt ?? a.createdAt)}: {s.right} of {s.total} right
                  </Link>
                </li>
              );
            })}
          </ul>
          <Link className="mt-2 inline-block underline" href="/stats/#practice-history">
            All results on the Progress page
          </Link>
        </section>
      )}
    </div>
  );
}
