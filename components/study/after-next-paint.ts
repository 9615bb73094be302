'use client';

import { type DependencyList, type RefObject, useEffect } from 'react';

/** Resolves just after the browser paints the next frame. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

/** Runs `work` when the browser has nothing better to do, at the latest after `timeoutMs` (Safari has no requestIdleCallback). */
export function whenIdle(work: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, Math.min(200, timeoutMs));
}

/**
 * Moves the focus to `target` once the screen is painted, after every change of `deps`: focusing
 * makes the browser compute the new element's styles on the spot, a second style pass inside the
 * frame the learner is waiting for. Not if the learner moved the focus meanwhile (opened the menu,
 * say). No scrolling into view: the element is already on screen.
 */
export function useFocusOncePainted(target: RefObject<HTMLElement | null>, deps: DependencyList): void {
  useEffect(() => {
    const hadFocus = document.activeElement;
    let live = true;
    void afterNextPaint().then(() => {
      const now = document.activeElement;
      if (live && (now === hadFocus || now === null || now === document.body)) target.current?.focus({ preventScroll: true });
    });
    return () => {
      live = false;
    };
    // The caller says when the focus moves (a new card, a new question); `target` is a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
