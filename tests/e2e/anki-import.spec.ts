import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { StudyPage } from './pages/study-page';
import { countCards, countRows } from './support/idb';

const FIXTURES = join(process.cwd(), 'tests/fixtures/anki');

async function choosePackage(page: Page, file: string) {
  await page.goto('/import/');
  const section = page.getByTestId('anki-import');
  await section.getByLabel('Anki package to import').setInputFiles(join(FIXTURES, file));
  return section;
}

test("a real package written by Anki imports, and its card is studied", async ({ page }) => {
  const section = await choosePackage(page, 'update1.apkg');
  const preview = section.getByTestId('anki-preview');
  await expect(preview).toContainText('Adds 1 card (0 suspended) in 1 deck, with 0 past answers and 0 images. Removes nothing.');
  const before = await countCards(page);
  await preview.getByRole('button', { name: 'Import 1 card' }).click();
  await expect(section.getByTestId('anki-done')).toContainText('Imported: 1 card in 1 new deck');
  expect(await countCards(page)).toBe(before + 1);

  await page.goto('/browse/?q=is:mine%20deck:default');
  await expect(page.getByTestId('browse-row')).toHaveCount(1);
  await page.goto('/');
  await page.getByRole('link', { name: /Study Default/ }).click();
  const study = new StudyPage(page);
  await expect(study.card()).toContainText('hello');
  await study.answerWithKeys('3');
  await expect.poll(() => countRows(page, 'reviews')).toBe(1);

  // The same package again adds nothing.
  const again = await choosePackage(page, 'update1.apkg');
  await again.getByTestId('anki-preview').getByRole('button', { name: 'Import 1 card' }).click();
  await expect(again.getByTestId('anki-done')).toContainText('Imported: 0 cards in 0 new decks');
  await expect(again.getByTestId('anki-done')).toContainText('1 card were already here');
});

test('a current Anki package (zstd collection) brings its history, states and images', async ({ page }) => {
  const section = await choosePackage(page, 'latest.apkg');
  const preview = section.getByTestId('anki-preview');
  await expect(preview).toContainText('Adds 5 cards (1 suspended) in 3 decks');
  await preview.getByText(/Left out/).click();
  await expect(preview).toContainText('sound file skipped');
  await preview.getByRole('button', { name: 'Import 5 cards' }).click();
  await expect(section.getByTestId('anki-done')).toContainText('1 image');
  await expect.poll(() => countRows(page, 'media')).toBe(1);

  // The card with a history is due (its last answer was long ago) and shows its image.
  await page.goto('/browse/?q=is:mine%20deck:governance');
  await expect(page.getByTestId('browse-row')).toHaveCount(1);
  await page.getByTestId('browse-row').getByRole('button').click();
  const info = page.getByTestId('card-info');
  await expect(info).toContainText('Every answer (2)');
  await expect(info.locator('img')).toHaveCount(1);
  await expect(info.locator('img')).toHaveJSProperty('complete', true);
  expect(await info.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  // Anki's deck tree: the subdecks sit inside "CISM" (which holds no card of its own), count in it, and are studied with it.
  await page.goto('/');
  const parent = page.locator('li', { has: page.getByRole('heading', { name: 'CISM', exact: true }) }).first();
  await expect(parent.getByRole('heading', { name: 'Governance', exact: true })).toBeVisible();
  await expect(parent.getByRole('heading', { name: 'Risk', exact: true })).toBeVisible();
  await expect(parent.locator('p').first()).toContainText('5 cards with its 2 subdecks');
  await page.getByRole('link', { name: 'Study CISM', exact: true }).click();
  await expect(new StudyPage(page).card()).toBeVisible();
});

test('a file that is not an Anki package is refused with its reason, and nothing is stored', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  const before = await countCards(page);
  const section = await choosePackage(page, 'bad-not-a-zip.apkg');
  await expect(section.getByTestId('anki-problem')).toContainText('bad-not-a-zip.apkg cannot be imported.');
  await expect(section.getByTestId('anki-problem')).toContainText('not a zip');
  await expect(section.getByTestId('anki-problem')).toContainText('Nothing was changed.');
  expect(await countCards(page)).toBe(before);
});
