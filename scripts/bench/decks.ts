/**
 * The built-in decks: what they cost at start-up and in every page's JavaScript. The cards are a
 * separate precached file (public/decks/cards.<version>.json) synced into IndexedDB only when
 * their version changes, so an ordinary start-up only compares two strings.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BenchCase, type BenchResult, longestTask, NAME_SHIM, summarize, watchLongTasks } from './lib';

async function measures(page: import('playwright-core').Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

const startupSync: BenchCase = {
  name: 'decks: start-up sync',
  async run({ freshContext, baseURL }) {
    const context = await freshContext();
    const page = await context.newPage();
    await page.addInitScript(NAME_SHIM);
    await page.addInitScript(watchLongTasks);
    const first: number[] = [];
    const firstLongest: number[] = [];
    const unchanged: number[] = [];
    for (let i = 0; i < 13; i += 1) {
      await page.goto(`${baseURL}/`);
      await page.getByTestId('counts').first().waitFor();
      if (i > 0) {
        unchanged.push(...(await measures(page, 'decks:sync-unchanged')));
        continue;
      }
      first.push(...(await measures(page, 'decks:sync')));
      // The page's longest task while the first install ran (parsing the card file, building and storing the cards).
      const install = await page.evaluate(() => performance.getEntriesByName('decks:sync', 'measure').map((m) => [m.startTime, m.startTime + m.duration] as const)[0]);
      if (install) firstLongest.push(await longestTask(page, install[0], install[1]));
    }
    await context.close();
    const cards = JSON.parse(readFileSync('lib/decks/generated/manifest.json', 'utf8')).cardCount as number;
    return [
      summarize('decks: start-up sync, deck version unchanged', unchanged, { target: '≤ 50 ms', note: 'one meta read; the card file is not fetched' }),
      summarize(`decks: first sync into an empty profile (${cards} cards)`, first, { note: 'fetch of the card file + one transaction' }),
      summarize('decks: first sync into an empty profile, longest main-thread task', firstLongest, { note: 'PerformanceObserver longtask during the first install; 0 = none over 50 ms' }),
    ];
  },
};

/** Gzipped size of the JavaScript each exported page loads before it runs (what Next calls first-load JS), without the legacy polyfill. */
function firstLoadKiB(): { page: string; kib: number }[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_next' && name !== 'decks') walk(p);
      } else if (name === 'index.html') pages.push(p);
    }
  };
  walk('out');
  return pages.map((html) => {
    const text = readFileSync(html, 'utf8');
    // noModule scripts are the legacy polyfill: browsers that run modules never fetch them.
    const scripts = [
      ...new Set([...text.matchAll(/<script([^>]*)\ssrc="([^"]+\.js)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1]! + m[3]!)).map((m) => m[2]!)),
    ];
    const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join('out', src.split('?')[0]!))).length, 0);
    return { page: html.slice('out'.length).replace(/index\.html$/, '') || '/', kib: Math.round((bytes / 1024) * 10) / 10 };
  });
}

const firstLoad: BenchCase = {
  name: 'decks: first-load JavaScript',
  async run() {
    const sizes = firstLoadKiB();
    const largest = sizes.reduce((a, b) => (b.kib > a.kib ? b : a));
    const result: BenchResult = {
      ...summarize('first-load JavaScript per page, gzip', sizes.map((s) => s.kib), {
        target: '≤ 200 KiB',
        note: `largest: ${largest.page} (${largest.kib} KiB); pages: ${sizes.map((s) => `${s.page} ${s.kib}`).join(', ')}`,
      }),
      unit: 'KiB',
    };
    return [result];
  },
};

export const cases: BenchCase[] = [startupSync, firstLoad];
