'use client';

import { useEffect, useRef, useState } from 'react';
import { deckManifest } from '@/lib/db/deck-manifest';
import type { StudyDb } from '@/lib/db/database';
import { addCard, editCard, loadCardInfo } from '@/lib/db/own-cards';
import type { Deck } from '@/lib/model';
import { Markdown } from '../ui/markdown';

interface Form {
  deckId: string;
  front: string;
  back: string;
  tags: string;
  /** "cissp-2024/3" or "": the domain readiness and "Study this domain" count the card under. */
  domain: string;
  choices: string[];
  answerIndex: number | null;
}

const OPTION_LETTERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/**
 * Adds one of the learner's cards or edits one: front and back in the app's Markdown subset with a
 * live preview, tags, optional choices (a multiple-choice card), and optionally a certification
 * domain, so the card counts in that domain's readiness. Saving an edit keeps the earlier text.
 */
export function CardEditor({ db, cardId, decks, onDone }: { db: StudyDb; cardId: string | null; decks: Deck[]; onDone: (message: string | null) => void }) {
  const [form, setForm] = useState<Form | null>(cardId ? null : { deckId: decks[0]?.id ?? '', front: '', back: '', tags: '', domain: '', choices: [], answerIndex: null });
  const [rev, setRev] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    if (!cardId) return;
    void loadCardInfo(db, cardId).then((info) => {
      if (!info) return setError('This card no longer exists.');
      const c = info.card;
      setRev(c.rev);
      setForm({
        deckId: c.deckId,
        front: c.front,
        back: c.back,
        tags: c.tags.filter((t) => !t.startsWith('domain:')).join(' '),
        domain: c.tags.find((t) => t.startsWith('domain:'))?.slice('domain:'.length) ?? '',
        choices: c.choices ?? [],
        answerIndex: c.answerIndex ?? null,
      });
    });
  }, [db, cardId]);

  if (!form) return <p role="status" className="muted">{error ?? 'Loading the card…'}</p>;
  const set = (change: Partial<Form>) => setForm({ ...form, ...change });

  async function save() {
    if (!form) return;
    setError(null);
    const domain = deckManifest.domains.find((d) => d.key === form.domain);
    const tags = [...form.tags.split(/[\s,]+/).filter(Boolean), ...(domain ? [`domain:${domain.key}`, `cert:${domain.certification}`] : [])];
    const content = {
      deckId: form.deckId,
      front: form.front,
      back: form.back,
      tags,
      ...(form.choices.length ? { choices: form.choices, ...(form.answerIndex !== null ? { answerIndex: form.answerIndex } : {}) } : {}),
    };
    try {
      if (cardId) {
        await editCard(db, cardId, content, rev, Date.now());
        onDone('Saved. The earlier text is kept in the card info.');
      } else {
        await addCard(db, content, Date.now());
        onDone('Added the card: it is new, and comes up in your next session of its deck.');
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <section className="card-surface space-y-3 p-4" aria-labelledby="editor-heading" data-testid="card-editor">
      <h2 id="editor-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">{cardId ? 'Edit card' : 'Add a card'}</h2>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="block">
          <span className="font-medium">Deck</span>
          <select className="field" value={form.deckId} onChange={(e) => set({ deckId: e.target.value })}>
            {decks.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <div className="grid gap-3 md:grid-cols-2">
          <label className="block">
            <span className="font-medium">Front</span>
            <textarea className="field min-h-24" value={form.front} onChange={(e) => set({ front: e.target.value })} aria-describedby="markdown-help" />
          </label>
          <label className="block">
            <span className="font-medium">Back</span>
            <textarea className="field min-h-24" value={form.back} onChange={(e) => set({ back: e.target.value })} aria-describedby="markdown-help" />
          </label>
        </div>
        <p id="markdown-help" className="muted text-sm">**bold**, *italic*, `code`, lines starting with &quot;- &quot; or &quot;1. &quot; make lists.</p>
        <fieldset>
          <legend className="font-medium">Options (optional: a multiple-choice card)</legend>
          {form.choices.map((c, i) => (
            <div key={i} className="mt-1 flex items-center gap-2">
              <label className="flex items-center gap-1">
                <input type="radio" name="right-option" checked={form.answerIndex === i} onChange={() => set({ answerIndex: i })} />
                <span className="sr-only">Option {OPTION_LETTERS[i]} is right</span>
              </label>
              <label className="flex flex-1 items-center gap-2">
                <span className="w-5 font-semibold">{OPTION_LETTERS[i]}</span>
                <input className="field mt-0" value={c} onChange={(e) => set({ choices: form.choices.map((x, k) => (k === i ? e.target.value : x)) })} aria-label={`Option ${OPTION_LETTERS[i]}`} />
              </label>
              <button type="button" className="btn px-3 text-sm" onClick={() => set({ choices: form.choices.filter((_, k) => k !== i), answerIndex: form.answerIndex === i ? null : form.answerIndex !== null && form.answerIndex > i ? form.answerIndex - 1 : form.answerIndex })}>
                Remove option {OPTION_LETTERS[i]}
              </button>
            </div>
          ))}
          {form.choices.length < 6 && (
            <button type="button" className="btn mt-2 px-3 text-sm" onClick={() => set({ choices: [...form.choices, ''] })}>Add an option</button>
          )}
          {form.choices.length > 0 && <p className="muted mt-1 text-sm">Mark the right option with its round button.</p>}
        </fieldset>
        <div className="grid gap-3 md:grid-cols-2">
          <label className="block">
            <span className="font-medium">Tags (separated by spaces)</span>
            <input className="field" value={form.tags} onChange={(e) => set({ tags: e.target.value })} />
          </label>
          <label className="block">
            <span className="font-medium">Exam domain (optional)</span>
            <select className="field" value={form.domain} onChange={(e) => set({ domain: e.target.value })}>
              <option value="">None</option>
              {deckManifest.domains.map((d) => (
                <option key={d.key} value={d.key}>{d.certification.toUpperCase()} Domain {d.number}: {d.name}</option>
              ))}
            </select>
          </label>
        </div>
        <section aria-label="Preview" className="rounded-lg border border-dashed border-slate-400 p-3 dark:border-slate-500">
          <p className="muted text-xs">Preview</p>
          <Markdown text={form.front || '…'} className="font-medium" />
          {form.choices.length > 0 && (
            <ol className="mt-1 text-sm">
              {form.choices.map((c, i) => <li key={i}>{OPTION_LETTERS[i]}. {c}{form.answerIndex === i ? ' ✓' : ''}</li>)}
            </ol>
          )}
          <Markdown text={form.back || '…'} className="muted mt-2" />
        </section>
        {error && <p role="alert" className="rounded-lg border border-red-600 p-2 dark:border-red-400" data-testid="editor-error">{error}</p>}
        <div className="flex gap-2">
          <button type="submit" className="btn btn-primary">{cardId ? 'Save changes' : 'Add card'}</button>
          <button type="button" className="btn" onClick={() => onDone(null)}>Cancel</button>
        </div>
      </form>
    </section>
  );
}
