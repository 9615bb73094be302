import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { StudyPage } from './pages/study-page';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { countCards, countRows, putRow } from './support/idb';

async function waitForServiceWorkerControl(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after one visit the app opens, studies and stores an answer with the network cut', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('home')).toBeVisible();
  await page.goto('/study/?deck=cissp-domains');
  const study = new StudyPage(page);
  await study.answerWithKeys('3');
  await expect.poll(() => countRows(page, 'reviews')).toBe(1);
  await page.goto('/settings/');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  // A route the app does not have still gets the app shell, not the browser's offline page.
  await page.goto('/no-such-page/');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('Chromium finds the app installable', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'install-check-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${baseURL}/`);
    await expect(page.getByTestId('home')).toBeVisible();
    await waitForServiceWorkerControl(page);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
    expect(installabilityErrors).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { errors: unknown[]; url: string };
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toContain('/manifest.webmanifest');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a new version waits, is offered with "Reload", and the progress survives the update', async ({ page }) => {
  const port = 4180 + Math.floor(Math.random() * 100);
  const origin = `http://127.0.0.1:${port}`;
  // Build B: the same export with a changed page and a changed service worker.
  const buildB = mkdtempSync(join(tmpdir(), 'build-b-'));
  cpSync('out', buildB, { recursive: true });
  const indexB = join(buildB, 'index.html');
  writeFileSync(indexB, readFileSync(indexB, 'utf8').replace('<head>', '<head><meta name="app-build" content="b">'));
  const swB = join(buildB, 'sw.js');
  const swText = readFileSync(swB, 'utf8');
  const revisionPattern = /(\{[^{}]*"url":"index\.html"[^{}]*\})/;
  expect(swText).toMatch(revisionPattern);
  writeFileSync(swB, swText.replace(revisionPattern, (entry) => entry.replace(/"revision":"[^"]*"/, '"revision":"build-b"')));

  let server: Server = await startStaticServer({ root: 'out', port });
  try {
    await page.goto(`${origin}/study/`);
    await waitForServiceWorkerControl(page);
    await new StudyPage(page).answerWithKeys('3');
    await expect.poll(() => countRows(page, 'reviews')).toBe(1);
    await page.goto(`${origin}/`);
    await expect(page.getByTestId('reviews-today')).toHaveText('1');

    await new Promise((done) => server.close(done));
    server = await startStaticServer({ root: buildB, port });
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready' });
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    // The old version keeps serving until the learner chooses to reload.
    await expect(page.locator('meta[name="app-build"]')).toHaveCount(0);
    await prompt.getByRole('button', { name: 'Reload' }).click();

    await expect(page.locator('meta[name="app-build"]')).toHaveCount(1, { timeout: 20_000 });
    await expect(page.getByTestId('reviews-today')).toHaveText('1');
    expect(await countRows(page, 'reviews')).toBe(1);
    // The previous version's copy of the page is gone from the cache after activation.
    const cachedIndexKeys = await page.evaluate(async () => {
      const keys: string[] = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) if (new URL(req.url).pathname === '/index.html') keys.push(req.url);
      }
      return keys;
    });
    expect(cachedIndexKeys).toHaveLength(1);
    expect(cachedIndexKeys[0]).toContain('build-b');
  } finally {
    await new Promise((done) => server.close(done));
    rmSync(buildB, { recursive: true, force: true });
  }
});

test('the app requests nothing from any other origin', async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  await waitForServiceWorkerControl(page);
  for (const path of ['/study/', '/settings/', '/stats/', '/backup/', '/']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/study/');
  await new StudyPage(page).answerWithKeys('2');
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('card')).toBeVisible();
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(requests.length).toBeGreaterThan(10);
  expect(foreign).toEqual([]);
});

test.describe('with the network answering for the card file', () => {
  // A service worker would answer from its precache; here the (broken) network reply must be seen.
  test.use({ serviceWorkers: 'block' });

  test('a broken built-in deck file leaves the stored decks in use, with a notice, and nothing changed', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('counts').first()).toBeVisible();
    const cards = await countCards(page);
    // A new app version whose card file comes back cut off: mark the stored decks as older, and
    // answer the card file with something that is not the file.
    await putRow(page, 'meta', { key: 'builtin-decks-fingerprint', value: 'an older version' });
    await page.context().route('**/decks/cards.*.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"contentVersion":' }));
    await page.reload();
    await expect(page.getByTestId('decks-notice')).toContainText('The newest built-in decks could not be loaded (the deck file is not a JSON object)');
    await expect(page.getByTestId('counts').first()).toBeVisible();
    expect(await countCards(page)).toBe(cards);
  });
});
