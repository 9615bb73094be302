/**
 * Cards by state for each deck: a table first (the figures), with a stacked bar per deck whose
 * segments repeat the columns in the same order and carry their names as tooltips.
 */
import type { Deck } from '@/lib/model';
import { STATE_LABELS, STATE_NAMES, type StateCounts, type StateName, totalOf } from '@/lib/stats/card-states';

const SEGMENT: Record<StateName, string> = {
  new: 'bg-blue-500 dark:bg-blue-400',
  learning: 'bg-orange-500 dark:bg-orange-400',
  review: 'bg-green-600 dark:bg-green-400',
  relearning: 'bg-red-500 dark:bg-red-400',
  suspended: 'bg-slate-400 dark:bg-slate-500',
};

export function CardStatesTable({ decks }: { decks: { deck: Deck; counts: StateCounts }[] }) {
  return (
    <section aria-labelledby="states-heading" className="card-surface stats-states p-5">
      <h2 id="states-heading" className="text-lg font-semibold">Cards by state</h2>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm" data-testid="card-states">
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-600">
              <th scope="col" className="py-1 pr-3">Deck</th>
              {STATE_NAMES.map((s) => (
                <th key={s} scope="col" className="px-2 py-1 text-right">
                  <span aria-hidden="true" className={`mr-1 inline-block h-2.5 w-2.5 rounded-sm ${SEGMENT[s]}`} />
                  {STATE_LABELS[s]}
                </th>
              ))}
              <th scope="col" className="py-1 pl-2 text-right">Total</th>
            </tr>
          </thead>
          <tbody>
            {decks.map(({ deck, counts }) => {
              const total = totalOf(counts);
              return (
                <tr key={deck.id} className="border-b border-slate-200 align-top dark:border-slate-700" data-deck={deck.id}>
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {deck.name}
                    <div className="mt-1 flex h-2 w-full min-w-24 overflow-hidden rounded bg-slate-100 dark:bg-slate-800" aria-hidden="true">
                      {STATE_NAMES.map((s) => (counts[s] > 0 ? (
                        <div key={s} className={SEGMENT[s]} style={{ width: `${(counts[s] / total) * 100}%` }} title={`${STATE_LABELS[s]}: ${counts[s]}`} />
                      ) : null))}
                    </div>
                  </th>
                  {STATE_NAMES.map((s) => (
                    <td key={s} className="px-2 py-2 text-right tabular-nums" data-state={s}>{counts[s]}</td>
                  ))}
                  <td className="py-2 pl-2 text-right font-medium tabular-nums">{total}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
