/** Practice: making a 150-question mock, answer → next question, and the results of a 150-question attempt. */
import type { Page } from 'playwright-core';
import { type BenchCase, firstShownSamples, summarize } from './lib';

const measures = (page: Page, name: string) =>
  page.evaluate((n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration), name);

async function startMock(page: Page, baseURL: string, button: string): Promise<number> {
  await page.goto(`${baseURL}/practice/`);
  await page.getByRole('button', { name: button }).click();
  await page.getByTestId('question').waitFor({ timeout: 30_000 });
  const [made] = await measures(page, 'practice:make-attempt');
  return made!;
}

const practice: BenchCase = {
  name: 'practice',
  async run({ seeded, baseURL }) {
    const page = await seeded.newPage();
    // Making a mock: the first start also fetches the bank; each later one is the planning alone.
    const make: number[] = [];
    for (let i = 0; i < 11; i += 1) {
      const t = await startMock(page, baseURL, i % 2 ? 'Start the CISSP linear mock' : 'Start the CISM mock exam');
      if (i > 0) make.push(t);
    }

    // Answer → next question painted, over 120 answers of one CISM mock.
    await startMock(page, baseURL, 'Start the CISM mock exam');
    for (let n = 1; n <= 120; n += 1) {
      await page.keyboard.press(String(1 + (n % 4)));
      await page.keyboard.press('Enter');
      await page.waitForFunction((k) => document.querySelector('#question-heading')?.textContent?.startsWith(`Question ${k} of`), n + 1);
    }
    const answer = (await measures(page, 'practice:answer-to-next-question')).slice(10);

    // Submit it (30 left unanswered: 150 questions in the results), then time opening the results.
    await page.getByRole('button', { name: 'Review all' }).click();
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByTestId('results').waitFor();
    const url = page.url();
    await page.close();
    const results = await firstShownSamples(seeded, url, '[data-testid="missed"]');
    return [
      summarize('practice: make a 150-question mock (questions, options, explanations)', make, {
        target: '≤ 100 ms',
        note: 'CISM and CISSP alternately, from 841 concepts; first start (bank fetch) left out',
      }),
      summarize('practice: answer key to next question painted (CISM mock)', answer, { target: 'p95 ≤ 16 ms', note: `${answer.length} answers; first 10 left out` }),
      summarize('practice: navigation to the results of a 150-question mock', results, { target: '≤ 300 ms', note: 'first load discarded (warm-up)' }),
    ];
  },
};

export const cases: BenchCase[] = [practice];
