'use client';

import { useWorker } from '../workers/use-worker';
import type { BackupReply, BackupRequest } from './backup-messages';

/** The backup worker for the life of the screen (components/workers/use-worker.ts). */
export function useBackupWorker(onReply: (reply: BackupReply) => void): (request: BackupRequest) => void {
  return useWorker<BackupRequest, BackupReply>(
    () => new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' }),
    onReply,
    (message) => ({ type: 'failed', message: `The backup tool stopped unexpectedly${message ? ` (${message})` : ''}. Nothing was changed. Reload the page and try again.` }),
  );
}

/** Saves a file the way the browser saves any download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start the download; then free the memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
