import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import generated from '../../lib/decks/generated/decks.json';
import { SHIPPED } from '../helpers/shipped-schemas';
import { SCHEMA_VERSION } from '../../lib/db/schema';
import { countCards, getCard, getRow } from './support/idb';

const DAY = 86_400_000;

/**
 * A learner's database as the previous version (schema 4) left it, created by Dexie itself from
 * the frozen schema, then opened by this build: the upgrade to version 5 runs in real Chromium.
 */
test('a database from the previous version opens in this one with every card and answer kept, and the dropped card indexes gone', async ({ page }) => {
  const studied = { ...generated.cards[0]!, suspended: false, retired: false, rev: 3, queue: 'review', due: Date.now() + 3 * DAY, rank: Date.now() + 3 * DAY,
    stability: 7.25, difficulty: 4.5, elapsedDays: 2, scheduledDays: 3, learningSteps: 0, reps: 3, lapses: 0, state: 2, lastReview: Date.now() - DAY };
  const review = {
    id: 'answer-1', cardId: studied.id, deckId: studied.deckId, grade: 3, reviewedAt: Date.now() - DAY, durationMs: 4000, day: '2026-11-24',
    stateBefore: 2, dueBefore: Date.now() - DAY, stabilityAfter: 7.25, difficultyAfter: 4.5, elapsedDays: 2, scheduledDays: 3,
    before: { due: Date.now() - DAY, stability: 3.1, difficulty: 4.6, elapsedDays: 1, scheduledDays: 2, learningSteps: 0, reps: 2, lapses: 0, state: 2, lastReview: Date.now() - 3 * DAY },
  };

  // A file of the app's origin that runs none of the app (its pages open the database at start).
  await page.goto('/manifest.webmanifest');
  await page.addScriptTag({ path: join(process.cwd(), 'node_modules/dexie/dist/dexie.js') });
  await page.evaluate(
    async ({ shipped, card, answer }) => {
      const D = (window as unknown as { Dexie: new (name: string) => { version(n: number): { stores(s: Record<string, string | null>): void }; open(): Promise<unknown>; table(n: string): { add(row: unknown): Promise<unknown> }; close(): void } }).Dexie;
      const db = new D('cism-cissp-study');
      for (const v of [1, 2, 3, 4]) db.version(v).stores(shipped[v]!);
      await db.open();
      await db.table('cards').add(card);
      await db.table('reviews').add(answer);
      db.close();
    },
    { shipped: SHIPPED, card: studied, answer: review },
  );

  await page.goto('/');
  await expect(page.getByTestId('home')).toBeVisible();
  const schema = await page.evaluate(
    () =>
      new Promise<{ version: number; indexes: string[]; cardsTable: boolean }>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const indexes = [...db.transaction('cardPacks', 'readonly').objectStore('cardPacks').indexNames];
          const cardsTable = db.objectStoreNames.contains('cards');
          db.close();
          resolve({ version: db.version, indexes, cardsTable });
        };
      }),
  );
  // Version 9 moved the cards into packs with one index of queue keys (lib/db/migrations/v9-card-packs.ts).
  expect(schema).toEqual({ version: SCHEMA_VERSION * 10, indexes: ['queueKeys'], cardsTable: false });

  const kept = await getCard<typeof studied>(page, studied.id);
  expect(kept).toMatchObject({ state: 2, stability: 7.25, difficulty: 4.5, reps: 3, due: studied.due, lastReview: studied.lastReview });
  expect(await getRow(page, 'reviews', 'answer-1')).toEqual(review);
  // The built-in decks were synced around the studied card; a deck's total comes from the new range query.
  expect(await countCards(page)).toBe(generated.cards.length);
  const deck = generated.decks.find((d) => d.id === studied.deckId)!;
  await expect(page.getByTestId(`deck-${deck.id}`)).toContainText(`· ${generated.cards.filter((c) => c.deckId === deck.id).length} cards`);
});

test('a database written by a newer version of the app is named, and this version never writes to it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('counts').first()).toBeVisible();
  const cardsBefore = await countCards(page);
  // A newer app (one schema version up) upgrades the database from another tab; this tab steps aside.
  await page.evaluate(
    (v) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study', v);
        open.onupgradeneeded = () => open.result.createObjectStore('futureTable', { keyPath: 'id' }).put({ id: 'kept' });
        open.onsuccess = () => {
          open.result.close();
          resolve();
        };
        open.onerror = () => reject(open.error);
      }),
    (SCHEMA_VERSION + 1) * 10,
  );
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'Your study data could not be opened' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(`saved by a newer version of this app (data format ${SCHEMA_VERSION + 1}; this tab knows format ${SCHEMA_VERSION} at most)`);
  const after = await page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[] }>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onsuccess = () => {
          const db = open.result;
          resolve({ version: db.version, stores: [...db.objectStoreNames] });
          db.close();
        };
        open.onerror = () => reject(open.error);
      }),
  );
  expect(after.version).toBe((SCHEMA_VERSION + 1) * 10);
  expect(after.stores).toContain('futureTable');
  expect(await countCards(page)).toBe(cardsBefore);
});
