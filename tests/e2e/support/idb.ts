import type { Page } from '@playwright/test';

/** Counts rows in one object store of the app's real IndexedDB, read straight from the browser. */
export function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (storeName) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(storeName, 'readonly').objectStore(storeName).count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}

/** One row by primary key, read straight from the browser's IndexedDB. */
export function getRow<T>(page: Page, store: string, key: string): Promise<T | undefined> {
  return page.evaluate(
    ([storeName, id]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(storeName!, 'readonly').objectStore(storeName!).get(id!);
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T | undefined);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    [store, key] as const,
  );
}

/** Writes one row straight into the browser's IndexedDB, around the app (as another program would). */
export function putRow(page: Page, store: string, row: Record<string, unknown>): Promise<void> {
  return page.evaluate(
    ([storeName, value]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(storeName, 'readwrite');
          tx.objectStore(storeName).put(value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, row] as const,
  );
}

/** How many cards are stored: the entries of the card packs' queue-key index (one per card; lib/db/card-store.ts). */
export function countCards(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('cardPacks', 'readonly').objectStore('cardPacks').index('queueKeys').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

/** One stored card, found in the card packs read straight from the browser's IndexedDB. */
export function getCard<T>(page: Page, id: string): Promise<T | undefined> {
  return page.evaluate(
    (cardId) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('cardPacks', 'readonly').objectStore('cardPacks').getAll();
          req.onsuccess = () => {
            db.close();
            const packs = req.result as { cards: { id: string }[] }[];
            resolve(packs.flatMap((p) => p.cards).find((c) => c.id === cardId) as T | undefined);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    id,
  );
}
