/**
 * Shared pieces of `npm run bench`: the case interface, statistics over samples, and a seeded
 * collection (20,000 cards, 300,000 review rows) written straight into the app's IndexedDB in
 * real Chromium.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

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
 * synthetic collection with raw IndexedDB inside the page: generating rows in the page avoids
 * shipping hundreds of megabytes through the DevTools protocol. The rows have exactly the
 * shapes of lib/model.ts (StudyCard, ReviewEntry).
 */
export async function seedCollection(page: Page, baseURL: string, size: CollectionSize, now: number): Promise<void> {
  await page.goto(`${baseURL}/`);
  await page.getByTestId('home').waitFor({ timeout: 60_000 });
  await page.evaluate(NAME_SHIM);
  await page.evaluate(seedInPage, { ...size, now });
  await page.reload();
  await page.getByTestId('home').waitFor({ timeout: 60_000 });
}

/** Runs inside the page: it must not refer to anything outside itself. */
async function seedInPage({ cards, reviews, now }: { cards: number; reviews: number; now: number }): Promise<void> {
  const DAY = 86_400_000;
  let seed = 42;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const dayOf = (t: number) => {
    const d = new Date(t - 4 * 3_600_000);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const open = indexedDB.open('cism-cissp-study');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const deckIds = ['bench-1', 'bench-2', 'bench-3', 'bench-4'];
  const studied = Math.round(cards * 0.6);
  const perCard = Math.ceil(reviews / studied);
  const write = (stores: string[], fill: (tx: IDBTransaction) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  await write(['decks'], (tx) => {
    for (const id of deckIds) tx.objectStore('decks').put({ id, name: `Bench deck ${id.slice(-1)}`, description: 'Synthetic cards for the benchmark', builtin: false });
  });

  let written = 0;
  const batch = 20_000;
  for (let start = 0; start < cards; start += batch) {
    await write(['cards', 'reviews'], (tx) => {
      const cardStore = tx.objectStore('cards');
      const reviewStore = tx.objectStore('reviews');
      for (let i = start; i < Math.min(cards, start + batch); i += 1) {
        const id = `bench-${i}`;
        const deckId = deckIds[i % deckIds.length]!;
        const isStudied = i < studied;
        const learning = isStudied && i % 10 === 0;
        const lastReview = isStudied ? now - Math.floor(rand() * 20 + 1) * DAY : null;
        const stability = isStudied ? 1 + rand() * 60 : 0;
        const due = !isStudied ? now - DAY : learning ? now + Math.floor(rand() * 30) * 60_000 : now + Math.floor(rand() * 40 - 8) * DAY;
        const state = !isStudied ? 0 : learning ? 1 : 2;
        const queue = state === 0 ? 'new' : state === 2 ? 'review' : 'learn';
        cardStore.put({
          id, deckId, template: 'bench', factKey: id, front: `Synthetic question ${i}`, back: `Synthetic answer ${i}`,
          tags: [`domain:bench/${i % 8}`], order: i, due, stability, difficulty: isStudied ? 1 + rand() * 9 : 0,
          elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: isStudied ? perCard : 0, lapses: 0, state,
          lastReview, suspended: false, retired: false, queue, rank: queue === 'new' ? i : due, rev: 0,
        });
        if (!isStudied) continue;
        for (let k = 0; k < perCard && written < reviews; k += 1, written += 1) {
          const reviewedAt = now - Math.floor(rand() * 365 * DAY);
          const grade = rand() < 0.12 ? 1 : rand() < 0.15 ? 2 : rand() < 0.9 ? 3 : 4;
          const before = { due: reviewedAt, stability, difficulty: 5, elapsedDays: 3, scheduledDays: 3, learningSteps: 0, reps: k, lapses: 0, state: k === 0 ? 0 : 2, lastReview: k === 0 ? null : reviewedAt - 3 * DAY };
          reviewStore.put({
            id: `bench-r-${i}-${k}`, cardId: id, deckId, grade, reviewedAt, durationMs: Math.floor(2000 + rand() * 8000),
            day: dayOf(reviewedAt), stateBefore: before.state, dueBefore: before.due, stabilityAfter: stability,
            difficultyAfter: 5, elapsedDays: 3, scheduledDays: 3, before,
          });
        }
      }
    });
  }
  db.close();
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
}
