/**
 * The package's media: which zip entry holds which file, and which of them the app can keep.
 *
 * Legacy packages list their media in a JSON `media` entry ({"0": "diagram.png"}); current ones in
 * a zstd-compressed protobuf (MediaEntries, where the n-th entry is zip entry "n", as Anki reads
 * it) and compress each file with zstd. Only images are kept, and only when their bytes really are
 * PNG, JPEG, GIF, WebP, AVIF or BMP: the type comes from the content, not the name, so a script
 * renamed to .png is not stored as an image. SVG is left out on purpose: an SVG can carry script.
 */
import { messageFields, readMessage, stringField } from './protobuf';

/** Media file name (as cards refer to it) → zip entry name. */
export type MediaMap = Map<string, string>;

export function parseLegacyMediaMap(bytes: Uint8Array): MediaMap {
  const map: MediaMap = new Map();
  const text = new TextDecoder().decode(bytes).trim();
  if (!text) return map;
  const json: unknown = JSON.parse(text);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('media map is not an object');
  for (const [entry, name] of Object.entries(json as Record<string, unknown>)) {
    if (typeof name === 'string' && name) map.set(name.normalize('NFC'), entry);
  }
  return map;
}

export function parseMediaEntries(bytes: Uint8Array): MediaMap {
  const map: MediaMap = new Map();
  messageFields(readMessage(bytes), 1).forEach((entry, index) => {
    const name = stringField(readMessage(entry), 1);
    if (name) map.set(name.normalize('NFC'), String(index));
  });
  return map;
}

const IMAGE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'jpe', 'gif', 'webp', 'avif', 'bmp']);
const SOUND_EXTENSIONS = new Set(['mp3', 'ogg', 'oga', 'opus', 'wav', 'm4a', 'aac', 'flac', 'spx', 'amr', '3gp', 'webm', 'mp4', 'mov', 'mkv', 'avi', 'mpg', 'mpeg', 'ogv', 'wmv']);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function looksLikeImageName(name: string): boolean {
  return IMAGE_EXTENSIONS.has(extensionOf(name));
}

export function looksLikeSoundName(name: string): boolean {
  return SOUND_EXTENSIONS.has(extensionOf(name));
}

const ascii = (bytes: Uint8Array, start: number, text: string) => [...text].every((c, i) => bytes[start + i] === c.charCodeAt(0));

/** The image type of these bytes, from their signature; null when they are not an image the app shows. */
export function sniffImageMime(bytes: Uint8Array): string | null {
  if (bytes.length >= 8 && bytes[0] === 0x89 && ascii(bytes, 1, 'PNG\r\n\u001a\n')) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'image/gif';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'image/webp';
  if (ascii(bytes, 4, 'ftypavif') || ascii(bytes, 4, 'ftypavis')) return 'image/avif';
  if (bytes.length > 26 && ascii(bytes, 0, 'BM')) return 'image/bmp';
  return null;
}
