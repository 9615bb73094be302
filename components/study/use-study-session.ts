'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { undoAnswer } from '@/lib/db/answer-transactions';
import { submitAnswer } from '@/lib/db/answer-service';
import type { StudyDb } from '@/lib/db/database';
import { StaleCardError } from '@/lib/db/errors';
import { loadTodayQueue, type StudyScope } from '@/lib/db/queries';
import { unburyDue } from '@/lib/db/unbury';
import { FLAG_NAMES, type Grade, type StudySettings } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { afterNextPaint } from './after-next-paint';
import {
  answer as answerInSession,
  answerFailed,
  changedOnScreen,
  lastAnswer,
  pickOf,
  previewsFor,
  remainingOf,
  type Previews,
  type SessionState,
  setAside,
  startSession,
  tick,
  undone,
} from '@/lib/study/session';

/**
 * One study session, as React state over the pure session model (lib/study/session.ts). An
 * answer moves the session on at once from the previews the buttons showed, so the next card
 * paints without waiting for IndexedDB; the write runs behind it through the answer service.
 * Writes run one after another; a refused or failed write puts the card back and says why.
 */
export function useStudySession(db: StudyDb, scope: StudyScope, liveSettings: StudySettings) {
  // Settings are read once per session: a change made meanwhile (another tab) applies to the next one.
  const [settings] = useState(liveSettings);
  const scheduler = useMemo(() => createScheduler(settings), [settings]);
  const [session, setSession] = useState<SessionState | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const scopeKey = JSON.stringify(scope);

  const reload = useCallback(() => {
    const at = Date.now();
    const started = performance.now();
    // A session that starts after the study day turned brings back yesterday's buried cards first.
    return unburyDue(db, at).then(() => loadTodayQueue(db, JSON.parse(scopeKey) as StudyScope, settings, at)).then((q) => {
      performance.measure('study:build-queue', { start: started, end: performance.now() });
      setSession((s) => ({ ...startSession(q, at), undo: s?.undo ?? [], answered: s?.answered ?? 0 }));
    });
  }, [db, scopeKey, settings]);

  useEffect(() => {
    reload().catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  }, [reload]);

  const pick = useMemo(() => (session ? pickOf(session) : null), [session]);

  // While only learning cards due later remain, wake up when the first one is due.
  useEffect(() => {
    if (pick?.kind !== 'wait') return;
    const t = setTimeout(() => setSession((s) => (s ? tick(s, Date.now()) : s)), Math.max(0, pick.until - Date.now()) + 50);
    return () => clearTimeout(t);
  }, [pick]);

  const current = pick?.kind === 'card' ? pick.card : null;
  const now = session?.now ?? 0;
  // The one FSRS pass per card shown: the buttons' intervals, and what an answer stores. It is
  // computed once the card is painted (the buttons appear only with the answer), so it stays off
  // the frame the learner waits for after grading; whoever needs it first computes it.
  const previewCache = useRef<Previews | null>(null);
  const previewsNow = useCallback((): Previews | null => {
    if (!current) return null;
    const cached = previewCache.current;
    if (cached && cached.cardId === current.id && cached.rev === current.rev && cached.at === now) return cached;
    previewCache.current = previewsFor(scheduler, current, now);
    return previewCache.current;
  }, [scheduler, current, now]);
  useEffect(() => {
    let live = true;
    void afterNextPaint().then(() => {
      if (live) previewsNow();
    });
    return () => {
      live = false;
    };
  }, [previewsNow]);

  const answer = useCallback(
    (grade: Grade, durationMs: number) => {
      const previews = previewsNow();
      if (!current || !session || !previews) return;
      const at = Date.now();
      const reviewId = crypto.randomUUID();
      const before = { queue: session.queue, card: current };
      const step = answerInSession(session, current, previews, { grade, now: at, durationMs, dayStartHour: settings.dayStartHour, reviewId, leechLapses: settings.leechLapses });
      setSession(step.state);
      setMessage(null);
      setNotice(
        step.card.suspended && !current.suspended
          ? `That card was forgotten ${step.card.lapses} times, so it is now a leech: tagged "leech" and suspended. Reword it or split it, then unsuspend it in Browse (search tag:leech).`
          : null,
      );
      // The answer service notes the answer in localStorage at once, so a reload or a closed tab
      // right after answering does not lose it, and starts the transaction once the next card is
      // painted: the screen never waits for IndexedDB, and its work stays off the frame the
      // learner is waiting for. Transactions start in answer order.
      const input = { cardId: current.id, shownRev: current.rev, grade, now: at, durationMs, dayStartHour: settings.dayStartHour, reviewId, outcome: step.outcome, leechLapses: settings.leechLapses };
      const stored = submitAnswer(db, scheduler, input, undefined, afterNextPaint()).catch((e: unknown) => {
        setMessage(e instanceof Error ? e.message : String(e));
        setSession((s) => (s ? answerFailed(s, reviewId, before) : s));
        if (e instanceof StaleCardError) return reload();
      });
      writes.current = Promise.all([writes.current, stored]);
    },
    [current, session, previewsNow, scheduler, db, settings.dayStartHour, settings.leechLapses, reload],
  );

  /**
   * Bury, suspend or flag the card on screen (keys B, S, Shift+1–7), or take up its edited text.
   * Waits for earlier answers to be stored first, so the card's `rev` is the stored one.
   */
  const cardAction = useCallback(
    async (action: 'bury' | 'suspend' | { flag: number } | 'edited') => {
      if (!current) return;
      await writes.current;
      try {
        // The card operations load on first use: most sessions never need them.
        const { applyToCards, loadCardInfo } = await import('@/lib/db/own-cards');
        const at = Date.now();
        if (action === 'bury' || action === 'suspend') {
          await applyToCards(db, [current.id], action === 'bury' ? { kind: 'bury', now: at, dayStartHour: settings.dayStartHour } : { kind: 'suspend', on: true });
          setSession((s) => (s ? setAside(s, current.id, at) : s));
          setNotice(action === 'bury' ? 'Card buried until tomorrow.' : 'Card suspended. Unsuspend it in Browse (search is:suspended).');
          return;
        }
        if (action !== 'edited') await applyToCards(db, [current.id], { kind: 'flag', flag: action.flag });
        const info = await loadCardInfo(db, current.id);
        if (info) setSession((s) => (s ? changedOnScreen(s, info.card) : s));
        setNotice(action === 'edited' ? 'Card saved; the earlier text is kept in its history.' : action.flag ? `Flagged ${FLAG_NAMES[action.flag]}.` : 'Flag removed.');
      } catch (e) {
        setMessage(e instanceof Error ? e.message : String(e));
      }
    },
    [current, db, settings.dayStartHour],
  );

  const undo = useCallback(async () => {
    await writes.current;
    const last = session ? lastAnswer(session) : undefined;
    if (!last) return;
    try {
      const restored = await undoAnswer(db, last.reviewId);
      setSession((s) => (s ? undone(s, restored, Date.now()) : s));
      setMessage(null);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  }, [db, session]);

  return {
    loading: session === null,
    pick,
    current,
    /** What each grade would do to the card on screen (computed on first use). */
    previewsOf: previewsNow,
    /** The time the previews were computed for. */
    now,
    remaining: session ? remainingOf(session) : 0,
    answered: session?.answered ?? 0,
    canUndo: (session?.undo.length ?? 0) > 0,
    answer,
    undo,
    cardAction,
    message,
    /** A leech notice after the last answer, or null. */
    notice,
    /** Resolves once every answer given so far is stored. */
    settled: () => writes.current,
  };
}
