'use client';

import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { repairCardDigest } from '@/lib/db/stored-card-digest';
import { repairDayTotals } from '@/lib/db/stored-day-totals';
import { useFinishedAttempts } from '@/lib/db/practice-hooks';
import { useStats } from '@/lib/db/stats-hooks';
import { accuracyByDomain } from '@/lib/practice/history';
import { deckManifest } from '@/lib/db/deck-manifest';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { ActivitySection } from './activity-section';
import { CardStatesTable } from './card-states-table';
import { ExamPlanForm } from './exam-plan-form';
import { longDay } from './wording';
import { HeatmapChart } from './heatmap';
import { ReadinessCard } from './readiness-section';
import { RetentionTable } from './retention-table';
import { whenIdle } from '../study/after-next-paint';
// Below the fold, and only useful once there is practice: loaded after the page.
const PracticeHistory = lazy(() => import('./practice-history').then((m) => ({ default: m.PracticeHistory })));
import './stats-print.css';

const OUTLINE = { domains: deckManifest.domains, subdomains: deckManifest.subdomains };
let repairChecked = false;

export function StatsScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  const [repairNote, setRepairNote] = useState<string | null>(null);
  const stats = useStats(db, settings, OUTLINE);
  const attempts = useFinishedAttempts(db);
  const practice = useMemo(() => accuracyByDomain(attempts ?? []), [attempts]);

  // The page reads per-day totals and the card digest; if rows reached the log or the cards some
  // other way (a tool, the benchmark's raw seed), make them agree again. The checks read every
  // card key and count the whole log (hundreds of ms on a large collection), so they wait until
  // the figures are on screen and the browser is idle, once per page load. A rebuild changes the
  // tables the figures are read from, so the live query redraws them.
  const loaded = stats !== undefined;
  useEffect(() => {
    if (!db || !loaded || repairChecked) return;
    repairChecked = true;
    const notes: string[] = [];
    const check = async () => {
      if (await repairCardDigest(db)) notes.push('The card summary did not match your cards and was rebuilt.');
      if (await repairDayTotals(db)) notes.push('The daily totals did not match your review history and were recounted.');
      if (notes.length) setRepairNote(notes.join(' '));
    };
    whenIdle(
      () => void check().catch((e: unknown) => setRepairNote(`Your statistics could not be checked against your data: ${e instanceof Error ? e.message : String(e)}`)),
      2000,
    );
  }, [db, loaded]);

  if (!db || !settings || !stats) return <p className="muted" role="status">Loading your progress…</p>;

  return (
    <div className="stats-page space-y-6" data-testid="stats">
      <div>
        <h1 className="text-2xl font-bold">Progress</h1>
        <p className="muted text-sm">
          As of {longDay(stats.today)}.{' '}
          <button type="button" className="no-print rounded underline underline-offset-4" onClick={() => window.print()}>
            Print or save as PDF
          </button>
        </p>
        {repairNote && <p role="status" className="mt-2 text-sm">{repairNote}</p>}
      </div>

      {stats.certifications.map((c) => (
        <ReadinessCard key={c.certification} db={db} progress={c} practice={practice} buffer={settings.pacingBufferDays} limit={stats.newCardsPerDay} today={stats.today} />
      ))}

      <ExamPlanForm db={db} settings={settings} today={stats.today} />

      <Suspense fallback={null}>
        <PracticeHistory attempts={attempts ?? []} domains={deckManifest.domains} />
      </Suspense>

      <section aria-labelledby="heatmap-heading" className="card-surface stats-heatmap p-5">
        <h2 id="heatmap-heading" className="text-lg font-semibold">
          Your year · <span data-testid="stats-streak">{stats.heatmap.streak}</span>-day streak
        </h2>
        <HeatmapChart map={stats.heatmap} />
      </section>

      <RetentionTable rows={stats.retention} />
      <ActivitySection activity={stats.activity} forecast={stats.forecast} />
      <CardStatesTable decks={stats.decks} />
    </div>
  );
}
