/**
 * A Chromium trace of the grade → next-card path, split per answer into what the main thread did
 * (script, style, layout, paint and commit, garbage collection) and the time it sat idle waiting
 * for the compositor to produce the frame. It tells the app's share of the latency from the
 * browser's own.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { percentile } from './lib';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  id2?: { local?: string };
  args?: { name?: string; data?: Record<string, unknown> };
}

export const PHASES = [
  'main thread busy',
  'script',
  'style',
  'layout',
  'paint and commit',
  'garbage collection',
  'idle, waiting for the frame',
  'after the commit, until painted',
] as const;
export type Phase = (typeof PHASES)[number];

const PHASE_OF: Record<string, Exclude<Phase, 'main thread busy' | 'script' | 'idle, waiting for the frame' | 'after the commit, until painted'>> = {
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  Layout: 'layout',
  PrePaint: 'paint and commit',
  Paint: 'paint and commit',
  Layerize: 'paint and commit',
  UpdateLayerTree: 'paint and commit',
  Commit: 'paint and commit',
  MinorGC: 'garbage collection',
  MajorGC: 'garbage collection',
};

/** Runs `work` under a trace; returns per measured span (the user-timing measure `measure`) the time per phase, in ms. */
export async function tracePhases(context: BrowserContext, page: Page, measure: string, work: () => Promise<void>): Promise<Record<Phase, number>[]> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();

  const open = new Map<string, number>();
  const spans: { start: number; end: number; pid: number }[] = [];
  for (const e of events) {
    if (e.name !== measure) continue;
    const key = e.id2?.local ?? e.id ?? '';
    if (e.ph === 'b') open.set(key, e.ts);
    else if (e.ph === 'e' && open.has(key)) {
      spans.push({ start: open.get(key)!, end: e.ts, pid: e.pid });
      open.delete(key);
    }
  }
  if (spans.length === 0) return [];
  const mainThread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === spans[0]!.pid);
  const slices = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined && e.pid === mainThread?.pid && e.tid === mainThread?.tid)
    .sort((a, b) => a.ts - b.ts);
  // Each span is cut at the first commit after the grade: the frame that shows the next card.
  // What follows (the compositor drawing it, and the measure's own wait for the painted frame)
  // is reported apart, so that later input in the same span is not counted as this answer's work.
  return spans.map(({ start, end }) => {
    const commit = slices.find((e) => e.name === 'Commit' && e.ts > start && e.ts < end);
    const cut = commit ? commit.ts + commit.dur! : end;
    const inside = slices.filter((e) => e.ts >= start && e.ts < cut);
    const row = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
    let outerEnd = -1;
    for (const e of inside) {
      if (e.ts >= outerEnd) {
        row['main thread busy'] += e.dur! / 1000;
        outerEnd = e.ts + e.dur!;
      }
      const phase = PHASE_OF[e.name];
      if (phase) row[phase] += e.dur! / 1000;
    }
    row.script = Math.max(0, row['main thread busy'] - row.style - row.layout - row['paint and commit'] - row['garbage collection']);
    row['idle, waiting for the frame'] = Math.max(0, (cut - start) / 1000 - row['main thread busy']);
    row['after the commit, until painted'] = (end - cut) / 1000;
    return row;
  });
}

/** Median, 95th percentile, least and most of one phase over every span, in ms. */
export function phaseSummary(rows: readonly Record<Phase, number>[], phase: Phase): { median: number; p95: number; min: number; max: number } {
  const values = rows.map((r) => r[phase]).sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return { median: round(percentile(values, 50)), p95: round(percentile(values, 95)), min: round(values[0] ?? 0), max: round(values.at(-1) ?? 0) };
}
