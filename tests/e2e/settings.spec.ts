import { expect, test } from '@playwright/test';
import { countRows, getRow } from './support/idb';

test('a bad settings value is explained and nothing is stored; a good one is saved', async ({ page }) => {
  await page.goto('/settings/');
  const retention = page.getByLabel('Desired retention');
  await expect(retention).toHaveValue('0.9');

  await retention.fill('0.5');
  await page.getByLabel('New cards per day').fill('ten');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Desired retention must be between 0.7 and 0.99.')).toBeVisible();
  await expect(page.getByText('New cards per day must be a number')).toBeVisible();
  await expect(retention).toBeFocused();
  await expect(retention).toHaveAttribute('aria-invalid', 'true');
  expect(await countRows(page, 'settings')).toBe(0);

  await retention.fill('0.85');
  await page.getByLabel('New cards per day').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect(await getRow(page, 'settings', 'settings')).toMatchObject({ desiredRetention: 0.85, newCardsPerDay: 5 });

  await page.goto('/');
  await expect(page.getByTestId('counts').first().locator('[data-count="new"]')).toHaveText('5');
});

test('settings show whether storage is persistent and how much is used', async ({ page }) => {
  await page.goto('/settings/');
  await expect(page.getByTestId('storage-persisted')).toHaveText(/persistent|does not say/i);
  await expect(page.getByTestId('storage-used')).toHaveText(/\d+(\.\d)? (KB|MB|GB)/);
  await expect(page.getByTestId('storage-available')).toHaveText(/\d+(\.\d)? (KB|MB|GB)/);
});
