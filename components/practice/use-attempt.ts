'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { loadAttempt } from '@/lib/db/practice';
import { saveAttemptDurably } from '@/lib/db/practice-service';
import { type Attempt, finish, isTimeUp, resumed } from '@/lib/practice/attempt';
import { afterNextPaint, whenIdle } from '../study/after-next-paint';

/**
 * One practice attempt as React state over the pure attempt model (lib/practice/attempt.ts).
 * Every step changes the screen at once and is stored behind it, after the next paint, through
 * the practice service (noted in localStorage first, so a reload loses nothing). Writes run one
 * after another. An attempt whose time ran out while the page was closed is submitted on load.
 */
export function useAttempt(db: StudyDb, id: string) {
  const [attempt, setAttempt] = useState<Attempt | null | undefined>(undefined);
  const [message, setMessage] = useState<string | null>(null);
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef<Attempt | null>(null);

  const save = useCallback(
    (a: Attempt, immediately = false) => {
      // saveAttemptDurably notes the state in localStorage at once (synchronously), and only then
      // waits: for the writes before it (so they commit in order) and, unless finishing, for the
      // next paint and then a moment when the page is idle: the write clones the attempt's 150
      // questions twice, work that delayed the next question when a key came right after a step
      // (and a step superseded meanwhile is not stored at all). Chaining the call itself behind
      // the earlier writes would leave the newest steps un-noted while those run, and a reload
      // then would lose them.
      const before = writes.current.catch(() => undefined);
      const start = immediately ? before : Promise.all([before, afterNextPaint().then(() => new Promise<void>((done) => whenIdle(done, 1000)))]);
      writes.current = saveAttemptDurably(db, a, undefined, start, () => latest.current !== null && latest.current.updatedAt > a.updatedAt)
        .then((outcome) => {
          if (outcome === 'already-finished') setMessage('This attempt was finished in another tab; the results there are the ones kept.');
        })
        .catch((e: unknown) => setMessage(`Your last answer could not be saved: ${e instanceof Error ? e.message : String(e)}`));
      return writes.current;
    },
    [db],
  );

  useEffect(() => {
    let live = true;
    loadAttempt(db, id)
      .then((stored) => {
        if (!live) return;
        if (!stored) return setAttempt(null);
        const now = Date.now();
        let a = stored.status === 'active' ? resumed(stored, now) : stored;
        if (isTimeUp(a, now)) {
          a = finish(a, a.deadline!, 'time');
          void save(a, true);
        }
        latest.current = a;
        setAttempt(a);
      })
      .catch((e: unknown) => live && setMessage(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [db, id, save]);

  /** Applies one step of the model now, and stores its result. */
  const step = useCallback(
    (change: (a: Attempt, now: number) => Attempt) => {
      const current = latest.current;
      if (!current) return;
      const next = change(current, Date.now());
      if (next === current) return;
      latest.current = next;
      setAttempt(next);
      void save(next, next.status === 'finished');
    },
    [save],
  );

  // The exam clock: submit when the time is up, on the minute as on the exam.
  useEffect(() => {
    if (!attempt || attempt.status !== 'active' || attempt.deadline === null) return;
    const t = setTimeout(() => step((a) => (isTimeUp(a, Date.now()) ? finish(a, a.deadline!, 'time') : a)), Math.max(0, attempt.deadline - Date.now()) + 20);
    return () => clearTimeout(t);
  }, [attempt, step]);

  return { attempt, message, step, settled: () => writes.current };
}
