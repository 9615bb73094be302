import { expect, type Page, test } from '@playwright/test';
import generated from '../../lib/decks/generated/decks.json';
import { getRow } from './support/idb';
import { seedHistory } from './support/seed-history';

/** Counts from the generated decks, so the figures follow the content instead of being typed in. */
const taggedCount = (tag: string) => generated.cards.filter((c) => c.tags.includes(tag)).length;
const CISSP_CARDS = taggedCount('cert:cissp');
const DOMAIN_1_CARDS = taggedCount('domain:cissp-2024/1');
const SUBDOMAIN_CARDS = taggedCount('subdomain:cissp-2024/1.1');

/** A YYYY-MM-DD day `n` days from now, in the browser's local time (as the app computes days). */
function dayFromNow(page: Page, n: number): Promise<string> {
  return page.evaluate((days) => {
    const d = new Date(Date.now() - 4 * 3_600_000 + days * 86_400_000);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, n);
}

async function openStats(page: Page) {
  await page.goto('/stats/');
  await expect(page.getByTestId('stats')).toBeVisible();
}

const percentOf = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())!.replace('%', ''));

test('sets an exam date, studies a few cards, and sees readiness and the heatmap change', async ({ page }) => {
  await openStats(page);
  const today = await dayFromNow(page, 0);
  await expect(page.getByTestId('heatmap-summary')).toContainText('0 answers on 0 days');
  await expect(page.getByTestId('stats-streak')).toHaveText('0');
  expect(await percentOf(page, 'overall-today-cissp')).toBe(0);
  await expect(page.getByTestId('overall-exam-cissp')).toHaveCount(0);

  // A date in the past is refused with a message, and nothing is stored.
  const form = page.getByTestId('exam-plan');
  await form.getByLabel('CISSP exam date').fill('2020-01-01');
  await form.getByRole('button', { name: 'Save exam plan' }).click();
  await expect(form.getByText('The CISSP exam date 2020-01-01 is in the past')).toBeVisible();
  await expect(form.getByLabel('CISSP exam date')).toBeFocused();
  expect((await getRow<{ examDates?: unknown }>(page, 'settings', 'settings'))?.examDates).toBeUndefined();

  const exam = await dayFromNow(page, 60);
  await form.getByLabel('CISSP exam date').fill(exam);
  await form.getByRole('button', { name: 'Save exam plan' }).click();
  await expect(form.getByRole('status')).toHaveText('Exam plan saved.');
  expect(await getRow(page, 'settings', 'settings')).toMatchObject({ examDates: { cism: null, cissp: exam }, pacingBufferDays: 14 });
  const cissp = page.getByTestId('readiness-cissp');
  await expect(cissp).toContainText('60 days to go');
  expect(await percentOf(page, 'overall-exam-cissp')).toBe(0);
  // Every CISSP card over the 47 days up to the buffer (today included).
  const perDay = Math.ceil(CISSP_CARDS / 47);
  await expect(page.getByTestId('pacing-cissp')).toContainText(`introduce ${perDay} new cards a day for the next 47 days`);

  // All domains are at 0: the heaviest (domain 1, 16 %) is listed first. Study its first sub-domain.
  const first = cissp.locator('tbody tr').first();
  await expect(first).toHaveAttribute('data-domain', 'cissp-2024/1');
  const subdomains = cissp.getByTestId('subdomains-cissp-2024/1');
  await subdomains.getByText(/sub-domains of domain 1/).click();
  const ethics = subdomains.locator('[data-subdomain="cissp-2024/1.1"]');
  await expect(ethics.getByTestId('subdomain-seen')).toHaveText(`seen 0/${SUBDOMAIN_CARDS} · recall 0%`);
  await ethics.getByRole('link', { name: /Study this sub-domain: CISSP 1\.1/ }).click();
  await expect(page).toHaveURL(/\/study\/\?tag=subdomain%3Acissp-2024%2F1\.1/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CISSP 2024 · 1.1 Professional ethics');
  for (let i = 0; i < 4; i += 1) {
    await expect(page.getByTestId('card')).toBeVisible();
    // every card of this session teaches sub-domain 1.1: its outline item is named on the back
    await page.keyboard.press('Space');
    await expect(page.getByTestId('card')).toContainText('CISSP 2024 · 1.1');
    await expect(page.getByRole('button', { name: /^Easy\b/ })).toBeVisible();
    await page.keyboard.press('4');
    await expect(page.getByTestId('answered')).toHaveText(String(i + 1));
  }

  await page.getByRole('link', { name: 'Progress' }).click();
  await expect(page.getByTestId('heatmap-summary')).toContainText('4 answers on 1 day');
  await expect(page.getByTestId('stats-streak')).toHaveText('1');
  await expect(page.locator(`[data-testid="heatmap"] rect[data-day="${today}"]`)).toHaveAttribute('data-count', '4');
  const readiness = page.getByTestId('readiness-cissp');
  const domain1 = readiness.locator('tr[data-domain="cissp-2024/1"]');
  await expect(domain1.getByTestId('seen')).toHaveText(`4/${DOMAIN_1_CARDS}`);
  // Four cards at ~100 % recall: the domain's figure moves from 0 to about 4 / its card count.
  const domainToday = Number((await domain1.getByTestId('recall-today').textContent())!.replace('%', ''));
  expect(domainToday).toBe(Math.round((100 * 4) / DOMAIN_1_CARDS));
  expect(domainToday).toBeGreaterThan(0);
  const domainExam = Number((await domain1.getByTestId('recall-exam').textContent())!.replace('%', ''));
  expect(domainExam).toBeLessThanOrEqual(domainToday);
  await readiness.getByTestId('subdomains-cissp-2024/1').getByText(/sub-domains of domain 1/).click();
  await expect(readiness.locator('[data-subdomain="cissp-2024/1.1"]').getByTestId('subdomain-seen')).toHaveText(
    `seen 4/${SUBDOMAIN_CARDS} · recall ${Math.round((100 * 4) / SUBDOMAIN_CARDS)}%`,
  );
  // Domain 1 is no longer the weakest.
  await expect(readiness.locator('tbody tr[data-domain]').first()).not.toHaveAttribute('data-domain', 'cissp-2024/1');
  // The page says which cards readiness counts.
  await expect(readiness).toContainText('The syllabus map, exam facts and role contrasts do not count.');

  // The unseen cards over 47 days; apply it as the limit.
  const nextPerDay = Math.ceil((CISSP_CARDS - 4) / 47);
  await page.getByTestId('pacing-cissp').getByRole('button', { name: `Use ${nextPerDay} new cards per day` }).click();
  await expect(page.getByTestId('pacing-cissp')).toContainText(`Your daily new-card limit is now ${nextPerDay}.`);
  expect(await getRow(page, 'settings', 'settings')).toMatchObject({ newCardsPerDay: nextPerDay, examDates: { cissp: exam } });
  await expect(page.getByTestId('pacing-cissp')).toContainText(`already ${nextPerDay}`);


  // The printed report fits one page.
  await page.emulateMedia({ media: 'print' });
  const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
});

test('a CISM exam on or after 3 November 2026 is told that the decks follow the 2022 job practice', async ({ page }) => {
  await openStats(page);
  await expect(page.getByTestId('outline-change-cism')).toHaveCount(0);
  const form = page.getByTestId('exam-plan');
  // Any future day is after the change (3 November 2026): the notice applies from now on.
  const exam = await dayFromNow(page, 30);
  expect(exam >= '2026-11-03').toBe(true);
  await form.getByLabel('CISM exam date').fill(exam);
  await form.getByLabel('CISSP exam date').fill(exam);
  await form.getByRole('button', { name: 'Save exam plan' }).click();
  await expect(form.getByRole('status')).toHaveText('Exam plan saved.');
  const notice = page.getByTestId('outline-change-cism');
  await expect(notice).toContainText('The CISM outline changed.');
  await expect(notice).toContainText('3 Nov 2026');
  await expect(notice).toContainText('the CISM 2022 job practice');
  // The CISSP outline of 2024 is still the exam's: no notice there.
  await expect(page.getByTestId('outline-change-cissp')).toHaveCount(0);
});

/**
 * A few months of synthetic history on the built-in cards, written straight into IndexedDB (as
 * an import from an older version would, without the per-day totals or the card digest), so the
 * page has to recount them; then screenshots of the page in both schemes.
 */
function seedProgress(page: Page): Promise<number> {
  return seedHistory(page, {
    now: Date.now(),
    seed: 7,
    syntheticCards: null,
    studiedShare: 0.65,
    learningEvery: 0,
    reviewsPerCard: 4,
    maxReviews: 1_000_000,
    historyDays: 120,
    weakDomainSuffix: '4',
    clearDigest: true,
  });
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`recounts imported history and renders it (${colorScheme} screenshot)`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 900, height: 900 });
    await openStats(page);
    const exam = await dayFromNow(page, 75);
    await page.getByTestId('exam-plan').getByLabel('CISSP exam date').fill(exam);
    await page.getByTestId('exam-plan').getByLabel('CISM exam date').fill(await dayFromNow(page, 120));
    await page.getByTestId('exam-plan').getByRole('button', { name: 'Save exam plan' }).click();
    await expect(page.getByTestId('exam-plan').getByRole('status')).toHaveText('Exam plan saved.');

    // Seed with no statistics page open: that page checks its data once, when the browser is idle,
    // and on a busy machine its check could run after the seed and recount it there.
    await page.goto('/');
    await expect(page.getByTestId('home')).toBeVisible();
    await seedProgress(page);
    const reviews = await page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('cism-cissp-study');
      open.onsuccess = () => {
        const req = open.result.transaction('reviews').objectStore('reviews').count();
        req.onsuccess = () => { open.result.close(); resolve(req.result); };
      };
    }));
    await openStats(page);
    await expect(page.getByText('were recounted')).toBeVisible();
    // The recount is a write: the live figures follow it a moment later.
    await expect(page.getByTestId('heatmap-summary')).toContainText(`${reviews.toLocaleString('en')} answers`);
    expect(await percentOf(page, 'overall-today-cissp')).toBeGreaterThan(20);
    await expect(page.getByTestId('retention').locator('tr[data-period="year"] td').last()).toContainText('%');

    await openStats(page); // once more, so the one-off "recounted" note is not in the picture
    await expect(page.getByText('were recounted')).toHaveCount(0);
    await page.screenshot({ path: `docs/screenshots/stats-${colorScheme}.png`, fullPage: true });
  });
}
