/**
 * Writes issued inside one transaction without waiting for each. IndexedDB does its part of a
 * write in the browser's storage process; while it stores one chunk, the worker can replay or
 * pack the next instead of sitting idle (a 20,000-card import spent half its card-writing time
 * waiting). The transaction runs the requests in the order they were made, so a later read still
 * sees every earlier write. Await `settled()` before the transaction's function returns: a
 * failed write then fails the whole transaction, as an awaited one would.
 */
export interface WriteBehind {
  /** Issues `write` (already started); `then` runs once it is stored (progress, counts). */
  add(write: Promise<unknown>, then?: () => void): void;
  /** Resolves once every write added is stored; rejects with the first failure. */
  settled(): Promise<void>;
}

export function writeBehind(): WriteBehind {
  const pending: Promise<unknown>[] = [];
  return {
    add(write, then) {
      const done = then ? write.then(then) : write;
      // Seen by settled(); until then a failure must not count as unhandled.
      done.catch(() => undefined);
      pending.push(done);
    },
    async settled() {
      await Promise.all(pending);
    },
  };
}
