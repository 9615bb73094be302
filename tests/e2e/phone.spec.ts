/** The phone layout (390 × 844, an iPhone 12–15): a short header, the study controls in thumb reach, nothing moving on reveal. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, test } from '@playwright/test';

const VIEWPORT = { width: 390, height: 844 };

test.use({ viewport: VIEWPORT, hasTouch: true });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  expect(b, 'the element has a box').not.toBeNull();
  return b!;
}

/** The lower third of the screen, where a thumb reaches without shifting the grip. */
async function expectInThumbReach(locator: Locator) {
  const b = await box(locator);
  expect(b.y).toBeGreaterThanOrEqual((VIEWPORT.height * 2) / 3);
  expect(b.y + b.height).toBeLessThanOrEqual(VIEWPORT.height);
}

test('a short header, and "Show answer" then the grades at the bottom in the same place', async ({ page }) => {
  await page.goto('/study/');
  await expect(page.getByTestId('card')).toBeVisible();
  expect((await box(page.locator('header'))).height).toBeLessThan(80);

  const show = page.getByRole('button', { name: 'Show answer' });
  await expectInThumbReach(show);
  const before = await box(show);
  const barBefore = await box(page.getByTestId('action-bar'));

  await show.tap();
  const grade = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}\\b`) });
  for (const g of ['Again', 'Hard', 'Good', 'Easy']) await expectInThumbReach(grade(g));
  // No layout shift: the grade row takes the box "Show answer" had, and the bar keeps its size.
  const good = await box(grade('Good'));
  expect(Math.abs(good.y - before.y)).toBeLessThanOrEqual(2);
  expect(Math.abs(good.y + good.height - (before.y + before.height))).toBeLessThanOrEqual(2);
  expect(await box(page.getByTestId('action-bar'))).toEqual(barBefore);

  // The end of the answer scrolls clear of the bar: the page reserves its height.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const answer = await box(page.getByRole('region', { name: 'Answer' }));
  expect(answer.y + answer.height).toBeLessThanOrEqual((await box(page.getByTestId('action-bar'))).y);

  await grade('Good').tap();
  await expect(page.getByTestId('answered')).toHaveText('1');
  await expect(show).toBeVisible();
  expect(await box(show)).toEqual(before);
  // The next card's bar keeps the page's reserve for it; leaving the study screen gives it back.
  const reserve = () => page.evaluate(() => document.body.style.paddingBottom);
  const barHeight = await page.getByTestId('action-bar').evaluate((el) => `${(el as HTMLElement).offsetHeight}px`);
  expect(barHeight).not.toBe('0px');
  await expect.poll(reserve).toBe(barHeight);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Menu' }).tap();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect.poll(reserve).toBe('');
});

test('the main links are behind a Menu button on a phone', async ({ page }) => {
  await page.goto('/study/');
  // The card takes the focus when it appears: let it appear before using the menu.
  await expect(page.getByTestId('card')).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  const menu = nav.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav.getByRole('link', { name: 'Progress' })).toBeHidden();
  await menu.tap();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  for (const name of ['Home', 'Study', 'Practice', 'Browse', 'Progress', 'Backup', 'Import', 'Settings']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expect(nav.getByRole('link', { name: 'Study', exact: true })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(menu).toBeFocused();
  await menu.tap();
  await page.touchscreen.tap(200, 600); // below the panel
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await menu.tap();
  await nav.getByRole('link', { name: 'Settings', exact: true }).tap();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});

test('the desktop header shows every main link in one row', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('button', { name: 'Menu' })).toBeHidden();
  for (const name of ['Home', 'Study', 'Practice', 'Browse', 'Progress', 'Backup', 'Import', 'Settings']) {
    await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
  }
  expect((await box(page.locator('header'))).height).toBeLessThan(80);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the phone study screen and open menu pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/study/');
    await expect(page.getByTestId('card')).toBeVisible();
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
    expect(await serious()).toEqual([]);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
    expect(await serious()).toEqual([]);
    await page.getByRole('button', { name: 'Menu' }).tap();
    expect(await serious()).toEqual([]);
  });
}
