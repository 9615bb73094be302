/** axe-core on the screens a learner uses every day, in light and dark mode: no serious or critical violation. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`home, a knowledge card with its answer, and the sub-domain readiness pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.getByTestId('counts').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/study/?tag=subdomain%3Acissp-2024%2F3.2');
    await expect(page.getByTestId('card')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/stats/');
    await expect(page.getByTestId('stats')).toBeVisible();
    await page.getByTestId('subdomains-cissp-2024/3').locator('summary').click();
    await expect(page.getByRole('link', { name: /Study this sub-domain: CISSP 3\.2/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the browser, the card editor, card info and the import screen pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/browse/?q=due%20care');
    await expect(page.getByTestId('browse-row').first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('New deck name').fill('Mine');
    await page.getByRole('button', { name: 'Create deck' }).click();
    await page.getByRole('button', { name: 'Add a card' }).click();
    await expect(page.getByTestId('card-editor')).toBeVisible();
    await page.getByRole('button', { name: 'Add an option' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('browse-row').first().getByRole('button').click();
    await expect(page.getByTestId('card-info')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/import/');
    await page.getByTestId('csv-import').getByLabel('CSV or TSV file to import').setInputFiles('tests/fixtures/csv/formula-cell.csv');
    await expect(page.getByTestId('csv-formulas')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`Settings → Sync, with a field error and with a failed sync's problem, passes axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/settings/');
    await page.getByLabel('Server address').fill('http://couch.example.org');
    await page.getByRole('button', { name: 'Set up sync' }).click();
    await expect(page.getByText(/must start with https:\/\//)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // A server that is not there: the status says so, with the problem set apart (not by colour alone: "⚠ Last problem").
    await page.getByLabel('Server address').fill('http://127.0.0.1:9');
    await page.getByLabel('Database name').fill('study');
    await page.getByRole('button', { name: 'Set up sync' }).click();
    await expect(page.getByTestId('sync-problem')).toContainText('cannot be reached');
    expect(await seriousViolations(page)).toEqual([]);
  });
}
