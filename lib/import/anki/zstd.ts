/**
 * Zstandard decoding with a ceiling. Current Anki packages compress the collection, the media
 * list and every media file with zstd, written as a stream that does not declare its size, so a
 * small hostile frame could expand without bound. fzstd's streaming decoder hands over the output
 * block by block (128 KB at most); the total is counted as it comes and decoding stops at the
 * ceiling, before the memory is spent.
 */
import { Decompress } from 'fzstd';
import { AnkiImportError, formatMegabytes } from './anki-errors';

const MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

export function isZstd(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

class TooBig extends Error {}

/** Decodes a zstd stream of at most `limit` bytes; `what` names it in the learner-facing error. */
export function zstdDecompress(bytes: Uint8Array, limit: number, what: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (total > limit) throw new TooBig();
    // fzstd may reuse its window buffer for the next block: keep a copy.
    chunks.push(chunk.slice());
  });
  try {
    stream.push(bytes, true);
  } catch (error) {
    if (error instanceof TooBig) {
      throw new AnkiImportError('zip-bomb', `The ${what} in this Anki package would unpack to more than ${formatMegabytes(limit)}: it was not imported.`);
    }
    throw new AnkiImportError('corrupt-zip', `The ${what} in this Anki package is damaged: it cannot be decompressed. Export it from Anki again.`, {
      cause: error,
    });
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
