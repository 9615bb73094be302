import { expect, type Page } from '@playwright/test';

/** The card browser (/browse/): decks, the card editor, search, selection and actions. */
export class BrowsePage {
  constructor(readonly page: Page) {}

  async open(query?: string) {
    await this.page.goto(query ? `/browse/?q=${encodeURIComponent(query)}` : '/browse/');
    await expect(this.page.getByTestId('browse-count')).toContainText(/ of [\d,]+ cards/);
  }

  async createDeck(name: string) {
    await this.page.getByLabel('New deck name').fill(name);
    await this.page.getByRole('button', { name: 'Create deck' }).click();
    await expect(this.page.getByTestId('deck-message')).toHaveText(`Created the deck "${name}".`);
  }

  async addCard(front: string, back: string, tags = '') {
    await this.page.getByRole('button', { name: 'Add a card' }).click();
    const editor = this.page.getByTestId('card-editor');
    await editor.getByLabel('Front').fill(front);
    await editor.getByLabel('Back').fill(back);
    if (tags) await editor.getByLabel('Tags (separated by spaces)').fill(tags);
    await editor.getByRole('button', { name: 'Add card' }).click();
    await expect(this.page.getByTestId('browse-message')).toContainText('Added the card');
  }

  /** Types a query and waits until the results shown are for it (the search trails the box). */
  async search(query: string) {
    await this.page.getByLabel('Search cards').fill(query);
    await expect(this.page.getByTestId('browse-count')).toHaveAttribute('data-query', query);
  }

  /** How many cards the current search found (the list itself only holds the rows in view). */
  async found(): Promise<number> {
    const text = (await this.page.getByTestId('browse-count').textContent()) ?? '';
    return Number(/^([\d,]+) of /.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  }

  rows() {
    return this.page.getByTestId('browse-row');
  }

  async selectAll() {
    await this.page.getByRole('checkbox', { name: 'Select all cards found' }).check();
  }

  message() {
    return this.page.getByTestId('browse-message');
  }
}
