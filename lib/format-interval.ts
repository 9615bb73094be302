const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A short, button-sized interval such as "10m", "3d", "2mo" or "1.5y".
 * @example formatInterval(3 * 86_400_000) // "3d"
 */
export function formatInterval(ms: number): string {
  const v = Math.max(0, ms);
  if (v < HOUR) return `${Math.max(1, Math.round(v / MINUTE))}m`;
  if (v < DAY) return `${Math.round(v / HOUR)}h`;
  const days = v / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${roundTo(days / 30, days < 300 ? 1 : 0)}mo`;
  return `${roundTo(days / 365, 1)}y`;
}

function roundTo(n: number, digits: number): string {
  const f = 10 ** digits;
  const r = Math.round(n * f) / f;
  return String(r);
}
