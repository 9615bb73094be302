'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { useDecks } from '@/lib/db/hooks';
import { useDeckName, useNextDue } from '@/lib/db/study-hooks';
import { lazy, Suspense } from 'react';
// Loaded only when E opens it: the study page stays light.
const CardEditor = lazy(() => import('../browse/card-editor').then((m) => ({ default: m.CardEditor })));
import type { StudyScope } from '@/lib/db/queries';
import { deckManifest } from '@/lib/db/deck-manifest';
import { tagTitle } from '@/lib/decks/manifest';
import { type Grade, isLearnersCard, type StudySettings } from '@/lib/model';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
import { CardView } from './card-view';
import { afterNextPaint } from './after-next-paint';
import { useStudySession } from './use-study-session';

function scopeFrom(params: URLSearchParams): StudyScope {
  const deck = params.get('deck');
  const tag = params.get('tag');
  const missed = params.get('missed');
  if (missed) return { kind: 'missed', attemptId: missed };
  if (deck) return { kind: 'deck', deckId: deck };
  if (tag) return { kind: 'tag', tag };
  return { kind: 'all' };
}

export function StudyScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  const params = useSearchParams();
  if (!db || !settings) return <p className="muted" role="status">Loading…</p>;
  return <Session db={db} settings={settings} scope={scopeFrom(new URLSearchParams(params.toString()))} />;
}

function Session({ db, settings, scope }: { db: StudyDb; settings: StudySettings; scope: StudyScope }) {
  const s = useStudySession(db, scope, settings);
  const deckName = useDeckName(db, scope.kind === 'deck' ? scope.deckId : null);
  const title =
    scope.kind === 'deck' ? (deckName === undefined ? undefined : (deckName ?? 'Deck')) : scope.kind === 'tag' ? tagTitle(deckManifest, scope.tag) : scope.kind === 'missed' ? 'What I missed in practice' : 'All decks';
  const gradedAt = useRef<number | null>(null);
  const [editing, setEditing] = useState(false);
  const decks = useDecks(db);
  const onCardKey = useCallback(
    (action: 'bury' | 'suspend' | 'edit' | { flag: number }) => {
      if (action !== 'edit') return void s.cardAction(action);
      if (s.current && isLearnersCard(s.current)) setEditing(true);
    },
    [s],
  );

  const onGrade = useCallback(
    (g: Grade, durationMs: number, eventTime: number) => {
      gradedAt.current = eventTime;
      s.answer(g, durationMs);
    },
    [s],
  );

  // Benchmark hook: time from the grade's input event to the frame that shows the next card.
  const cardKey = s.current ? `${s.current.id}:${s.current.rev}` : s.pick?.kind;
  useLayoutEffect(() => {
    const start = gradedAt.current;
    if (start === null) return;
    gradedAt.current = null;
    void afterNextPaint().then(() => performance.measure('study:grade-to-next-card', { start, end: performance.now() }));
  }, [cardKey]);

  if (editing && s.current) {
    return (
      <Suspense fallback={<p role="status" className="muted">Opening the editor…</p>}>
        <CardEditor
          db={db}
          cardId={s.current.id}
          decks={(decks ?? []).filter((d) => !d.builtin)}
          onDone={(saved) => {
            setEditing(false);
            if (saved) void s.cardAction('edited');
          }}
        />
      </Suspense>
    );
  }

  if (s.loading || !s.pick) return <p className="muted" role="status">Building today&apos;s queue…</p>;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-xl font-semibold">{title}</h1>
        <div className="flex items-center gap-3">
          <p className="muted text-sm" aria-live="polite">
            <span data-testid="remaining">{s.remaining}</span> left · <span data-testid="answered">{s.answered}</span> answered
          </p>
          {/* Up here rather than beside the grades: rarely needed, and kept apart from them against mis-taps. */}
          {s.pick.kind === 'card' && (
            <button type="button" className="btn px-3" onClick={() => void s.undo()} disabled={!s.canUndo} aria-keyshortcuts="U Control+Z">
              Undo
            </button>
          )}
          {s.current && (
            <details className="relative">
              <summary className="btn cursor-pointer list-none px-3">Card actions</summary>
              <div className="card-surface absolute right-0 z-20 mt-1 grid w-56 gap-1 p-2">
                <button type="button" className="btn justify-start px-3" aria-keyshortcuts="B" onClick={() => onCardKey('bury')}>Bury until tomorrow (B)</button>
                <button type="button" className="btn justify-start px-3" aria-keyshortcuts="S" onClick={() => onCardKey('suspend')}>Suspend (S)</button>
                <button type="button" className="btn justify-start px-3" aria-keyshortcuts="Shift+1" onClick={() => onCardKey({ flag: s.current?.flag === 1 ? 0 : 1 })}>
                  {s.current.flag === 1 ? 'Remove the red flag (Shift+1)' : 'Flag red (Shift+1…7)'}
                </button>
                {isLearnersCard(s.current) && (
                  <button type="button" className="btn justify-start px-3" aria-keyshortcuts="E" onClick={() => onCardKey('edit')}>Edit (E)</button>
                )}
              </div>
            </details>
          )}
        </div>
      </div>
      {s.message && (
        <p role="alert" className="rounded-lg border border-red-600 p-3 dark:border-red-400">
          {s.message}
        </p>
      )}
      {s.notice && (
        <p role="status" className="rounded-lg border border-amber-600 p-3 dark:border-amber-400" data-testid="leech-notice">
          <span aria-hidden="true">⚠ </span>
          {s.notice}
        </p>
      )}
      {s.pick.kind === 'card' ? (
        <CardView
          key={`${s.pick.card.id}:${s.pick.card.rev}`}
          card={s.pick.card}
          previewsOf={s.previewsOf}
          now={s.now}
          onGrade={onGrade}
          onUndo={() => void s.undo()}
          onCardKey={onCardKey}
        />
      ) : s.pick.kind === 'wait' ? (
        <WaitScreen until={s.pick.until} onUndo={() => void s.undo()} canUndo={s.canUndo} />
      ) : (
        <DoneScreen db={db} scope={scope} answered={s.answered} onUndo={() => void s.undo()} canUndo={s.canUndo} />
      )}
    </div>
  );
}

const timeFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' });

function WaitScreen({ until, onUndo, canUndo }: { until: number; onUndo: () => void; canUndo: boolean }) {
  return (
    <section className="card-surface p-6" aria-labelledby="wait-heading">
      <h2 id="wait-heading" className="text-lg font-semibold">Nothing due right now</h2>
      <p className="mt-2">The next learning step comes back at {timeFormat.format(until)}. Keep this page open, or come back then.</p>
      <button type="button" className="btn mt-4" onClick={onUndo} disabled={!canUndo}>Undo</button>
    </section>
  );
}

function DoneScreen({ db, scope, answered, onUndo, canUndo }: { db: StudyDb; scope: StudyScope; answered: number; onUndo: () => void; canUndo: boolean }) {
  const nextDue = useNextDue(db, scope);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section className="card-surface p-6" aria-labelledby="done-heading" data-testid="done">
      <h2 id="done-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold">Done for today</h2>
      <p className="mt-2">
        {answered === 0 ? 'Nothing was due here.' : `You answered ${answered} ${answered === 1 ? 'card' : 'cards'} in this session.`}
      </p>
      <p className="mt-1" data-testid="next-due">
        {nextDue === undefined ? '' : nextDue === null ? 'No reviews are scheduled yet.' : `Next card due: ${timeFormat.format(nextDue)}.`}
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <Link href="/" className="btn btn-primary">Back to decks</Link>
        <button type="button" className="btn" onClick={onUndo} disabled={!canUndo}>Undo</button>
      </div>
    </section>
  );
}
