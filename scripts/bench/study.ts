/** The daily loop: home counts, today's queue, and grade-to-next-card latency. */
import type { Page } from 'playwright-core';
import { PHASES, phaseSummary, tracePhases } from './frame-phases';
import { type BenchCase, type BenchResult, firstShownSamples, summarize } from './lib';

const coldStart: BenchCase = {
  name: 'cold start',
  async run({ seeded, baseURL }) {
    const samples = await firstShownSamples(seeded, `${baseURL}/study/`, '[data-testid="card"]');
    return [summarize('study: navigation to the first card shown ("Study all")', samples, { target: '≤ 1000 ms', note: 'first load discarded (warm-up)' })];
  },
};

async function measureOf(page: Page, name: string): Promise<number[]> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);
}

const home: BenchCase = {
  name: 'home',
  async run({ seeded, baseURL }) {
    const samples = await firstShownSamples(seeded, `${baseURL}/`, '[data-testid="counts"]');
    return [summarize('home: navigation to deck counts shown', samples, { note: 'first load discarded (warm-up)' })];
  },
};

const queue: BenchCase = {
  name: 'queue',
  async run({ seeded, baseURL }) {
    const page = await seeded.newPage();
    const samples: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      await page.goto(`${baseURL}/study/`);
      await page.getByTestId('card').waitFor();
      const [d] = await measureOf(page, 'study:build-queue');
      if (i > 0 && d !== undefined) samples.push(d);
    }
    await page.close();
    return [summarize("study: build today's queue (study all)", samples, { note: 'IndexedDB reads + queue building' })];
  },
};

const answer: BenchCase = {
  name: 'answer',
  async run({ seeded, baseURL }) {
    const page = await seeded.newPage();
    await page.goto(`${baseURL}/study/`);
    const answered = page.getByTestId('answered');
    let given = 0;
    const answerSome = async (count: number) => {
      for (let i = 0; i < count; i += 1) {
        await page.getByTestId('card').waitFor();
        await page.keyboard.press('Space');
        await page.getByRole('button', { name: /^Good\b/ }).waitFor();
        await page.keyboard.press('3');
        given += 1;
        await page.waitForFunction((n) => document.querySelector('[data-testid="answered"]')?.textContent === String(n), given);
      }
    };
    await answerSome(200);
    const samples = await measureOf(page, 'study:grade-to-next-card');
    // A traced run of 80 more answers, split into phases: what the app's own work costs, and
    // how long the main thread then sits idle until the compositor produces the frame.
    const phases = await tracePhases(seeded, page, 'study:grade-to-next-card', () => answerSome(80));
    const total = Number(await answered.textContent());
    await page.close();
    const breakdown: BenchResult[] = PHASES.map((phase) => {
      return { case: `study: grade → next card, ${phase} (trace)`, unit: 'ms', runs: phases.length, ...phaseSummary(phases, phase) };
    });
    return [summarize('study: grade key to next card painted', samples, { target: 'p95 ≤ 16 ms', note: `${total - 80} answers in one session` }), ...breakdown];
  },
};

export const cases: BenchCase[] = [home, coldStart, queue, answer];
