/**
 * Opening the package archive safely. An .apkg or .colpkg is a zip; a hostile or broken one must
 * be refused before it costs memory, so the archive is read in two passes over its central
 * directory (fflate's `unzipSync` hands each entry's declared sizes to a filter before it
 * inflates anything):
 *
 * 1. `listEntries` declines every entry and only records names and declared sizes, then checks
 *    the limits: entry count, total declared unpacked size, and the ratio of unpacked to packed
 *    bytes (a deflate stream can expand about 1,000 times; real collections stay far below 100).
 * 2. `unpackEntries` inflates only the entries the reader asks for, each into a buffer of its
 *    declared size (fflate never grows that buffer, so an entry that lies about its size cannot
 *    expand past what was checked).
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { AnkiImportError, formatMegabytes } from './anki-errors';

export const MAX_ZIP_ENTRIES = 50_000;
export const MAX_UNPACKED_BYTES = 2 * 1024 * 1024 * 1024;
/** Unpacked ÷ packed above this, for archives that unpack to more than RATIO_FLOOR_BYTES, is a zip bomb. */
export const MAX_COMPRESSION_RATIO = 200;
const RATIO_FLOOR_BYTES = 64 * 1024 * 1024;

export interface ZipEntryInfo {
  name: string;
  packedSize: number;
  unpackedSize: number;
  compression: number;
}

const NOT_ZIP = 'This file is not an Anki package: it is not a zip archive.';
const CORRUPT = 'This Anki package is damaged: its zip archive cannot be read. Export it from Anki again.';

function looksLikeZip(bytes: Uint8Array): boolean {
  // A local file header (PK\3\4) or, for an archive with no entries, the end record (PK\5\6).
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

/**
 * The entry count the end-of-central-directory record declares (zip64 too), read before walking
 * the directory, so an archive claiming a million entries is refused without reading one.
 */
export function declaredEntryCount(bytes: Uint8Array): number {
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && bytes.length - at <= 65_557; at -= 1) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) throw new AnkiImportError('corrupt-zip', CORRUPT);
  let count = u16(bytes, end + 10);
  const directoryEnd = u32(bytes, end + 16) + u32(bytes, end + 12);
  if (end >= 20 && u32(bytes, end - 20) === 0x07064b50) {
    const zip64 = u32(bytes, end - 12) + u32(bytes, end - 8) * 2 ** 32;
    if (zip64 + 56 <= bytes.length && u32(bytes, zip64) === 0x06064b50) count = u32(bytes, zip64 + 32) + u32(bytes, zip64 + 36) * 2 ** 32;
  } else if (directoryEnd > end) {
    throw new AnkiImportError('corrupt-zip', CORRUPT);
  }
  return count;
}

/** The archive's entries as its central directory declares them, after the bomb checks. */
export function listEntries(bytes: Uint8Array): ZipEntryInfo[] {
  if (!looksLikeZip(bytes)) throw new AnkiImportError('not-zip', NOT_ZIP);
  if (declaredEntryCount(bytes) > MAX_ZIP_ENTRIES) throw tooManyEntries();
  const entries: ZipEntryInfo[] = [];
  let unpacked = 0;
  try {
    unzipSync(bytes, {
      filter(info: UnzipFileInfo) {
        entries.push({ name: info.name, packedSize: info.size, unpackedSize: info.originalSize, compression: info.compression });
        unpacked += info.originalSize;
        // Stop walking as soon as a limit is passed: the directory itself may be huge.
        if (entries.length > MAX_ZIP_ENTRIES) throw new ZipLimit('count');
        if (unpacked > MAX_UNPACKED_BYTES) throw new ZipLimit('size');
        return false;
      },
    });
  } catch (error) {
    if (error instanceof ZipLimit) {
      if (error.limit === 'count') throw tooManyEntries();
      throw new AnkiImportError(
        'zip-bomb',
        `This Anki package would unpack to more than ${formatMegabytes(MAX_UNPACKED_BYTES)}: it was not imported.`,
      );
    }
    throw new AnkiImportError('corrupt-zip', CORRUPT, { cause: error });
  }
  if (unpacked > RATIO_FLOOR_BYTES && unpacked > bytes.length * MAX_COMPRESSION_RATIO) {
    throw new AnkiImportError(
      'zip-bomb',
      `This Anki package would unpack to ${formatMegabytes(unpacked)} from ${formatMegabytes(bytes.length)}, ` +
        'far more than any real export compresses: it was not imported.',
    );
  }
  for (const entry of entries) {
    if (entry.compression !== 0 && entry.compression !== 8) {
      // Anki writes stored or deflated entries only; anything else is not one of its packages.
      if (isCollectionName(entry.name) || entry.name === 'media' || entry.name === 'meta') {
        throw new AnkiImportError('corrupt-zip', `This Anki package uses a zip compression method (${entry.compression}) that Anki never writes.`);
      }
    }
  }
  return entries;
}

function tooManyEntries(): AnkiImportError {
  return new AnkiImportError('zip-bomb', `This Anki package holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en')} files, more than any real export: it was not imported.`);
}

class ZipLimit extends Error {
  constructor(readonly limit: 'count' | 'size') {
    super(limit);
  }
}

export function isCollectionName(name: string): boolean {
  return name === 'collection.anki2' || name === 'collection.anki21' || name === 'collection.anki21b';
}

/** Inflates the named entries (those present); throws a learner-facing error when one is damaged. */
export function unpackEntries(bytes: Uint8Array, names: ReadonlySet<string>): Map<string, Uint8Array> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (info) => names.has(info.name) && (info.compression === 0 || info.compression === 8) });
  } catch (error) {
    throw new AnkiImportError('corrupt-zip', CORRUPT, { cause: error });
  }
  return new Map(Object.entries(files));
}
