'use client';

import { useCallback, useEffect, useRef } from 'react';

/**
 * The page side of every worker (backup, import): a worker for the life of the screen, started on
 * first use by `create` (which must spell `new Worker(new URL('./x.worker.ts', import.meta.url))`
 * so the bundler finds it), typed requests in, typed replies out. A worker that fails to start or
 * crashes is reported through `onCrash`'s reply, and the next request starts a fresh one.
 */
export function useWorker<Request, Reply>(
  create: () => Worker,
  onReply: (reply: Reply) => void,
  onCrash: (message: string) => Reply,
): (request: Request, transfer?: Transferable[]) => void {
  const worker = useRef<Worker | null>(null);
  const handler = useRef(onReply);
  const crash = useRef(onCrash);
  const make = useRef(create);
  useEffect(() => {
    handler.current = onReply;
    crash.current = onCrash;
  }, [onReply, onCrash]);
  useEffect(() => () => worker.current?.terminate(), []);

  return useCallback((request: Request, transfer: Transferable[] = []) => {
    if (!worker.current) {
      const w = make.current();
      w.onmessage = (e: MessageEvent<Reply>) => handler.current(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        w.terminate();
        worker.current = null;
        handler.current(crash.current(e.message ?? ''));
      };
      worker.current = w;
    }
    worker.current.postMessage(request, transfer);
  }, []);
}
