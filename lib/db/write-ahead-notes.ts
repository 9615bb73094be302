/**
 * Write-ahead notes in localStorage. IndexedDB aborts a transaction still running when the page
 * unloads; localStorage writes synchronously. A write that must survive a reload (an answer, a
 * step of a practice attempt) is noted here first, forgotten once its transaction committed, and
 * replayed at start-up if it is still here.
 */

/** The part of the Web Storage API used here (tests pass a stand-in). */
export type NoteStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function browserStore(): NoteStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled: the write still goes to IndexedDB, just without the note
  }
}

export function readNotes<T>(store: NoteStore, key: string, valid: (x: unknown) => x is T): T[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(key) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(valid) : [];
  } catch {
    return [];
  }
}

export function writeNotes(store: NoteStore, key: string, notes: readonly unknown[]): void {
  try {
    if (notes.length) store.setItem(key, JSON.stringify(notes));
    else store.removeItem(key);
  } catch {
    // A full localStorage only loses the safety net, never the write itself.
  }
}
