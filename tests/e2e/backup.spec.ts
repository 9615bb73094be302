import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, type PlaywrightWorkerArgs, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './support/chromium';
import { BackupPage } from './pages/backup-page';
import { HomePage } from './pages/home-page';
import { StudyPage } from './pages/study-page';
import { PracticePage } from './pages/practice-page';
import { BrowsePage } from './pages/browse-page';
import { countReviewLog } from './support/count-review-log';
import { countRows } from './support/idb';

const dir = mkdtempSync(join(tmpdir(), 'backup-e2e-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `work` in a new browser profile: its own, empty IndexedDB, as on another device. */
async function inFreshProfile(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, work: (page: Page) => Promise<void>) {
  const fresh = await playwright.chromium.launchPersistentContext(mkdtempSync(join(dir, 'profile-')), { executablePath: findChromium(), args: CHROMIUM_ARGS, baseURL });
  try {
    await work(fresh.pages()[0] ?? (await fresh.newPage()));
  } finally {
    await fresh.close();
  }
}

type Backup = { content: { cards: { rev: number }[]; reviews: unknown[][]; settings: unknown; decks: unknown[] } };
/** A backup's progress. Without `rev`: a per-browser write counter (it guards against stale tabs), not progress. */
const progressOf = (path: string) => {
  const { content } = JSON.parse(readFileSync(path, 'utf8')) as Backup;
  const cards = content.cards.map((c) => ({ ...c, rev: undefined }));
  return { cards, reviews: content.reviews, settings: content.settings, decks: content.decks };
};

test('progress exported through the UI comes back whole in a fresh browser profile, through the file picker', async ({ page, playwright, baseURL }) => {
  // Study a few cards in the first profile.
  await page.goto('/study/');
  const study = new StudyPage(page);
  for (const key of ['3', '1', '4', '3', '2'] as const) await study.answerWithKeys(key);
  await expect.poll(() => countRows(page, 'reviews')).toBe(5);
  const home = new HomePage(page);
  await home.open();
  const counts = await home.totals();
  const reviewsToday = await home.reviewsToday();
  expect(reviewsToday).toBe(5);

  // Export it: a real download.
  const backup = new BackupPage(page, baseURL!);
  await backup.open();
  const file = await backup.export('Export progress', dir);
  expect(progressOf(file).reviews).toHaveLength(5);

  // A fresh profile: its own, empty IndexedDB.
  await inFreshProfile(playwright, baseURL!, async (other) => {
    const otherHome = new HomePage(other);
    await other.goto(new URL('/', baseURL).href);
    await expect(other.getByTestId('home')).toBeVisible();
    expect(await otherHome.reviewsToday()).toBe(0);

    const restore = new BackupPage(other, baseURL!);
    await restore.open();
    await restore.choose(file);
    await expect(restore.preview()).toContainText('Adds 5 reviews on ');
    await expect(restore.preview()).toContainText('changes no settings, removes nothing.');
    expect(await countReviewLog(other)).toBe(0);
    // Keyboard only: focus lands on the preview; Tab reaches "Import"; Enter confirms.
    await expect(other.getByRole('heading', { name: /What importing .* would do/ })).toBeFocused();
    await other.keyboard.press('Tab');
    await expect(restore.preview().getByRole('button', { name: 'Import', exact: true })).toBeFocused();
    await other.keyboard.press('Enter');
    await expect(other.getByTestId('import-done')).toContainText('Imported. Added 5 reviews on ');
    expect(await countReviewLog(other)).toBe(5);

    // The same counts on the home page...
    await other.goto(new URL('/', baseURL).href);
    await expect(other.getByTestId('reviews-today')).toHaveText(String(reviewsToday));
    expect(await otherHome.totals()).toEqual(counts);
    await expect(other.getByTestId('streak')).toHaveText('1');

    // ...and the same history: its own export holds the same cards, answers and settings.
    await restore.open();
    const again = await restore.export('Export progress', mkdtempSync(join(dir, 'again-')));
    expect(progressOf(again)).toEqual(progressOf(file));

    // Importing the same file again changes nothing.
    await restore.choose(file);
    await expect(restore.preview()).toContainText('Changes nothing: everything in this backup is already here.');
  });
});

test('a bad file is explained on screen and nothing is stored', async ({ page, baseURL }) => {
  const backup = new BackupPage(page, baseURL!);
  await backup.open();
  await backup.choose(join(process.cwd(), 'tests/fixtures/backups/rating-7.json'));
  const problem = page.getByTestId('import-problem');
  await expect(problem).toContainText('rating-7.json cannot be imported');
  await expect(problem).toContainText('column "grade": must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy); found 7.');
  await expect(problem).toContainText('Nothing was changed.');
  expect(await countReviewLog(page)).toBe(0);
  await expect(page.getByTestId('import-preview')).toHaveCount(0);
});

test('the review log exports as CSV a spreadsheet opens, and in the FSRS optimizer\'s columns', async ({ page, baseURL }) => {
  await page.goto('/study/');
  const study = new StudyPage(page);
  await study.answerWithKeys('3');
  await study.answerWithKeys('1');
  // The study screen stores an answer just after painting the next card: wait for both.
  await expect.poll(() => countRows(page, 'reviews')).toBe(2);
  const backup = new BackupPage(page, baseURL!);
  await backup.open();
  const log = readFileSync(await backup.export('Export review log (CSV)', dir), 'utf8');
  expect(log.startsWith('\uFEFFcard_id,deck,question,reviewed_at,rating,rating_name,state_before,elapsed_days,scheduled_days,answer_seconds\r\n')).toBe(true);
  expect(log.trimEnd().split('\r\n')).toHaveLength(3);
  const optimizer = readFileSync(await backup.export('Export for the FSRS optimizer (CSV)', dir), 'utf8');
  const lines = optimizer.trimEnd().split('\r\n');
  expect(lines[0]).toBe('card_id,review_time,review_rating,review_state,review_duration');
  expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual(['0', '0']);
});

test('a backup taken after a quiz and a mock restores both into a fresh profile', async ({ page, playwright, baseURL }) => {
  const practice = new PracticePage(page);
  // A finished CISSP Domain 3 quiz of 10, answered with keys (feedback at the end).
  await practice.startQuiz({ cert: 'CISSP', domains: [3], feedback: 'end' });
  for (let n = 1; n <= 10; n += 1) {
    await practice.chooseWithKey(n % 4);
    await page.keyboard.press('Enter');
    if (n < 10) await practice.waitForQuestion(n + 1);
  }
  await expect(practice.results()).toBeVisible();
  const quizScore = await page.getByTestId('score').textContent();
  // A CISM mock left in progress after two answers and a flag.
  await practice.startMock('CISM mock exam');
  await practice.answerAndNext(1);
  await page.keyboard.press('f');
  await practice.answerAndNext(2);
  await practice.settled();
  const mockId = practice.attemptId();
  expect(await countRows(page, 'practiceAttempts')).toBe(2);

  const backup = new BackupPage(page, baseURL!);
  await backup.open();
  const file = await backup.export('Export progress', dir);
  const attempts = (JSON.parse(readFileSync(file, 'utf8')) as { content: { practiceAttempts: { id: string; status: string }[] } }).content.practiceAttempts;
  expect(attempts.map((a) => a.status).sort()).toEqual(['active', 'finished']);

  await inFreshProfile(playwright, baseURL!, async (other) => {
    const restore = new BackupPage(other, baseURL!);
    await restore.open();
    await restore.choose(file);
    await expect(restore.preview()).toContainText('Adds 2 practice attempts (quizzes and mock exams).');
    await restore.confirm();
    // The quiz is in the history with its score; the mock resumes where it was.
    await other.goto(new URL('/stats/', baseURL).href);
    const history = other.getByTestId('practice-history');
    await expect(history).toContainText('CISSP 2024 · Domain 3');
    await history.getByRole('link', { name: /Domain 3/ }).click();
    await expect(other.getByTestId('score')).toHaveText(quizScore!);
    await other.goto(new URL(`/practice/attempt/?id=${mockId}`, baseURL).href);
    const again = new PracticePage(other);
    await again.waitForQuestion(3);
    await again.page.getByRole('button', { name: 'Previous' }).click();
    await again.waitForQuestion(2);
    await expect(other.getByRole('button', { name: '⚑ Flagged' })).toBeVisible();
    await expect(again.option(2)).toHaveAttribute('aria-pressed', 'true');
  });
});

test('own decks and cards, their earlier texts, imported Anki cards with images, flags and suspensions all survive a backup into a fresh profile', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const browse = new BrowsePage(page);
  await browse.open();
  await browse.createDeck('My notes');
  await browse.addCard('What is **ALE**?', 'SLE × ARO');
  await browse.search('is:mine ALE');
  await expect(browse.rows()).toHaveCount(1);
  await browse.selectAll();
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await page.getByTestId('card-editor').getByLabel('Front').fill('How is **ALE** computed?');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(browse.message()).toContainText('Saved.');
  await page.getByLabel('Flag the selected cards').selectOption({ label: 'Purple' });
  await expect(browse.message()).toContainText('Flagged Purple');
  await page.goto('/import/');
  const anki = page.getByTestId('anki-import');
  await anki.getByLabel('Anki package to import').setInputFiles(join(process.cwd(), 'tests/fixtures/anki/latest.apkg'));
  await anki.getByRole('button', { name: 'Import 5 cards' }).click();
  await expect(anki.getByTestId('anki-done')).toBeVisible();
  await browse.open('is:mine');
  await expect(browse.rows()).toHaveCount(6);
  // What the restore must give back, query by query.
  const QUERIES = ['is:mine', 'is:mine is:suspended', 'is:mine is:buried', 'is:mine is:flagged', 'is:mine is:review', 'is:mine deck:risk'];
  const counts: Record<string, string> = {};
  for (const q of QUERIES) {
    await browse.open(q);
    counts[q] = (await page.getByTestId('browse-count').textContent())!.split(' of ')[0]!;
  }

  const backup = new BackupPage(page, baseURL!);
  await backup.open();
  const file = await backup.export('Export progress', dir);

  await inFreshProfile(playwright, baseURL!, async (other) => {
    const restore = new BackupPage(other, baseURL!);
    await restore.open();
    await restore.choose(file);
    await expect(restore.preview()).toContainText('Adds 1 image of imported cards.');
    await restore.confirm();
    const there = new BrowsePage(other);
    await there.open('is:mine');
    await expect(there.rows()).toHaveCount(6);
    await there.search('is:mine flag:purple ALE');
    await expect(there.rows()).toHaveCount(1);
    await expect(there.rows().first()).toContainText('How is ALE computed?');
    await there.rows().first().getByRole('button').click();
    await other.getByText('Earlier texts (1)').click();
    await expect(other.getByTestId('card-info')).toContainText('What is ALE?');
    for (const q of QUERIES) {
      await there.open(q);
      await expect(other.getByTestId('browse-count'), q).toContainText(`${counts[q]} of `);
    }
    await there.search('is:mine deck:governance');
    await there.rows().first().getByRole('button').click();
    const img = other.getByTestId('card-info').locator('img');
    await expect(img).toHaveCount(1);
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    expect(await countRows(other, 'media')).toBe(1);
  });
});
