'use client';

import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { repairDayTotals } from '@/lib/db/day-totals';
import { loadStats } from '@/lib/db/stats';
import generated from '@/lib/decks/generated/decks.json';
import type { GeneratedDecks } from '@/lib/decks/types';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { ActivitySection } from './activity-section';
import { CardStatesTable } from './card-states-table';
import { ExamPlanForm } from './exam-plan-form';
import { longDay } from './format';
import { HeatmapChart } from './heatmap';
import { ReadinessCard } from './readiness-section';
import { RetentionTable } from './retention-table';
import './stats-print.css';

const DOMAINS = (generated as GeneratedDecks).domains;
let repairChecked = false;

export function StatsScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  const [repairNote, setRepairNote] = useState<string | null>(null);
  const stats = useLiveQuery(
    () => (db && settings ? loadStats(db, settings, DOMAINS, Date.now()) : undefined),
    [db, settings],
  );

  // The page reads per-day totals; if rows reached the log some other way, make them agree again.
  // The check counts the whole log (hundreds of ms on a large one), so it waits until the figures
  // are on screen and runs once per page load.
  const loaded = stats !== undefined;
  useEffect(() => {
    if (!db || !loaded || repairChecked) return;
    repairChecked = true;
    repairDayTotals(db)
      .then((rebuilt) => rebuilt && setRepairNote('The daily totals did not match your review history and were recounted.'))
      .catch((e: unknown) => setRepairNote(`The daily totals could not be recounted: ${e instanceof Error ? e.message : String(e)}`));
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
        <ReadinessCard key={c.certification} db={db} progress={c} buffer={settings.pacingBufferDays} limit={stats.newCardsPerDay} today={stats.today} />
      ))}

      <ExamPlanForm db={db} settings={settings} today={stats.today} />

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
