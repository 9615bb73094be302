import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

export class BackupPage {
  constructor(readonly page: Page, readonly baseURL: string) {}

  async open() {
    await this.page.goto(new URL('/backup/', this.baseURL).href);
    await expect(this.page.getByTestId('backup')).toBeVisible();
  }

  /** Clicks an export button and saves the real download into `dir`; returns its path. */
  async export(button: string, dir: string): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: button }).click()]);
    const path = join(dir, download.suggestedFilename());
    await download.saveAs(path);
    await expect(this.page.getByTestId('export-status')).toContainText(`Saved ${download.suggestedFilename()}`);
    return path;
  }

  /** Picks a file through the browser's file chooser, as a learner would. */
  async choose(path: string) {
    const [chooser] = await Promise.all([this.page.waitForEvent('filechooser'), this.page.getByLabel('Backup file (.json) to import').click()]);
    await chooser.setFiles(path);
  }

  preview() {
    return this.page.getByTestId('import-preview');
  }

  async confirm() {
    await this.preview().getByRole('button', { name: 'Import', exact: true }).click();
    await expect(this.page.getByTestId('import-done')).toBeVisible();
  }
}
