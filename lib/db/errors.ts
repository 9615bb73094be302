/** Storage failures the learner can act on, each with a message written for them. */

export class StaleCardError extends Error {
  constructor() {
    super('This card was changed in another tab or window since it was shown, so this answer was not counted. The queue has been refreshed.');
    this.name = 'StaleCardError';
  }
}

export class StorageFullError extends Error {
  constructor() {
    super('Your device is out of storage space for this app, so the last change was not saved (nothing was half-written). Free some space, then try again.');
    this.name = 'StorageFullError';
  }
}

export class NothingToUndoError extends Error {
  constructor() {
    super('There is no answer to undo.');
    this.name = 'NothingToUndoError';
  }
}

function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const err = e as { name?: string; inner?: unknown };
  return err.name === 'QuotaExceededError' || isQuotaError(err.inner);
}

/** Translates the browser's quota error into one the UI can explain; rethrows the rest. */
export async function withStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isQuotaError(e)) throw new StorageFullError();
    throw e;
  }
}

/**
 * The database on this device was written by a newer version of the app (an old tab left open
 * after an update, or the app went back a version). Dexie refuses to open it, so nothing is
 * written; the learner is told what happened and what to do.
 */
export class NewerDatabaseError extends Error {
  constructor(stored: number, supported: number) {
    super(
      `Your study data was saved by a newer version of this app (data format ${stored}; this tab knows format ${supported} at most), so this tab will not read or change it. Reload the page, or close old tabs of the app, to get the newer version. Nothing was changed.`,
    );
    this.name = 'NewerDatabaseError';
  }
}
