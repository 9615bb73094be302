import { expect, type Locator, type Page } from '@playwright/test';

export class HomePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/');
    await expect(this.page.getByTestId('home')).toBeVisible();
  }

  /** Today's totals over all decks. */
  async totals() {
    const counts = this.page.getByTestId('counts').first();
    const read = async (name: string) => Number(await counts.locator(`[data-count="${name}"]`).textContent());
    return { newCards: await read('new'), learning: await read('learning'), due: await read('due') };
  }

  async reviewsToday(): Promise<number> {
    return Number(await this.page.getByTestId('reviews-today').textContent());
  }

  /** Moves keyboard focus onto a control by pressing Tab, as a keyboard user would. */
  async tabTo(target: Locator, maxTabs = 40) {
    for (let i = 0; i < maxTabs; i += 1) {
      await this.page.keyboard.press('Tab');
      if (await target.evaluate((el) => el === document.activeElement)) return;
    }
    throw new Error('Could not reach the control with the Tab key');
  }
}
