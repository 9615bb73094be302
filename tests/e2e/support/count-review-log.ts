import type { Page } from '@playwright/test';

/**
 * Counts the whole review log in the browser's IndexedDB: answer rows plus the answers packed
 * per day by imports (see lib/db/review-log.ts).
 */
export function countReviewLog(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cism-cissp-study');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['reviews', 'packedReviews'], 'readonly');
          const rows = tx.objectStore('reviews').count();
          const packs = tx.objectStore('packedReviews').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve(rows.result + (packs.result as { count: number }[]).reduce((n, p) => n + p.count, 0));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
