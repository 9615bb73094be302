/**
 * A plain SVG bar chart with its data as a table underneath (in a disclosure, for everyone,
 * and read by screen readers). Bars carry a tooltip title; the chart itself is one image with
 * a summary label, so a screen reader is not walked through hundreds of bars.
 */
export interface Bar {
  key: string;
  /** Column heading text, e.g. "24 Nov". */
  label: string;
  value: number;
  /** The value as shown in the table and tooltip, e.g. "12 min". */
  display: string;
}

interface Props {
  id: string;
  title: string;
  summary: string;
  bars: Bar[];
  firstLabel: string;
  lastLabel: string;
  valueHeading: string;
  /** Tailwind fill classes for the bars (light and dark). */
  fill?: string;
}

export function BarChart({ id, title, summary, bars, firstLabel, lastLabel, valueHeading, fill = 'fill-indigo-600 dark:fill-indigo-400' }: Props) {
  const max = Math.max(0, ...bars.map((b) => b.value));
  const n = Math.max(1, bars.length);
  return (
    <figure className="mt-2" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="text-sm font-medium">
        {title} <span className="muted font-normal">· {summary}</span>
      </figcaption>
      <div className="mt-1 flex items-stretch gap-2">
        <div className="muted flex w-12 flex-col justify-between text-right text-xs" aria-hidden="true">
          <span>{max > 0 ? bars.find((b) => b.value === max)?.display : ''}</span>
          <span>0</span>
        </div>
        <svg
          role="img"
          aria-label={`${title}: ${summary}`}
          viewBox={`0 0 ${n} 100`}
          preserveAspectRatio="none"
          className="h-28 w-full border-b border-l border-slate-400 dark:border-slate-500"
          data-testid={`${id}-chart`}
        >
          {bars.map((b, i) => {
            const h = max > 0 ? (b.value / max) * 100 : 0;
            return (
              <rect key={b.key} x={i + 0.1} width={0.8} y={100 - h} height={h} className={fill}>
                <title>{`${b.label}: ${b.display}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="muted ml-14 flex justify-between text-xs" aria-hidden="true">
        <span>{firstLabel}</span>
        <span>{lastLabel}</span>
      </div>
      <details className="no-print mt-1 text-sm">
        <summary className="cursor-pointer rounded underline-offset-4 hover:underline">{title} as a table</summary>
        <div className="max-h-64 overflow-auto">
          <table className="mt-1 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className="pr-4">Day</th>
                <th scope="col">{valueHeading}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b) => (
                <tr key={b.key}>
                  <th scope="row" className="pr-4 font-normal">{b.label}</th>
                  <td>{b.display}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
