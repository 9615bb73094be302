/**
 * The practice bank, fetched once per page when the first attempt starts (the service worker
 * precaches it, so it works offline). Its version is in the bundled deck manifest.
 */
import { deckManifest } from '@/lib/db/deck-manifest';
import { checkPracticeBank, type PracticeBank } from '@/lib/practice/bank';

let loading: Promise<PracticeBank> | null = null;

export function loadPracticeBank(): Promise<PracticeBank> {
  loading ??= (async () => {
    const url = new URL(deckManifest.practice.url, new URL('/', window.location.href));
    const res = await fetch(url);
    if (!res.ok) throw new Error(`The practice questions could not be loaded (HTTP ${res.status} for ${url.pathname}). Reload when online.`);
    return checkPracticeBank(await res.json().catch(() => null), deckManifest.practice);
  })().catch((e: unknown) => {
    loading = null; // let the next try fetch again
    throw e;
  });
  return loading;
}
