'use client';

import { useLayoutEffect, useRef, type ReactNode } from 'react';

/** Bars mounted now: the study screen swaps one for the next with every card. */
let barsMounted = 0;

/** Writes the body's bottom padding only when it changes: each write makes the browser lay the page out again. */
function reserveBottom(value: string) {
  if (document.body.style.paddingBottom !== value) document.body.style.paddingBottom = value;
}

/**
 * The controls of a screen's main task (show answer, grade, answer options, confirm), where a thumb
 * reaches them.
 *
 * - Below 640px (`sm`) the bar is fixed to the bottom of the viewport, above the home indicator
 *   (`env(safe-area-inset-bottom)`), and the body gets a bottom padding of the bar's measured
 *   height, so the page's last lines scroll clear of it: nothing is ever hidden under the bar.
 *   (The 640px here and `sm:` in the classes below are the same breakpoint.)
 * - From 640px up it is an ordinary block where it is placed (`className` styles it there, e.g. `sm:mt-6`).
 *
 * Use one per screen (it owns the body's bottom padding while mounted), after the content it acts
 * on. Keep it mounted while the controls inside change (e.g. "Show answer" → grade buttons) and give
 * those states the same height (`min-h-16` on both), so the buttons do not move. Put `.btn`
 * buttons in it: they bring the focus ring, dark mode and 44px targets of app/globals.css.
 *
 * @example
 * <ActionBar label="Card actions" className="sm:mt-6">
 *   {revealed ? <GradeButtons … /> : <button className="btn btn-primary min-h-16 w-full">Show answer</button>}
 * </ActionBar>
 */
export function ActionBar({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  const bar = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    barsMounted += 1;
    // Reserve the bar's height at the end of the page while it is fixed (below `sm`, phones). The
    // ResizeObserver reports the size after layout and before paint, at once and whenever it
    // changes (wrapping text, font size, rotation); the media query, crossing 640px. Nothing is
    // measured on mount, which would force a layout of the new screen in the frame being built.
    const wide = window.matchMedia('(min-width: 640px)');
    const measure = () => reserveBottom(wide.matches ? '' : `${el.offsetHeight}px`);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    wide.addEventListener('change', measure);
    return () => {
      observer.disconnect();
      wide.removeEventListener('change', measure);
      barsMounted -= 1;
      // Cleared a frame later, and only if no bar took this one's place: the next card's bar,
      // mounted in the same commit, keeps the padding as it is instead of removing and re-adding it.
      requestAnimationFrame(() => {
        if (barsMounted === 0) reserveBottom('');
      });
    };
  }, []);

  return (
    <div
      ref={bar}
      role="group"
      aria-label={label}
      data-testid="action-bar"
      className={`fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white pt-3 pr-[max(1rem,env(safe-area-inset-right))] pl-[max(1rem,env(safe-area-inset-left))] pb-[max(0.75rem,env(safe-area-inset-bottom))] shadow-[0_-2px_8px_rgb(0_0_0/0.06)] dark:border-slate-700 dark:bg-slate-900 sm:static sm:z-auto sm:border-0 sm:bg-transparent sm:p-0 sm:shadow-none sm:dark:bg-transparent ${className}`}
    >
      <div className="mx-auto max-w-3xl">{children}</div>
    </div>
  );
}
