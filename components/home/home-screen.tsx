'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { deckTree, type DeckNode } from '@/lib/deck-tree';
import { useHomeSummary } from '@/lib/db/home-hooks';
import type { DeckSummary } from '@/lib/db/home-summary';
import type { TodayCounts } from '@/lib/queue';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { showDueOnAppBadge } from '../app-shell/app-badge';

function Counts({ counts, label }: { counts: TodayCounts; label: string }) {
  return (
    <dl className="flex gap-4 text-sm" aria-label={`${label}: today`} data-testid="counts">
      <div>
        <dt className="muted">New</dt>
        <dd className="text-lg font-semibold text-blue-700 dark:text-blue-300" data-count="new">{counts.newCards}</dd>
      </div>
      <div>
        <dt className="muted">Learning</dt>
        <dd className="text-lg font-semibold text-orange-700 dark:text-orange-300" data-count="learning">{counts.learning}</dd>
      </div>
      <div>
        <dt className="muted">Due</dt>
        <dd className="text-lg font-semibold text-green-800 dark:text-green-300" data-count="due">{counts.review}</dd>
      </div>
    </dl>
  );
}

const total = (c: TodayCounts) => c.newCards + c.learning + c.review;

/** Decks as a tree: an imported deck's subdecks in a list inside it, counted in its figures. */
function DeckItems({ nodes, nested = false }: { nodes: DeckNode<DeckSummary>[]; nested?: boolean }) {
  return (
    <ul className={nested ? 'mt-3 space-y-3 border-l-2 border-slate-300 pl-3 dark:border-slate-600' : 'space-y-3'}>
      {nodes.map(({ item: { deck, today, total: size }, label, children }) => (
        <li key={deck.id} className="card-surface p-4" data-testid={`deck-${deck.id}`}>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0 flex-1">
              <h3 className="font-semibold">{label}</h3>
              <p className="muted text-sm">
                {deck.description} · {size} cards{children.length ? ` with ${children.length === 1 ? 'its subdeck' : `its ${children.length} subdecks`}` : ''}
              </p>
            </div>
            <Link href={`/study/?deck=${encodeURIComponent(deck.id)}`} className="btn" aria-label={`Study ${deck.name}`}>
              Study
            </Link>
          </div>
          <div className="mt-2">
            <Counts counts={today} label={deck.name} />
          </div>
          {children.length > 0 && <DeckItems nodes={children} nested />}
        </li>
      ))}
    </ul>
  );
}

export function HomeScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  const summary = useHomeSummary(db, settings);

  const dueNow = summary ? total(summary.all) : 0;
  useEffect(() => {
    if (summary) showDueOnAppBadge(dueNow);
  }, [summary, dueNow]);

  if (!summary) return <p className="muted" role="status">Loading your decks…</p>;

  return (
    <div className="space-y-6" data-testid="home">
      <section aria-labelledby="today-heading" className="card-surface p-5">
        <h1 id="today-heading" className="text-2xl font-bold">Today</h1>
        <p className="muted mt-1">
          <span data-testid="reviews-today">{summary.reviewsToday}</span> answers today ·{' '}
          <span data-testid="streak">{summary.streak}</span>-day streak
        </p>
        <div className="mt-4 flex flex-wrap items-end justify-between gap-4">
          <Counts counts={summary.all} label="All decks" />
          <Link href="/study/" className="btn btn-primary" aria-disabled={total(summary.all) === 0}>
            Study all
          </Link>
        </div>
      </section>

      <section aria-labelledby="decks-heading">
        <h2 id="decks-heading" className="mb-3 text-xl font-semibold">Decks</h2>
        <DeckItems nodes={deckTree(summary.decks)} />
      </section>
    </div>
  );
}
