'use client';

import { useCallback, useRef, useState } from 'react';
import { useWorker } from '../workers/use-worker';
import type { AnkiPreview, AnkiReply, AnkiRequest } from './anki-messages';

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; phase: string; done: number; total: number }
  | { kind: 'preview'; preview: AnkiPreview }
  | { kind: 'done'; text: string }
  | { kind: 'problem'; text: string };

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/**
 * Import an Anki package (.apkg or .colpkg): the worker reads it and shows what it holds; nothing
 * is stored until the learner confirms. Cards keep their decks, tags, states, flags and review
 * history (replayed through FSRS); images are kept, sound and other media are listed as skipped.
 */
export function AnkiImport() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [fileName, setFileName] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const onReply = useCallback((r: AnkiReply) => {
    if (r.type === 'progress') setStage({ kind: 'busy', phase: r.phase, done: r.done, total: r.total });
    else if (r.type === 'preview') setStage({ kind: 'preview', preview: r.preview });
    else if (r.type === 'imported') {
      // For `npm run bench`: the worker's steps, as measures on the page.
      for (const [step, ms] of Object.entries(r.report.timings ?? {})) performance.measure(`import:${step}`, { start: 0, duration: ms });
      setStage({
        kind: 'done',
        text: `Imported: ${plural(r.report.cardsAdded, 'card')} in ${plural(r.report.decksAdded, 'new deck')}, ${plural(r.report.answersAdded, 'past answer')} replayed, ${plural(r.report.mediaAdded, 'image')}.${r.report.alreadyHere ? ` ${plural(r.report.alreadyHere, 'card')} were already here from an earlier import and stay as they are.` : ''}`,
      });
    } else setStage({ kind: 'problem', text: `${r.message} Nothing was changed.` });
  }, []);
  const onCrash = useCallback(
    (message: string): AnkiReply => ({ type: 'failed', message: `The import stopped unexpectedly${message ? ` (${message})` : ''}.` }),
    [],
  );
  const send = useWorker<AnkiRequest, AnkiReply>(() => new Worker(new URL('./anki.worker.ts', import.meta.url), { type: 'module' }), onReply, onCrash);

  const busy = stage.kind === 'busy';
  return (
    <section className="card-surface space-y-3 p-5" aria-labelledby="anki-heading" data-testid="anki-import">
      <h2 id="anki-heading" className="text-lg font-semibold">Anki package (.apkg, .colpkg)</h2>
      <p className="muted text-sm">
        Decks, notes of every type (Basic, reversed, Cloze, your own templates), tags, suspended and buried cards, flags, images, and the review history: each card
        arrives with the memory state its past answers give. Sound and video are listed as skipped. The file never leaves this device.
      </p>
      <label className="block">
        <span className="font-medium">Anki package to import</span>
        <input
          ref={fileInput}
          type="file"
          accept=".apkg,.colpkg"
          className="field"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            setStage({ kind: 'busy', phase: 'Opening the package', done: 0, total: 1 });
            send({ type: 'read', file });
          }}
        />
      </label>
      {busy && (
        <div role="status" aria-live="polite">
          <p>{stage.phase}…</p>
          <progress className="w-full" max={stage.total || 1} value={stage.done} aria-label={`${stage.phase}: progress`} />
        </div>
      )}
      {stage.kind === 'preview' && (
        <div className="space-y-2 rounded-lg border border-slate-300 p-3 dark:border-slate-600" data-testid="anki-preview">
          <h3 className="font-semibold" tabIndex={-1} ref={(h) => h?.focus()}>
            What importing {stage.preview.fileName} would do
          </h3>
          <p>
            Adds {plural(stage.preview.cards, 'card')} ({stage.preview.suspended} suspended) in {plural(stage.preview.decks.length, 'deck')}, with{' '}
            {plural(stage.preview.answers, 'past answer')} and {plural(stage.preview.images, 'image')}. Removes nothing.
          </p>
          {stage.preview.decks.length > 0 && <p className="text-sm">Decks: {stage.preview.decks.join('; ')}</p>}
          {stage.preview.skipped.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer">Left out ({stage.preview.skipped.length})</summary>
              <ul className="mt-1 list-disc pl-5">
                {stage.preview.skipped.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            </details>
          )}
          <div className="flex gap-2">
            <button type="button" className="btn btn-primary" onClick={() => send({ type: 'apply' })}>
              Import {plural(stage.preview.cards, 'card')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                send({ type: 'cancel' });
                setStage({ kind: 'idle' });
                if (fileInput.current) fileInput.current.value = '';
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {stage.kind === 'done' && (
        <p role="status" className="rounded-lg border border-green-700 p-3 dark:border-green-400" data-testid="anki-done">
          ✓ {stage.text}
        </p>
      )}
      {stage.kind === 'problem' && (
        <p role="alert" className="rounded-lg border border-red-600 p-3 dark:border-red-400" data-testid="anki-problem">
          {fileName} cannot be imported. {stage.text}
        </p>
      )}
    </section>
  );
}
