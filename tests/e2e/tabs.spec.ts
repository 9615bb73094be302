import { expect, test } from '@playwright/test';
import { StudyPage } from './pages/study-page';
import { countRows } from './support/idb';

test('an answer given in a second tab to a card already answered in the first is refused, not counted twice', async ({ context }) => {
  const first = await context.newPage();
  await first.goto('/study/?deck=cism-domains');
  const a = new StudyPage(first);
  const cardId = await a.currentCardId();

  const second = await context.newPage();
  await second.goto('/study/?deck=cism-domains');
  const b = new StudyPage(second);
  expect(await b.currentCardId()).toBe(cardId);

  await a.answerWithKeys('3');
  await expect.poll(() => countRows(first, 'reviews')).toBe(1);

  await second.bringToFront();
  await second.keyboard.press('Space');
  await second.keyboard.press('4');
  await expect(second.getByRole('alert').filter({ hasText: /\w/ })).toContainText('changed in another tab');
  expect(await countRows(second, 'reviews')).toBe(1);
  await expect(second.getByTestId('answered')).toHaveText('0');
});

test('the home page of one tab follows answers given in another', async ({ context }) => {
  const home = await context.newPage();
  await home.goto('/');
  await expect(home.getByTestId('reviews-today')).toHaveText('0');
  const study = await context.newPage();
  await study.goto('/study/');
  await new StudyPage(study).answerWithKeys('3');
  await expect(home.getByTestId('reviews-today')).toHaveText('1');
});

test('another tab upgrading the database makes this tab step aside and ask for a reload', async ({ context }) => {
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  const other = await context.newPage();
  await other.goto('/404.html');
  // What a newer version of the app in another tab does: open the database at a higher version.
  const upgraded = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study', 10_000);
        open.onsuccess = () => {
          const v = open.result.version;
          open.result.close();
          resolve(v);
        };
        open.onerror = () => reject(open.error);
        open.onblocked = () => reject(new Error('blocked: the first tab did not let go of the database'));
      }),
  );
  expect(upgraded).toBe(10_000);
  await expect(page.getByRole('alert').filter({ hasText: /\w/ })).toContainText('The app was updated in another tab');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
