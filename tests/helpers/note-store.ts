import type { NoteStore } from '@/lib/db/write-ahead-notes';

/** An in-memory stand-in for localStorage. */
export function memoryStore(): NoteStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}
