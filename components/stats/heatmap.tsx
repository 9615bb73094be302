/**
 * The past year as a calendar of squares, one per study day, Monday at the top. The shade
 * gives the number of answers; days without answers are drawn as outlines (shape, not only
 * colour), every square has a tooltip, and the month table below carries the same figures.
 */
import { heatLevel, type Heatmap } from '@/lib/stats/activity';
import { weekdayOf } from '@/lib/study-day';
import { longDay, plural } from './wording';

const CELL = 11;
const GAP = 2;
const STEP = CELL + GAP;
const LEFT = 26;
const TOP = 14;

const LEVEL_CLASSES = [
  'fill-transparent stroke-slate-300 dark:stroke-slate-600',
  'fill-emerald-200 dark:fill-emerald-900',
  'fill-emerald-400 dark:fill-emerald-700',
  'fill-emerald-600 dark:fill-emerald-500',
  'fill-emerald-800 dark:fill-emerald-300',
];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function byMonth(map: Heatmap) {
  const months = new Map<string, { days: number; reviews: number }>();
  for (const d of map.days) {
    const key = d.day.slice(0, 7);
    const m = months.get(key) ?? { days: 0, reviews: 0 };
    if (d.reviews > 0) {
      m.days += 1;
      m.reviews += d.reviews;
    }
    months.set(key, m);
  }
  return [...months.entries()].map(([key, m]) => ({ key, label: `${MONTHS[Number(key.slice(5)) - 1]} ${key.slice(0, 4)}`, ...m }));
}

export function HeatmapChart({ map }: { map: Heatmap }) {
  const first = weekdayOf(map.days[0]!.day);
  const weeks = Math.ceil((map.days.length + first) / 7);
  const width = LEFT + weeks * STEP;
  const height = TOP + 7 * STEP;
  const summary = `${plural(map.total, 'answer')} on ${plural(map.daysStudied, 'day')} in the past year; current streak ${plural(map.streak, 'day')}.`;
  const monthLabels: { x: number; text: string }[] = [];
  map.days.forEach((d, i) => {
    if (d.day.endsWith('-01') || i === 0) {
      const col = Math.floor((i + first) / 7);
      // Skip a partial first month whose label would collide with the next one.
      if (i === 0 && Number(d.day.slice(8)) > 20) return;
      monthLabels.push({ x: LEFT + col * STEP, text: MONTHS[Number(d.day.slice(5, 7)) - 1]! });
    }
  });

  return (
    <figure aria-labelledby="heatmap-caption">
      <figcaption id="heatmap-caption" className="sr-only">Answers per day over the past year</figcaption>
      <p className="muted text-sm" data-testid="heatmap-summary">{summary}</p>
      <div className="mt-2 overflow-x-auto">
        <svg
          role="img"
          aria-label={`Calendar of answers per day. ${summary}`}
          viewBox={`0 0 ${width} ${height}`}
          className="h-auto w-full min-w-[36rem] max-w-full"
          data-testid="heatmap"
        >
          {monthLabels.map((m) => (
            <text key={`${m.x}-${m.text}`} x={m.x} y={9} className="fill-slate-600 text-[9px] dark:fill-slate-300">{m.text}</text>
          ))}
          {['Mon', 'Wed', 'Fri'].map((label, i) => (
            <text key={label} x={0} y={TOP + i * 2 * STEP + CELL - 2} className="fill-slate-600 text-[9px] dark:fill-slate-300">{label}</text>
          ))}
          {map.days.map((d, i) => {
            const level = heatLevel(d.reviews, map.max);
            const col = Math.floor((i + first) / 7);
            const row = (i + first) % 7;
            return (
              <rect
                key={d.day}
                x={LEFT + col * STEP + (level === 0 ? 0.5 : 0)}
                y={TOP + row * STEP + (level === 0 ? 0.5 : 0)}
                width={level === 0 ? CELL - 1 : CELL}
                height={level === 0 ? CELL - 1 : CELL}
                rx={2}
                className={LEVEL_CLASSES[level]}
                data-day={d.day}
                data-count={d.reviews}
              >
                <title>{`${longDay(d.day)}: ${plural(d.reviews, 'answer')}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="muted mt-1 flex items-center gap-1 text-xs" aria-hidden="true">
        <span className="mr-1">None</span>
        {LEVEL_CLASSES.map((c, level) => (
          <svg key={c} width={CELL} height={CELL} viewBox={`0 0 ${CELL} ${CELL}`}>
            <rect x={level === 0 ? 0.5 : 0} y={level === 0 ? 0.5 : 0} width={level === 0 ? CELL - 1 : CELL} height={level === 0 ? CELL - 1 : CELL} rx={2} className={c} />
          </svg>
        ))}
        <span className="ml-1">Most ({plural(map.max, 'answer')} in a day)</span>
      </div>
      <details className="no-print mt-2 text-sm">
        <summary className="cursor-pointer rounded underline-offset-4 hover:underline">The year by month, as a table</summary>
        <table className="mt-1 text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className="pr-4">Month</th>
              <th scope="col" className="pr-4">Days studied</th>
              <th scope="col">Answers</th>
            </tr>
          </thead>
          <tbody>
            {byMonth(map).map((m) => (
              <tr key={m.key}>
                <th scope="row" className="pr-4 font-normal">{m.label}</th>
                <td className="pr-4">{m.days}</td>
                <td>{m.reviews.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
