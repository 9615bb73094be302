'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { BackupReply, BackupRequest } from './backup-messages';

/**
 * A backup worker for the life of the screen, started on first use. Replies go to the latest
 * `onReply`; a worker that fails to start or crashes is reported as a failure.
 */
export function useBackupWorker(onReply: (reply: BackupReply) => void): (request: BackupRequest) => void {
  const worker = useRef<Worker | null>(null);
  const handler = useRef(onReply);
  useEffect(() => {
    handler.current = onReply;
  }, [onReply]);
  useEffect(() => () => worker.current?.terminate(), []);

  return useCallback((request: BackupRequest) => {
    if (!worker.current) {
      const w = new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<BackupReply>) => handler.current(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        w.terminate();
        worker.current = null;
        handler.current({ type: 'failed', message: `The backup tool stopped unexpectedly${e.message ? ` (${e.message})` : ''}. Nothing was changed. Reload the page and try again.` });
      };
      worker.current = w;
    }
    worker.current.postMessage(request);
  }, []);
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
