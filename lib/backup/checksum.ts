/**
 * The backup's checksum: SHA-256 of the content as `JSON.stringify` writes it, through the
 * platform's Web Crypto (browsers, workers and Node all have it).
 */
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupContent } from './format';

const PREFIX = 'sha256:';

export async function sha256Hex(content: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The checksum field's value for a content object. */
export async function checksumOf(content: unknown): Promise<string> {
  return PREFIX + (await sha256Hex(JSON.stringify(content)));
}

/**
 * The backup file's text. The content is serialised once and the same text is both hashed and
 * written, so a file is never larger in memory than twice its size.
 * @example const text = await serializeBackup(content); JSON.parse(text).formatVersion === 1
 */
export async function serializeBackup(content: BackupContent): Promise<string> {
  const body = JSON.stringify(content);
  const checksum = PREFIX + (await sha256Hex(body));
  return `{"format":${JSON.stringify(BACKUP_FORMAT)},"formatVersion":${BACKUP_FORMAT_VERSION},"checksum":"${checksum}","content":${body}}\n`;
}
