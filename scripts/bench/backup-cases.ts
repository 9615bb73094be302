/**
 * Backups of the full collection (20,000 cards, 300,000 answers), through the backup screen in
 * real Chromium: the page's own measures (backup:export / backup:prepare / backup:apply, from
 * the click or file choice to the result on screen) and the longest task on the page's main
 * thread meanwhile, which is what "the page froze" would look like.
 *
 * Files are restored into fresh profiles:
 * - "as exported by the app": answers simulated through the app's FSRS bridge, so each card's
 *   log is an unbroken chain and the import keeps every recorded result (a real restore), over
 *   the built-in decks, over 2,000 cards and over 20,000;
 * - "every answer recomputed": the export of the benchmark's seeded collection, whose synthetic
 *   answers do not follow from one another, so FSRS recomputes all 300,000 (the worst case).
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { serializeBackup } from '../../lib/backup/checksum';
import { type BackupCard, REVIEW_COLUMN_NAMES, reviewToRow, settingsToBackup } from '../../lib/backup/format';
import type { GeneratedCard, GeneratedDecks } from '../../lib/decks/types';
import generated from '../../lib/decks/generated/decks.json';
import { DEFAULT_SETTINGS, type Grade, type ReviewEntry, type Deck } from '../../lib/model';
import { answerMemory, createScheduler, fsrsWeights, newMemoryState } from '../../lib/scheduler';
import { studyDayOf } from '../../lib/study-day';
import { type BenchCase, type BenchResult, type CollectionSize, longestTask, NAME_SHIM, pageNow, summarize, watchLongTasks } from './lib';

const DAY = 86_400_000;

/**
 * A backup as the app would export it after a year of study: FSRS-consistent histories. With
 * `builtin`, the cards are the app's own decks (what a learner of this app really has), so a
 * restore into a new browser finds them already there and replays their answers onto them.
 */
export async function simulatedBackup(size: CollectionSize, now: number, builtin?: GeneratedDecks, origin?: 'anki'): Promise<string> {
  let seed = 7;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const settings = DEFAULT_SETTINGS;
  const scheduler = createScheduler(settings);
  const decks: Deck[] = builtin
    ? builtin.decks.map((d) => ({ ...d, builtin: true, retired: false }))
    : [1, 2, 3, 4].map((n) => ({ id: `sim-${n}`, name: `Simulated deck ${n}`, description: 'Benchmark', builtin: false }));
  const texts: GeneratedCard[] = builtin
    ? builtin.cards
    : Array.from({ length: size.cards }, (_, i) => ({
      id: `sim-${i}`, deckId: decks[i % decks.length]!.id, front: `Simulated question ${i}`, back: `Simulated answer ${i}`,
      template: 'bench', factKey: `sim-${i}`, tags: [`domain:bench/${i % 8}`], order: i,
      ...(origin ? { origin, originRef: `${i}:0`, contentRev: 0, contentAt: now - 366 * DAY } : {}),
    }));
  // Every built-in card has been studied; of a large simulated collection, 60 %.
  const studied = builtin ? texts.length : Math.round(texts.length * 0.6);
  const perCard = Math.ceil(size.reviews / studied);
  const cards: BackupCard[] = [];
  const reviews: ReviewEntry[] = [];
  for (const [i, text] of texts.entries()) {
    const { id, deckId } = text;
    let memory = newMemoryState(now - 366 * DAY);
    const count = i < studied ? Math.min(perCard, size.reviews - reviews.length) : 0;
    const times = Array.from({ length: count }, () => now - Math.floor(rand() * 365 * DAY)).sort((a, b) => a - b);
    for (const [k, at] of times.entries()) {
      const r = rand();
      const grade = (r < 0.12 ? 1 : r < 0.2 ? 2 : r < 0.93 ? 3 : 4) as Grade;
      const result = answerMemory(scheduler, id, memory, grade, at);
      reviews.push({
        id: `sim-r-${i}-${k}`, cardId: id, deckId, grade, reviewedAt: at, durationMs: 2000 + Math.floor(rand() * 8000),
        day: studyDayOf(at, settings.dayStartHour), stateBefore: memory.state, dueBefore: memory.due,
        stabilityAfter: result.after.stability, difficultyAfter: result.after.difficulty,
        elapsedDays: result.elapsedDays, scheduledDays: result.scheduledDays, before: memory,
      });
      memory = result.after;
    }
    cards.push({ ...text, suspended: false, retired: false, rev: count, ...memory });
  }
  return serializeBackup({
    app: 'cism-cissp-study', appVersion: 'bench', schemaVersion: 3, exportedAt: new Date(now).toISOString(),
    settings: settingsToBackup(settings), settingsSavedAt: null, fsrsParameters: fsrsWeights(settings), decks, cards,
    reviewColumns: REVIEW_COLUMN_NAMES, reviews: reviews.sort((a, b) => a.reviewedAt - b.reviewedAt).map(reviewToRow),
    practiceAttempts: [],
    media: [],
    cardRevisions: [],
  });
}

async function measure(page: Page, name: string): Promise<number> {
  const all = await page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
  return all.at(-1)!;
}

export async function backupPage(context: BrowserContext, baseURL: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(watchLongTasks);
  await page.goto(`${baseURL}/backup/`);
  await page.getByTestId('backup').waitFor({ timeout: 120_000 });
  return page;
}

export interface Restore {
  prepare: number;
  apply: number;
  longest: number;
}

/** Restores `file` into a fresh profile through the backup screen; with `keepOpen`, the profile stays open for more work. */
export async function restore(freshContext: () => Promise<BrowserContext>, baseURL: string, file: string, { keepOpen = false } = {}): Promise<Restore> {
  const context = await freshContext();
  try {
    const page = await backupPage(context, baseURL);
    const since = await pageNow(page);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('Backup file (.json) to import').click()]);
    await chooser.setFiles(file);
    await page.getByTestId('import-preview').waitFor({ timeout: 300_000 });
    await page.getByTestId('import-preview').getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 300_000 });
    return { prepare: await measure(page, 'backup:prepare'), apply: await measure(page, 'backup:apply'), longest: await longestTask(page, since) };
  } finally {
    if (!keepOpen) await context.close();
  }
}

function restoreResults(label: string, runs: Restore[], note: string): BenchResult[] {
  return [
    summarize(`backup: restore ${label}, total (check + write)`, runs.map((r) => r.prepare + r.apply), { target: '< 5000 ms', note }),
    summarize(`backup: restore ${label}, check and plan (file chosen → preview)`, runs.map((r) => r.prepare)),
    summarize(`backup: restore ${label}, write (Import → done)`, runs.map((r) => r.apply)),
    summarize(`backup: restore ${label}, longest main-thread task`, runs.map((r) => r.longest), { target: '< 200 ms (no freeze)' }),
  ];
}

const backup: BenchCase = {
  name: 'backup',
  async run({ seeded, freshContext, baseURL, size }) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-backup-'));
    try {
      const results: BenchResult[] = [];
      const page = await backupPage(seeded, baseURL);
      const exports: number[] = [];
      let exportedFile = '';
      const since = await pageNow(page);
      for (let i = 0; i < 3; i += 1) {
        const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), page.getByRole('button', { name: 'Export progress' }).click()]);
        exportedFile = join(dir, `seeded-${i}.json`);
        await download.saveAs(exportedFile);
        exports.push(await measure(page, 'backup:export'));
      }
      const exportLongest = await longestTask(page, since);
      await page.close();
      const mb = (path: string) => `${Math.round(statSync(path).size / 1e6)} MB`;
      results.push(summarize('backup: export everything (click → file saved)', exports, { note: `${mb(exportedFile)}; the seeded answers are rows, read page by page` }));
      results.push(summarize('backup: export, longest main-thread task', [exportLongest], { target: '< 200 ms (no freeze)' }));

      // Cards are stored one row each (they are what the study queue's indexes range over), so
      // their number matters too: the app's own decks (what a learner of this app has), eight
      // times as many, and the benchmark collection's 20,000.
      const builtin = generated as GeneratedDecks;
      const collections = [
        { label: `the built-in decks, ${builtin.cards.length} cards`, file: 'simulated-builtin.json', builtin },
        { label: '2,000 cards', file: 'simulated-2000.json', cards: 2_000 },
        { label: `${size.cards.toLocaleString('en')} cards`, file: `simulated-${size.cards}.json`, cards: size.cards },
      ];
      for (const c of collections) {
        const simulated = join(dir, c.file);
        writeFileSync(simulated, await simulatedBackup({ cards: c.cards ?? 0, reviews: size.reviews }, Date.now(), c.builtin));
        const real: Restore[] = [];
        for (let i = 0; i < 3; i += 1) real.push(await restore(freshContext, baseURL, simulated));
        results.push(...restoreResults(`as exported by the app (${c.label})`, real, `${mb(simulated)}, ${size.reviews.toLocaleString('en')} answers into a fresh profile`));
      }

      const worst: Restore[] = [];
      for (let i = 0; i < 2; i += 1) worst.push(await restore(freshContext, baseURL, exportedFile));
      results.push(...restoreResults(`with every answer recomputed (${size.cards.toLocaleString('en')} cards)`, worst, `${mb(exportedFile)}: the seeded collection, whose answers FSRS replays one by one`));
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const cases: BenchCase[] = [backup];
