'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { answerCard, undoAnswer } from '@/lib/db/answer';
import type { StudyDb } from '@/lib/db/database';
import { StaleCardError } from '@/lib/db/errors';
import { forgetPendingAnswer, notePendingAnswer } from '@/lib/db/pending-answers';
import { loadTodayQueue, type StudyScope } from '@/lib/db/queries';
import { type Grade, memoryOf, type StudyCard, type StudySettings, withQueueFields } from '@/lib/model';
import { afterAnswer, pickNext, queueSize, withoutCard, type NextPick, type TodayQueue } from '@/lib/queue';
import { answerMemory, createScheduler, previewAnswers } from '@/lib/scheduler';
import { studyDayEnd } from '@/lib/study-day';

interface UndoEntry {
  reviewId: string;
  cardId: string;
}

/**
 * One study session. The queue lives in memory: an answer updates it at once from the pure
 * scheduler and the write runs behind it, so the next card paints without waiting for
 * IndexedDB or rescanning the collection. Writes run one after another; a refused or failed
 * write puts the card back and says why.
 */
export function useStudySession(db: StudyDb, scope: StudyScope, liveSettings: StudySettings) {
  // Settings are read once per session: a change made meanwhile (another tab) applies to the next one.
  const [settings] = useState(liveSettings);
  const scheduler = useMemo(() => createScheduler(settings), [settings]);
  const [queue, setQueue] = useState<TodayQueue | null>(null);
  const [pinned, setPinned] = useState<StudyCard | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const [answered, setAnswered] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const scopeKey = JSON.stringify(scope);

  const reload = useCallback(() => {
    const at = Date.now();
    const started = performance.now();
    return loadTodayQueue(db, JSON.parse(scopeKey) as StudyScope, settings, at).then((q) => {
      performance.measure('study:build-queue', { start: started, end: performance.now() });
      setQueue(q);
      setPinned(null);
      setNow(at);
    });
  }, [db, scopeKey, settings]);

  useEffect(() => {
    reload().catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  }, [reload]);

  const pick = useMemo<NextPick | null>(
    () => (queue ? (pinned ? { kind: 'card', card: pinned } : pickNext(queue, now)) : null),
    [queue, pinned, now],
  );

  // While only learning cards due later remain, wake up when the first one is due.
  useEffect(() => {
    if (pick?.kind !== 'wait') return;
    const t = setTimeout(() => setNow(Date.now()), Math.max(0, pick.until - Date.now()) + 50);
    return () => clearTimeout(t);
  }, [pick]);

  const current = pick?.kind === 'card' ? pick.card : null;
  const previews = useMemo(
    () => (current ? previewAnswers(scheduler, current.id, memoryOf(current), now) : null),
    [scheduler, current, now],
  );

  const answer = useCallback(
    (grade: Grade, durationMs: number) => {
      if (!current || !queue) return;
      const at = Date.now();
      const card = current;
      const before = queue;
      const { after } = answerMemory(scheduler, card.id, memoryOf(card), grade, at);
      const optimistic = withQueueFields({ ...card, ...after, rev: card.rev + 1 });
      const reviewId = crypto.randomUUID();
      setQueue(afterAnswer(queue, optimistic, studyDayEnd(at, settings.dayStartHour)));
      setPinned(null);
      setNow(at);
      setUndoStack((s) => [...s, { reviewId, cardId: card.id }]);
      setAnswered((n) => n + 1);
      setMessage(null);
      // The write is issued at once (IndexedDB runs it off the main thread and keeps writes in
      // order) and noted in localStorage until it commits, so a reload or a closed tab right
      // after answering does not lose the answer. The screen does not wait for it.
      const input = { cardId: card.id, shownRev: card.rev, grade, now: at, durationMs, dayStartHour: settings.dayStartHour, reviewId };
      notePendingAnswer(input);
      const stored = answerCard(db, scheduler, input).then(() => forgetPendingAnswer(reviewId), (e: unknown) => {
        forgetPendingAnswer(reviewId);
        setMessage(e instanceof Error ? e.message : String(e));
        setUndoStack((s) => s.filter((u) => u.reviewId !== reviewId));
        setAnswered((n) => n - 1);
        if (e instanceof StaleCardError) return reload();
        setQueue(before);
        setPinned(card);
      });
      writes.current = Promise.all([writes.current, stored]);
    },
    [current, queue, scheduler, db, settings.dayStartHour, reload],
  );

  const undo = useCallback(async () => {
    await writes.current;
    const last = undoStack.at(-1);
    if (!last) return;
    try {
      const restored = await undoAnswer(db, last.reviewId);
      setQueue((q) => (q ? withoutCard(q, restored.id) : q));
      setPinned(restored);
      setUndoStack((s) => s.slice(0, -1));
      setAnswered((n) => n - 1);
      setNow(Date.now());
      setMessage(null);
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  }, [db, undoStack]);

  return {
    loading: queue === null,
    pick,
    current,
    previews,
    /** The time the previews were computed for. */
    now,
    remaining: queue ? queueSize(queue) : 0,
    answered,
    canUndo: undoStack.length > 0,
    answer,
    undo,
    message,
    /** Resolves once every answer given so far is stored. */
    settled: () => writes.current,
  };
}
