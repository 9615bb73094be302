/**
 * Shared pieces of `npm run bench`: the case interface, statistics over samples, and a seeded
 * collection (20,000 cards, 300,000 review rows) written straight into the app's IndexedDB in
 * real Chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seedHistory } from '../../tests/e2e/support/seed-history';

export interface BenchResult {
  case: string;
  unit: 'ms' | 'KiB';
  runs: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  target?: string;
  note?: string;
}

export interface BenchContext {
  browser: Browser;
  baseURL: string;
  /** A browser context whose IndexedDB already holds the seeded collection (shared by cases). */
  seeded: BrowserContext;
  /** A new, empty browser context (fresh IndexedDB). Close it when done. */
  freshContext(): Promise<BrowserContext>;
  size: CollectionSize;
}

export interface BenchCase {
  name: string;
  run(ctx: BenchContext): Promise<BenchResult[]>;
}

export interface CollectionSize {
  cards: number;
  reviews: number;
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps functions in a `__name` helper
 * that does not exist in the page. Install a stand-in before running code in the page.
 */
export const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

/**
 * An init script: records in `window[key]` when an element matching `selector` first appears,
 * in the page's own clock (ms since navigation). Use with page.addInitScript(watchFirstShown, {...}).
 */
export const watchFirstShown = ({ selector, key }: { selector: string; key: string }) => {
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) {
      (window as unknown as Record<string, number>)[key] = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** Navigates to `url` and returns when (ms since navigation) the watched element appeared. */
export async function shownAfterNavigation(page: Page, url: string, key: string, timeout = 30_000): Promise<number> {
  await page.goto(url);
  await page.waitForFunction((k) => (window as unknown as Record<string, number | undefined>)[k] !== undefined, key, { timeout });
  return page.evaluate((k) => (window as unknown as Record<string, number>)[k]!, key);
}

/**
 * `runs` navigations to `url` in a new page of `context`, each timed to the first `selector`;
 * the first is a warm-up and is left out.
 */
export async function firstShownSamples(context: BrowserContext, url: string, selector: string, runs = 12): Promise<number[]> {
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(watchFirstShown, { selector, key: '__firstShownAt' });
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = await shownAfterNavigation(page, url, '__firstShownAt');
    if (i > 0) samples.push(t);
  }
  await page.close();
  return samples;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function summarize(
  name: string,
  samples: number[],
  extra: Pick<BenchResult, 'target' | 'note'> & { unit?: BenchResult['unit'] } = {},
): BenchResult {
  const sorted = samples.slice().sort((a, b) => a - b);
  return {
    case: name,
    unit: 'ms',
    runs: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
    ...extra,
  };
}

/**
 * Opens the app once (so it creates its schema and syncs the built-in decks), then writes the
 * synthetic collection with the seeding fixture the end-to-end tests use (tests/e2e/support/seed-history.ts).
 */
export async function seedCollection(page: Page, baseURL: string, size: CollectionSize, now: number): Promise<void> {
  await page.goto(`${baseURL}/`);
  await page.getByTestId('home').waitFor({ timeout: 60_000 });
  await seedHistory(
    page,
    {
      now,
      seed: 42,
      syntheticCards: size.cards,
      studiedShare: 0.6,
      learningEvery: 10,
      reviewsPerCard: Math.ceil(size.reviews / Math.round(size.cards * 0.6)),
      maxReviews: size.reviews,
      historyDays: 365,
      weakDomainSuffix: null,
      clearDigest: false,
    },
    NAME_SHIM,
  );
  await page.reload();
  await page.getByTestId('home').waitFor({ timeout: 60_000 });
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}

type LongTask = { start: number; end: number };

/** An init script: collects the page's long tasks (main-thread work over 50 ms) with when they ran. */
export const watchLongTasks = () => {
  const w = window as unknown as { __longTasks: LongTask[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

export const pageNow = (page: Page) => page.evaluate(() => performance.now());

/**
 * The longest task that ran after `since` (the page's clock, taken just before the work began)
 * and, if given, before `until`, counting only its part in between: loading and hydrating the
 * page is not what "the work froze the page" means.
 */
export async function longestTask(page: Page, since: number, until = Infinity): Promise<number> {
  return page.evaluate(
    ([from, to]) =>
      Math.max(0, ...(window as unknown as { __longTasks: LongTask[] }).__longTasks.filter((e) => e.end > from && e.start < to).map((e) => Math.min(e.end, to) - Math.max(e.start, from))),
    [since, until] as const,
  );
}
