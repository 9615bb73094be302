import { expect, type Page } from '@playwright/test';

export interface SyncSetUp {
  server: string;
  database: string;
  username: string;
  password: string;
}

/** Settings → Sync between devices. */
export class SyncPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/settings/');
    await expect(this.page.getByRole('heading', { name: 'Sync between devices' })).toBeVisible();
  }

  status() {
    return this.page.getByTestId('sync-status');
  }

  async runs(): Promise<number> {
    return Number(await this.status().getAttribute('data-runs'));
  }

  /** Fills in the set-up and saves it, which starts a first sync; waits for it to end. */
  async setUp(s: SyncSetUp, { auto = true }: { auto?: boolean } = {}) {
    await this.finished(await this.startSetUp(s));
    await this.setAutomatic(auto);
  }

  /** Fills in the set-up and saves it, which starts a first sync; returns the count of runs before it (for `finished`). */
  async startSetUp(s: SyncSetUp): Promise<number> {
    await this.page.getByLabel('Server address').fill(s.server);
    await this.page.getByLabel('Database name').fill(s.database);
    await this.page.getByLabel('User name').fill(s.username);
    await this.page.getByLabel('Password').fill(s.password);
    const before = await this.runs();
    await this.page.getByRole('button', { name: /^(Set up sync|Save and sync)$/ }).click();
    return before;
  }

  /** Turns "Sync automatically" on or off and waits until the device has stored it (a page left at once keeps it). */
  async setAutomatic(on: boolean) {
    const box = this.page.getByLabel(/Sync automatically/);
    await box.setChecked(on);
    await expect(box).toBeChecked({ checked: on });
    await expect.poll(() => this.storedAutomatic()).toBe(on);
  }

  /** "Sync automatically" as stored in the sync record. */
  storedAutomatic(): Promise<boolean | null> {
    return this.page.evaluate(
      () =>
        new Promise<boolean | null>((resolve, reject) => {
          const open = indexedDB.open('cism-cissp-study');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const get = db.transaction('meta', 'readonly').objectStore('meta').get('sync');
            get.onsuccess = () => {
              db.close();
              const row = get.result as { value: string } | undefined;
              resolve(row ? (JSON.parse(row.value) as { auto: boolean }).auto : null);
            };
            get.onerror = () => reject(get.error);
          };
        }),
    );
  }

  /** Presses "Sync now" and waits for that run to end; returns the status line. */
  async syncNow(): Promise<string> {
    const before = await this.runs();
    await this.page.getByRole('button', { name: 'Sync now' }).click();
    return this.finished(before);
  }

  /** Waits for the run after `before` to end; returns what it said (a later automatic run may already show). */
  async finished(before: number): Promise<string> {
    await expect.poll(() => this.runs(), { timeout: 90_000 }).toBeGreaterThan(before);
    return (await this.status().getAttribute('data-last')) ?? '';
  }
}
