/** True retention as a table: the rate with the counts behind it, young and mature apart. */
import { MATURE_INTERVAL_DAYS } from '@/lib/stats/day-totals';
import type { RetentionCell, RetentionRow } from '@/lib/stats/retention';
import { percent } from './wording';

function Cell({ c }: { c: RetentionCell }) {
  const n = c.passed + c.failed;
  return (
    <td className="px-2 py-1 text-right tabular-nums">
      <span className="font-medium">{percent(c.rate, 1)}</span>
      <span className="muted block text-xs">{n === 0 ? 'no answers' : `${c.passed} of ${n}`}</span>
    </td>
  );
}

export function RetentionTable({ rows }: { rows: RetentionRow[] }) {
  return (
    <section aria-labelledby="retention-heading" className="card-surface stats-retention p-5">
      <h2 id="retention-heading" className="text-lg font-semibold">True retention</h2>
      <p className="muted mt-1 text-sm">
        Of your answers to cards in review, the share that were not “Again”. Young cards were on an interval under {MATURE_INTERVAL_DAYS} days, mature ones on {MATURE_INTERVAL_DAYS} or more.
      </p>
      <table className="mt-2 w-full text-left text-sm" data-testid="retention">
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-600">
            <th scope="col" className="py-1 pr-3">Period</th>
            <th scope="col" className="px-2 py-1 text-right">Young</th>
            <th scope="col" className="px-2 py-1 text-right">Mature</th>
            <th scope="col" className="px-2 py-1 text-right">All</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.period} className="border-b border-slate-200 dark:border-slate-700" data-period={r.period}>
              <th scope="row" className="py-1 pr-3 font-normal">{r.label}</th>
              <Cell c={r.young} />
              <Cell c={r.mature} />
              <Cell c={r.all} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
