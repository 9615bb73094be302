import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { countCards } from './support/idb';

const FIXTURES = join(process.cwd(), 'tests/fixtures/csv');

test('a CSV with a semicolon, a header and tags imports after a preview; the same file again finds only duplicates', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  const before = await countCards(page);
  await page.goto('/import/');
  const csv = page.getByTestId('csv-import');
  await csv.getByLabel('CSV or TSV file to import').setInputFiles(join(FIXTURES, 'semicolon.csv'));
  await expect(csv.getByTestId('csv-preview-table')).toContainText('Annualised loss expectancy, in words');
  await expect(csv.getByTestId('csv-summary')).toContainText('Adds 2 cards to');
  expect(await countCards(page)).toBe(before); // nothing written before confirming
  await csv.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(csv.getByTestId('csv-done')).toContainText('Imported 2 cards from semicolon.csv');
  expect(await countCards(page)).toBe(before + 2);

  await page.goto('/browse/?q=is:mine%20SLE');
  await expect(page.getByTestId('browse-row')).toHaveCount(2);
  await page.goto('/browse/?q=tag:terms');
  await expect(page.getByTestId('browse-row')).toHaveCount(1);

  await page.goto('/import/');
  await csv.getByLabel('CSV or TSV file to import').setInputFiles(join(FIXTURES, 'semicolon.csv'));
  await expect(csv.getByTestId('csv-summary')).toContainText('Adds no cards; 2 duplicates left out');
});

test('an unterminated quote is named by its line and nothing can be imported', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  const before = await countCards(page);
  await page.goto('/import/');
  const csv = page.getByTestId('csv-import');
  await csv.getByLabel('CSV or TSV file to import').setInputFiles(join(FIXTURES, 'unterminated-quote.csv'));
  await expect(csv).toContainText(/Line \d+: a quoted field opened here is never closed/);
  // The whole file is refused: there is no enabled Import button, and nothing was written.
  await expect(csv.getByRole('button', { name: 'Import', exact: true }).and(page.locator(':enabled'))).toHaveCount(0);
  expect(await countCards(page)).toBe(before);
});
