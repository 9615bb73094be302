/**
 * The Anki package reader: `readAnkiPackage(bytes, { fileName, initSqlJs: loadSqlJs })` in a
 * Worker gives an ImportDraft or throws an AnkiImportError with a message for the learner.
 * Call `checkPackageSize(file.size)` before reading the file at all.
 */
export { readAnkiPackage, MAX_COLLECTION_BYTES, MAX_MEDIA_FILE_BYTES, type ReadAnkiOptions } from './read-package';
export { AnkiImportError, MAX_PACKAGE_BYTES, checkPackageSize, type AnkiImportErrorCode } from './anki-errors';
export { loadSqlJs, sqlJsOpener, SQL_WASM_URL, type OpenSqlite, type SqliteDb } from './sqlite';
export { htmlToMarkdown } from './html-to-markdown';
export { MAX_ZIP_ENTRIES, MAX_UNPACKED_BYTES, MAX_COMPRESSION_RATIO } from './zip';
