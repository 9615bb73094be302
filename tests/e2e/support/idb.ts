import type { Page } from '@playwright/test';

/** One read request on one object store (or one of its indexes) of the app's real IndexedDB. */
interface ReadRequest {
  store: string;
  index?: string;
  op: 'count' | 'get' | 'getAll';
  key?: string;
}

/** Runs one read request straight in the browser, around the app. */
function readInBrowser<T>(page: Page, request: ReadRequest): Promise<T> {
  return page.evaluate(
    ({ store, index, op, key }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const objects = db.transaction(store, 'readonly').objectStore(store);
          const source = index ? objects.index(index) : objects;
          const req = op === 'get' ? source.get(key!) : op === 'count' ? source.count() : source.getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    request,
  );
}

/** Counts rows in one object store of the app's real IndexedDB, read straight from the browser. */
export const countRows = (page: Page, store: string): Promise<number> => readInBrowser(page, { store, op: 'count' });

/** One row by primary key, read straight from the browser's IndexedDB. */
export const getRow = <T>(page: Page, store: string, key: string): Promise<T | undefined> => readInBrowser(page, { store, op: 'get', key });

/** How many cards are stored: the entries of the card packs' queue-key index (one per card; lib/db/card-store.ts). */
export const countCards = (page: Page): Promise<number> => readInBrowser(page, { store: 'cardPacks', index: 'queueKeys', op: 'count' });

/** One stored card, found in the card packs read straight from the browser's IndexedDB. */
export async function getCard<T>(page: Page, id: string): Promise<T | undefined> {
  const packs = await readInBrowser<{ cards: (T & { id: string })[] }[]>(page, { store: 'cardPacks', op: 'getAll' });
  return packs.flatMap((p) => p.cards).find((c) => c.id === id);
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
