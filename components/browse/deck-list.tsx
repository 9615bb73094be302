'use client';

import { useState } from 'react';
import type { StudyDb } from '@/lib/db/database';
import { createDeck, deckDeletionPreview, deleteDeck, renameDeck } from '@/lib/db/own-cards';
import type { Deck } from '@/lib/model';

/** The learner's decks: create, rename, delete (asking first, with what would go). */
export function DeckList({ db, decks }: { db: StudyDb; decks: Deck[] }) {
  const own = decks.filter((d) => !d.builtin);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [deleting, setDeleting] = useState<{ deck: Deck; cards: number; answers: number } | null>(null);

  const run = async (work: () => Promise<string>) => {
    try {
      setMessage({ text: await work(), error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };

  return (
    <section className="card-surface p-4" aria-labelledby="decks-heading">
      <h2 id="decks-heading" className="text-lg font-semibold">Your decks</h2>
      {own.length === 0 ? <p className="muted mt-1 text-sm">None yet. Create one for cards of your own; imports make theirs.</p> : (
        <ul className="mt-2 space-y-2">
          {own.map((d) => (
            <li key={d.id} className="flex flex-wrap items-center gap-2">
              {renaming?.id === d.id ? (
                <form
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run(async () => {
                      await renameDeck(db, d.id, renaming.name, Date.now());
                      setRenaming(null);
                      return `Renamed to "${renaming.name.trim()}".`;
                    });
                  }}
                >
                  <label>
                    <span className="sr-only">New name for {d.name}</span>
                    <input className="field mt-0" value={renaming.name} onChange={(e) => setRenaming({ id: d.id, name: e.target.value })} autoFocus />
                  </label>
                  <button type="submit" className="btn px-3">Save name</button>
                  <button type="button" className="btn px-3" onClick={() => setRenaming(null)}>Cancel</button>
                </form>
              ) : (
                <>
                  <span className="font-medium">{d.name}</span>
                  <button type="button" className="btn px-3 text-sm" onClick={() => setRenaming({ id: d.id, name: d.name })}>Rename {d.name}</button>
                  <button
                    type="button"
                    className="btn px-3 text-sm"
                    onClick={() => void deckDeletionPreview(db, d.id).then((p) => setDeleting({ deck: d, ...p }))}
                  >
                    Delete {d.name}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <div role="alertdialog" aria-labelledby="delete-deck-question" className="mt-3 rounded-lg border border-red-600 p-3 dark:border-red-400">
          <p id="delete-deck-question">
            Delete the deck &quot;{deleting.deck.name}&quot; with its {deleting.cards} {deleting.cards === 1 ? 'card' : 'cards'} and {deleting.answers}{' '}
            {deleting.answers === 1 ? 'answer' : 'answers'}? This cannot be undone.
          </p>
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              className="btn btn-primary"
              autoFocus
              onClick={() =>
                void run(async () => {
                  const r = await deleteDeck(db, deleting.deck.id);
                  setDeleting(null);
                  return `Deleted "${deleting.deck.name}" with ${r.cards} cards and ${r.answers} answers.`;
                })
              }
            >
              Yes, delete the deck
            </button>
            <button type="button" className="btn" onClick={() => setDeleting(null)}>Keep it</button>
          </div>
        </div>
      )}
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const d = await createDeck(db, name, Date.now());
            setName('');
            return `Created the deck "${d.name}".`;
          });
        }}
      >
        <label className="min-w-64 flex-1">
          <span className="font-medium">New deck name</span>
          <input className="field" value={name} onChange={(e) => setName(e.target.value)} maxLength={300} />
        </label>
        <button type="submit" className="btn btn-primary">Create deck</button>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className="mt-2 text-sm" data-testid="deck-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
