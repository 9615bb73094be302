import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { StudyPage } from './pages/study-page';
import { countRows, getCard, getRow } from './support/idb';

test('studies ten cards with the keyboard alone, and the progress survives a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.open();
  const before = await home.totals();
  expect(before.newCards).toBe(20);
  expect(await home.reviewsToday()).toBe(0);

  await home.tabTo(page.getByRole('link', { name: 'Study all' }));
  await page.keyboard.press('Enter');
  const study = new StudyPage(page);
  await expect(study.card()).toBeVisible();
  for (let i = 0; i < 10; i += 1) {
    await study.answerWithKeys('3');
    // Each new card gives "Show answer" the focus (once it is painted), so a screen reader and the
    // keyboard start there rather than on the page.
    await expect(page.getByRole('button', { name: 'Show answer' })).toBeFocused();
  }
  expect(await study.answered()).toBe(10);

  await page.reload();
  await expect(study.card()).toBeVisible();
  expect(await countRows(page, 'reviews')).toBe(10);

  await home.open();
  const after = await home.totals();
  expect(after.newCards).toBe(10);
  expect(after.learning).toBeGreaterThan(0);
  expect(await home.reviewsToday()).toBe(10);
  await expect(page.getByTestId('streak')).toHaveText('1');
});

test('undo restores the card as it was before the answer', async ({ page }) => {
  await page.goto('/study/');
  const study = new StudyPage(page);
  const id = await study.currentCardId();
  const stored = await getCard<{ rev: number; state: number; reps: number; due: number }>(page, id);
  expect(stored).toMatchObject({ rev: 0, state: 0, reps: 0 });

  await study.answerWithKeys('4');
  await expect.poll(() => countRows(page, 'reviews')).toBe(1);
  expect(await getCard(page, id)).toMatchObject({ reps: 1, state: 2 });

  await page.keyboard.press('u');
  await expect(page.locator(`[data-testid="card"][data-card-id="${id}"]`)).toBeVisible();
  await expect(page.getByTestId('answered')).toHaveText('0');
  await expect.poll(() => countRows(page, 'reviews')).toBe(0);
  expect(await getCard(page, id)).toMatchObject({ reps: 0, state: 0, due: stored!.due });

  // The undone card can be answered again at once, and "Undo" is a named, clickable button too.
  await study.answerWithKeys('3');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('answered')).toHaveText('0');
  await expect.poll(() => countRows(page, 'reviews')).toBe(0);
});

test('shows the interval each grade would give on its button', async ({ page }) => {
  await page.goto('/study/');
  await page.getByRole('button', { name: 'Show answer' }).click();
  for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
    await expect(page.getByRole('button', { name: new RegExp(`^${name}\\b`) })).toBeVisible();
  }
  await expect(page.getByTestId('interval-1')).toHaveText('1m');
  await expect(page.getByTestId('interval-3')).toHaveText('10m');
  await expect(page.getByTestId('interval-4')).toHaveText(/^\d+d$/);
  // The interval is part of the accessible name, so a screen reader announces it with the grade.
  // (Block-level parts are joined with spaces, hence "Good , 10m , key 3" rather than "Good, 10m, key 3".)
  await expect(page.getByRole('button', { name: /^Good\b/ })).toHaveAccessibleName(/^Good\W+10m\W+key 3$/);
  await expect(page.getByRole('button', { name: /^Again\b/ })).toHaveAccessibleName(/^Again\W+1m\W+key 1$/);
});

test('an answer whose write a reload cut short is stored when the app starts again', async ({ page }) => {
  await page.goto('/study/');
  const study = new StudyPage(page);
  const id = await study.currentCardId();
  // What the study screen notes before each write; here the write itself never happened.
  await page.evaluate((cardId) => {
    const note = [{ cardId, shownRev: 0, grade: 3, now: Date.now(), durationMs: 1500, dayStartHour: 4, reviewId: 'cut-short-1' }];
    localStorage.setItem('cism-cissp-study:pending-answers', JSON.stringify(note));
  }, id);
  expect(await countRows(page, 'reviews')).toBe(0);
  await page.reload();
  await expect(study.card()).toBeVisible();
  expect(await getRow(page, 'reviews', 'cut-short-1')).toMatchObject({ cardId: id, grade: 3, durationMs: 1500 });
  expect(await getCard(page, id)).toMatchObject({ reps: 1, rev: 1 });
  expect(await page.evaluate(() => localStorage.getItem('cism-cissp-study:pending-answers'))).toBeNull();
});
