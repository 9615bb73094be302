'use client';

import { useSearchParams } from 'next/navigation';
import { lazy, Suspense, useDeferredValue, useMemo, useRef, useState } from 'react';
import { type BrowseRow, parseQuery, searchRows, type SortKey } from '@/lib/browse/search';
import type { StudyDb } from '@/lib/db/database';
import { useBrowseRows } from '@/lib/db/browse-hooks';
import { useDecks } from '@/lib/db/hooks';
import { applyToCards, type CardAction, deleteCards } from '@/lib/db/own-cards';
import { FLAG_NAMES, type StudySettings } from '@/lib/model';
import { useStudyDb } from '../app-shell/storage-provider';
import { useSettings } from '../use-settings';
// Opened on demand: the list comes first.
const CardEditor = lazy(() => import('./card-editor').then((m) => ({ default: m.CardEditor })));
const CardInfoPanel = lazy(() => import('./card-info-panel').then((m) => ({ default: m.CardInfoPanel })));
import { DeckList } from './deck-list';

const ROW_HEIGHT = 44;
const VISIBLE_ROWS = 14;
const STATE_NAMES = ['New', 'Learning', 'Review', 'Relearning'];
const dueFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

export function BrowseScreen() {
  const db = useStudyDb();
  const settings = useSettings();
  if (!db || !settings) return <p className="muted" role="status">Loading…</p>;
  return <Browser db={db} settings={settings} />;
}

/** One line of text for a cell: the Markdown marks and line breaks left out. */
const plain = (md: string) => md.replace(/[*`\\]/g, '').replace(/\s+/g, ' ').trim();

/**
 * The card browser: search as you type over every card (in memory), sortable columns, a
 * virtualised list (only the rows in view are in the page), multi-select and actions.
 */
function Browser({ db, settings }: { db: StudyDb; settings: StudySettings }) {
  const rows = useBrowseRows(db);
  const decks = useDecks(db);
  const params = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const deferred = useDeferredValue(query);
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'deck', descending: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [scrollTop, setScrollTop] = useState(0);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [now] = useState(() => Date.now());
  const list = useRef<HTMLDivElement>(null);

  const parsed = useMemo(() => parseQuery(deferred), [deferred]);
  const found = useMemo(() => (rows ? searchRows(rows, parsed, sort, now) : []), [rows, parsed, sort, now]);
  const chosen = useMemo(() => found.filter((r) => selected.has(r.id)), [found, selected]);
  const ownDecks = (decks ?? []).filter((d) => !d.builtin);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - 4);
  const shown = found.slice(first, first + VISIBLE_ROWS + 8);

  async function act(action: CardAction, label: string) {
    try {
      const n = await applyToCards(db, chosen.map((r) => r.id), action);
      setMessage({ text: `${label}: ${n} ${n === 1 ? 'card' : 'cards'} changed.`, error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  }

  async function remove() {
    setConfirmDelete(false);
    try {
      const r = await deleteCards(db, chosen.map((x) => x.id));
      setSelected(new Set());
      setMessage({ text: `Deleted ${r.cards} ${r.cards === 1 ? 'card' : 'cards'} and ${r.answers} ${r.answers === 1 ? 'answer' : 'answers'}.`, error: false });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  }

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = found.length > 0 && chosen.length === found.length;
  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      className="font-semibold underline-offset-4 hover:underline"
      onClick={() => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
    >
      {label}
      <span aria-hidden="true">{sort.key === key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
    </button>
  );
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const single = chosen.length === 1 ? chosen[0]! : null;

  return (
    <div className="space-y-4" data-testid="browse">
      <h1 className="text-2xl font-bold">Browse and edit cards</h1>
      <DeckList db={db} decks={decks ?? []} />
      {editing !== null && (
        <Suspense fallback={<p role="status" className="muted">Opening the editor…</p>}>
        <CardEditor
          db={db}
          cardId={editing === 'new' ? null : editing}
          decks={ownDecks}
          onDone={(text) => {
            setEditing(null);
            if (text) setMessage({ text, error: false });
          }}
        />
        </Suspense>
      )}
      {info && (
        <Suspense fallback={<p role="status" className="muted">Loading the card…</p>}>
          <CardInfoPanel db={db} cardId={info} settings={settings} now={now} onClose={() => setInfo(null)} />
        </Suspense>
      )}

      <section className="card-surface space-y-3 p-4" aria-labelledby="cards-heading">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="cards-heading" className="text-lg font-semibold">Cards</h2>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')} disabled={!ownDecks.length} title={ownDecks.length ? undefined : 'Create a deck of your own first'}>
            Add a card
          </button>
        </div>
        <label className="block">
          <span className="font-medium">Search cards</span>
          <input
            type="search"
            className="field"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder='e.g. dns tag:leech is:suspended deck:crypto flag:red "due care"'
            aria-describedby="search-help"
          />
        </label>
        <p id="search-help" className="muted text-sm">
          Words match the front and back. Also: deck:, tag:, is:new / learn / review / due / suspended / buried / leech / flagged / mine, flag:red … flag:purple; - leaves out.
        </p>
        {parsed.problems.map((p) => (
          <p key={p} role="alert" className="text-sm">
            {p}
          </p>
        ))}
        {/* data-query: the query the shown results are for (it trails the box while React catches up); the benchmark reads it. */}
        <p role="status" className="text-sm" data-testid="browse-count" data-query={deferred}>
          {rows === undefined ? 'Loading cards…' : `${found.length.toLocaleString('en')} of ${rows.length.toLocaleString('en')} cards`}
          {chosen.length ? ` · ${chosen.length} selected` : ''}
        </p>

        <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Actions on the selected cards">
          <button type="button" className="btn px-3" disabled={!chosen.length} onClick={() => void act({ kind: 'suspend', on: true }, 'Suspended')}>Suspend</button>
          <button type="button" className="btn px-3" disabled={!chosen.length} onClick={() => void act({ kind: 'suspend', on: false }, 'Unsuspended')}>Unsuspend</button>
          <button type="button" className="btn px-3" disabled={!chosen.length} onClick={() => void act({ kind: 'bury', now: Date.now(), dayStartHour: settings.dayStartHour }, 'Buried until tomorrow')}>Bury until tomorrow</button>
          <button type="button" className="btn px-3" disabled={!chosen.length} onClick={() => void act({ kind: 'unbury' }, 'Unburied')}>Unbury</button>
          <label className="flex items-center gap-1">
            <span className="sr-only">Flag the selected cards</span>
            <select
              className="field mt-0 w-auto"
              disabled={!chosen.length}
              value=""
              onChange={(e) => {
                const flag = Number(e.target.value);
                void act({ kind: 'flag', flag }, flag ? `Flagged ${FLAG_NAMES[flag]}` : 'Flag removed');
              }}
            >
              <option value="" disabled>Flag…</option>
              <option value="0">No flag</option>
              {FLAG_NAMES.slice(1).map((f, i) => (
                <option key={f} value={i + 1}>{f}</option>
              ))}
            </select>
          </label>
          <button type="button" className="btn px-3" disabled={!chosen.length} onClick={() => void act({ kind: 'reset', now: Date.now() }, 'Reset to new')}>Reset to new</button>
          <label className="flex items-center gap-1">
            <span className="sr-only">Move the selected cards to a deck</span>
            <select
              className="field mt-0 w-auto"
              disabled={!chosen.length || !ownDecks.length}
              value=""
              onChange={(e) => void act({ kind: 'move', deckId: e.target.value }, 'Moved')}
            >
              <option value="" disabled>Move to…</option>
              {ownDecks.map((d) => (
                <option key={d.id} value={d.id}>{d.name}</option>
              ))}
            </select>
          </label>
          <button type="button" className="btn px-3" disabled={!single || !single.mine} onClick={() => single && setEditing(single.id)}>Edit</button>
          <button type="button" className="btn px-3" disabled={!single} onClick={() => single && setInfo(single.id)}>Card info</button>
          <button type="button" className="btn px-3" disabled={!chosen.length || chosen.some((r) => !r.mine)} onClick={() => setConfirmDelete(true)}>Delete</button>
        </div>
        {confirmDelete && (
          <div role="alertdialog" aria-labelledby="delete-question" className="rounded-lg border border-red-600 p-3 dark:border-red-400">
            <p id="delete-question">
              Delete {chosen.length} {chosen.length === 1 ? 'card' : 'cards'} and every answer given to {chosen.length === 1 ? 'it' : 'them'}? This cannot be undone (a backup taken before keeps them).
            </p>
            <div className="mt-2 flex gap-2">
              <button type="button" className="btn btn-primary" onClick={() => void remove()} autoFocus>Yes, delete</button>
              <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>Keep them</button>
            </div>
          </div>
        )}
        {message && (
          <p role={message.error ? 'alert' : 'status'} className={`rounded-lg border p-2 text-sm ${message.error ? 'border-red-600 dark:border-red-400' : 'border-slate-300 dark:border-slate-600'}`} data-testid="browse-message">
            {message.text}
          </p>
        )}

        <div
          ref={list}
          className="overflow-auto rounded border border-slate-200 dark:border-slate-700"
          style={{ height: ROW_HEIGHT * (VISIBLE_ROWS + 1) }}
          onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
          tabIndex={0}
          aria-label="Cards found (scrolls)"
        >
          <table className="w-full table-fixed text-left text-sm" aria-rowcount={found.length + 1}>
            <thead className="sticky top-0 z-10 bg-white dark:bg-slate-900">
              <tr aria-rowindex={1} style={{ height: ROW_HEIGHT }}>
                <th scope="col" className="w-10 px-2">
                  <input
                    type="checkbox"
                    aria-label={allChosen ? 'Unselect all cards found' : 'Select all cards found'}
                    checked={allChosen}
                    onChange={() => setSelected(allChosen ? new Set() : new Set(found.map((r) => r.id)))}
                  />
                </th>
                <th scope="col" className="px-2" aria-sort={ariaSort('front')}>{sortButton('front', 'Front')}</th>
                <th scope="col" className="hidden w-48 px-2 sm:table-cell" aria-sort={ariaSort('deck')}>{sortButton('deck', 'Deck')}</th>
                <th scope="col" className="w-28 px-2" aria-sort={ariaSort('due')}>{sortButton('due', 'Due')}</th>
                <th scope="col" className="hidden w-20 px-2 text-right sm:table-cell" aria-sort={ariaSort('lapses')}>{sortButton('lapses', 'Lapses')}</th>
                <th scope="col" className="w-24 px-2" aria-sort={ariaSort('flag')}>{sortButton('flag', 'Flag')}</th>
              </tr>
            </thead>
            <tbody>
              {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW_HEIGHT }} />}
              {shown.map((r, k) => (
                <Row key={r.id} row={r} index={first + k + 2} checked={selected.has(r.id)} onToggle={() => toggle(r.id)} onOpen={() => setInfo(r.id)} />
              ))}
              {first + shown.length < found.length && <tr aria-hidden="true" style={{ height: (found.length - first - shown.length) * ROW_HEIGHT }} />}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function Row({ row, index, checked, onToggle, onOpen }: { row: BrowseRow; index: number; checked: boolean; onToggle: () => void; onOpen: () => void }) {
  const states = [row.suspended ? 'suspended' : '', row.buried ? 'buried' : '', row.tags.includes('leech') ? 'leech' : ''].filter(Boolean);
  const front = plain(row.front);
  return (
    <tr aria-rowindex={index} style={{ height: ROW_HEIGHT }} className={`border-t border-slate-200 dark:border-slate-700 ${checked ? 'bg-indigo-50 dark:bg-indigo-950' : ''}`} data-testid="browse-row" data-card-id={row.id}>
      <td className="px-2">
        <input type="checkbox" aria-label={`Select: ${front.slice(0, 60)}`} checked={checked} onChange={onToggle} />
      </td>
      <td className="truncate px-2">
        <button type="button" className="max-w-full truncate text-left underline-offset-4 hover:underline" onClick={onOpen} title={front}>
          {front}
        </button>
        {states.length > 0 && <span className="muted ml-2 text-xs">({states.join(', ')})</span>}
      </td>
      <td className="hidden truncate px-2 sm:table-cell" title={row.deckName}>{row.deckName}</td>
      <td className="px-2 tabular-nums">{row.state === 0 ? 'new' : `${dueFormat.format(row.due)}`}<span className="sr-only">, {STATE_NAMES[row.state]}</span></td>
      <td className="hidden px-2 text-right tabular-nums sm:table-cell">{row.lapses}</td>
      <td className="px-2">{row.flag ? <span><span aria-hidden="true">⚑ </span>{FLAG_NAMES[row.flag]}</span> : <span className="muted">—<span className="sr-only">no flag</span></span>}</td>
    </tr>
  );
}
