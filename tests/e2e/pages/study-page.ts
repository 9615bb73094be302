import { expect, type Page } from '@playwright/test';

export class StudyPage {
  constructor(readonly page: Page) {}

  card() {
    return this.page.getByTestId('card');
  }

  async currentCardId(): Promise<string> {
    await expect(this.card()).toBeVisible();
    return (await this.card().getAttribute('data-card-id'))!;
  }

  /** Reveals and grades the current card with the keyboard only; returns the card's id. */
  async answerWithKeys(gradeKey: '1' | '2' | '3' | '4'): Promise<string> {
    const id = await this.currentCardId();
    const before = await this.answered();
    await this.page.keyboard.press('Space');
    await expect(this.page.getByRole('button', { name: /^Good\b/ })).toBeVisible();
    await this.page.keyboard.press(gradeKey);
    await expect(this.page.getByTestId('answered')).toHaveText(String(before + 1));
    return id;
  }

  async answered(): Promise<number> {
    return Number(await this.page.getByTestId('answered').textContent());
  }
}
