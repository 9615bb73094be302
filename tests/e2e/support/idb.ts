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
