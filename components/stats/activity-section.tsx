'use client';

import { useState } from 'react';
import type { DayActivity } from '@/lib/stats/activity';
import type { ForecastDay } from '@/lib/stats/forecast';
import { BarChart } from './bar-chart';
import { minutes, plural, shortDay } from './wording';

const SPANS = [30, 90, 365] as const;

/** Answers and minutes per day over the chosen span, and the due forecast for the next 30 days. */
export function ActivitySection({ activity, forecast }: { activity: DayActivity[]; forecast: ForecastDay[] }) {
  const [span, setSpan] = useState<(typeof SPANS)[number]>(30);
  const days = activity.slice(-span);
  const answers = days.reduce((s, d) => s + d.reviews, 0);
  const time = days.reduce((s, d) => s + d.minutes, 0);
  const studied = days.filter((d) => d.reviews > 0).length;
  const first = shortDay(days[0]!.day);
  const last = 'Today';
  const due = forecast.reduce((s, d) => s + d.due, 0);

  return (
    <>
      <section aria-labelledby="activity-heading" className="card-surface stats-activity p-5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="activity-heading" className="text-lg font-semibold">Answers and time per day</h2>
          <div role="group" aria-label="Period shown" className="no-print flex gap-1">
            {SPANS.map((s) => (
              <button
                key={s}
                type="button"
                className={`btn min-h-9 px-3 py-1 text-sm ${span === s ? 'btn-primary' : ''}`}
                aria-pressed={span === s}
                onClick={() => setSpan(s)}
              >
                {s} days
              </button>
            ))}
          </div>
        </div>
        <p className="muted mt-1 text-sm" data-testid="activity-summary">
          Past {span} days: {plural(answers, 'answer')} in {minutes(time)}, on {plural(studied, 'day')}
          {studied > 0 ? ` (${Math.round(answers / studied)} answers and ${minutes(time / studied)} a study day)` : ''}.
        </p>
        <BarChart
          id="answers"
          title="Answers per day"
          summary={`${plural(answers, 'answer')} over ${span} days`}
          bars={days.map((d) => ({ key: d.day, label: shortDay(d.day), value: d.reviews, display: String(d.reviews) }))}
          firstLabel={first}
          lastLabel={last}
          valueHeading="Answers"
        />
        <BarChart
          id="minutes"
          title="Time per day"
          summary={`${minutes(time)} over ${span} days`}
          bars={days.map((d) => ({ key: d.day, label: shortDay(d.day), value: d.minutes, display: minutes(d.minutes) }))}
          firstLabel={first}
          lastLabel={last}
          valueHeading="Time"
          fill="fill-sky-600 dark:fill-sky-400"
        />
      </section>

      <section aria-labelledby="forecast-heading" className="card-surface stats-forecast p-5">
        <h2 id="forecast-heading" className="text-lg font-semibold">Reviews due in the next 30 days</h2>
        <p className="muted mt-1 text-sm" data-testid="forecast-summary">
          {plural(due, 'card')} due, {forecast[0]!.due} of them today (overdue cards count today), {forecast[1]!.due} tomorrow.
        </p>
        <BarChart
          id="forecast"
          title="Due per day"
          summary={`${plural(due, 'card')} over the next 30 days`}
          bars={forecast.map((d) => ({ key: d.day, label: shortDay(d.day), value: d.due, display: String(d.due) }))}
          firstLabel="Today"
          lastLabel={shortDay(forecast.at(-1)!.day)}
          valueHeading="Cards due"
          fill="fill-amber-600 dark:fill-amber-400"
        />
      </section>
    </>
  );
}
