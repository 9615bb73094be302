/**
 * The one error type of the Anki reader. Every refusal (a file that is not a package, a damaged
 * archive, an archive that would unpack to gigabytes, a collection that is not SQLite or that
 * contradicts itself) is an AnkiImportError whose message is written for the learner: it names
 * what is wrong with their file in plain words, so the import screen can show it as it is.
 * `code` lets the UI and the tests tell the cases apart without matching on prose.
 */

export type AnkiImportErrorCode =
  | 'too-large'
  | 'not-zip'
  | 'corrupt-zip'
  | 'zip-bomb'
  | 'no-collection'
  | 'not-sqlite'
  | 'missing-tables'
  | 'impossible-values'
  | 'too-new';

export class AnkiImportError extends Error {
  readonly code: AnkiImportErrorCode;

  constructor(code: AnkiImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AnkiImportError';
    this.code = code;
  }
}

/** Largest package the reader accepts (bytes): bigger files are refused before any of them is read. */
export const MAX_PACKAGE_BYTES = 512 * 1024 * 1024;

/**
 * Refuses a package by its size alone, before a byte of it is read: the import screen calls it
 * with `file.size` so a 1 GB file never reaches memory. Accepts anything with a `byteLength` or
 * `size`, or a plain number.
 */
export function checkPackageSize(file: number | { byteLength: number } | { size: number }): void {
  const size = typeof file === 'number' ? file : 'byteLength' in file ? file.byteLength : file.size;
  if (size > MAX_PACKAGE_BYTES) {
    throw new AnkiImportError(
      'too-large',
      `This file is too large to import (${formatMegabytes(size)}); the limit is ${formatMegabytes(MAX_PACKAGE_BYTES)}. ` +
        'Export fewer decks from Anki, or export without media.',
    );
  }
  if (size === 0) throw new AnkiImportError('not-zip', 'This file is empty: it is not an Anki package.');
}

/** "512 MB", or "101 KB" below a megabyte, so a small file is never "0 MB". */
export function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString('en')} MB`;
}
