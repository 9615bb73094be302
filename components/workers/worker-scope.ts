/**
 * The worker side of the typed message layer (the page side is use-worker.ts): typed `onmessage`
 * and `postMessage` over the worker's global scope. No React here: this runs inside the worker.
 */
/** The worker side: typed `onmessage` and `postMessage` over the worker's global scope. */
export function workerScope<Request, Reply>(): { listen(handle: (request: Request) => void): void; reply(r: Reply, transfer?: Transferable[]): void } {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<Request>) => void) | null; postMessage(reply: Reply, transfer?: Transferable[]): void };
  return {
    listen: (handle) => {
      scope.onmessage = (e) => handle(e.data);
    },
    reply: (r, transfer = []) => scope.postMessage(r, transfer),
  };
}
