'use client';

import Link from 'next/link';
import { type ChangeEvent, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import {
  buildCsvDraft,
  type ColumnMapping,
  columnCount,
  CSV_DELIMITERS,
  csvPreview,
  csvSizeProblem,
  type CsvDelimiter,
  decodeCsv,
  deckNameFromFile,
  DELIMITER_NAMES,
  guessHeader,
  guessMapping,
  type ParsedCsv,
  parseCsv,
} from '@/lib/import/csv-cards';
import { importDraft, loadCardKeys } from '@/lib/db/import-draft';
import { plural } from '@/lib/words';
import { useStudyDb } from '../app-shell/storage-provider';

interface Loaded {
  fileName: string;
  text: string;
  parsed: ParsedCsv;
  /** The delimiter the file's first lines suggested. */
  detected: CsvDelimiter;
  existingKeys: Set<string>;
}

type FileState =
  | { kind: 'none' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'refused'; fileName: string; message: string }
  | { kind: 'loaded'; file: Loaded };

type Outcome =
  | { kind: 'done'; fileName: string; cardsAdded: number; decksAdded: number }
  | { kind: 'failed'; message: string }
  | null;

const PREVIEW_ROWS = 5;
/** Lists longer than this fold behind a "Show" toggle; at most LIST_CAP items are drawn at all. */
const FOLD_AFTER = 8;
const LIST_CAP = 500;
const DELIMITER_LABELS: Record<CsvDelimiter, string> = { ',': 'Comma (,)', ';': 'Semicolon (;)', '\t': 'Tab' };
const PARTS: { key: keyof ColumnMapping; label: string; optional: boolean }[] = [
  { key: 'front', label: 'Front', optional: false },
  { key: 'back', label: 'Back', optional: false },
  { key: 'tags', label: 'Tags', optional: true },
  { key: 'deck', label: 'Deck', optional: true },
];

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const deckLabel = (path: readonly string[]) => path.join(' › ');

/** A list of lines by line number; folded behind a summary when long, and never drawn past LIST_CAP. */
function LineList({ items, summary, testId }: { items: string[]; summary: string; testId: string }) {
  const list = (
    <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid={testId}>
      {items.slice(0, LIST_CAP).map((m, i) => (
        <li key={i} className="break-words">{m}</li>
      ))}
      {items.length > LIST_CAP && <li className="muted">…and {plural(items.length - LIST_CAP, 'more line')}.</li>}
    </ul>
  );
  if (items.length <= FOLD_AFTER) return list;
  return (
    <details>
      <summary className="cursor-pointer rounded underline-offset-4 hover:underline">{summary}</summary>
      {list}
    </details>
  );
}

/** The CSV/TSV part of the import screen: choose, preview, map, check, then import on confirmation only. */
export function CsvImport() {
  const db = useStudyDb();
  const [fileState, setFileState] = useState<FileState>({ kind: 'none' });
  const [hasHeader, setHasHeader] = useState(true);
  const [mapping, setMapping] = useState<ColumnMapping>({ front: 0, back: 1 });
  const [formulasConfirmed, setFormulasConfirmed] = useState(false);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  /** Only the latest chosen file may land: an earlier one still being read is ignored. */
  const reading = useRef(0);
  // A preview, a refusal or a result appears after work: focus moves to it so keyboard and
  // screen-reader users land on what needs their attention next.
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const refusedHeading = useRef<HTMLHeadingElement>(null);
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const failedMessage = useRef<HTMLParagraphElement>(null);
  const [focus, setFocus] = useState<{ on: 'preview' | 'refused' | 'done' | 'failed'; tick: number } | null>(null);
  const focusOn = (on: 'preview' | 'refused' | 'done' | 'failed') => setFocus((f) => ({ on, tick: (f?.tick ?? 0) + 1 }));
  useEffect(() => {
    if (!focus) return;
    const target = { preview: previewHeading, refused: refusedHeading, done: doneMessage, failed: failedMessage }[focus.on];
    target.current?.focus();
  }, [focus]);

  const loaded = fileState.kind === 'loaded' ? fileState.file : null;
  const result = useMemo(
    () => (loaded ? buildCsvDraft(loaded.parsed, { fileName: loaded.fileName, hasHeader, mapping, existingKeys: loaded.existingKeys }) : null),
    [loaded, hasHeader, mapping],
  );

  if (!db) return <p className="muted" role="status">Loading…</p>;

  function reset() {
    setFileState({ kind: 'none' });
    if (fileInput.current) fileInput.current.value = '';
  }

  /** Header and mapping defaults for freshly parsed rows. */
  function applyDefaults(parsed: ParsedCsv) {
    const header = guessHeader(parsed.rows);
    setHasHeader(header);
    setMapping(guessMapping(columnCount(parsed), header ? (parsed.rows[0]?.fields ?? null) : null));
    setFormulasConfirmed(false);
  }

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file || !db) return;
    const token = ++reading.current;
    setOutcome(null);
    const refuse = (message: string) => {
      setFileState({ kind: 'refused', fileName: file.name, message });
      focusOn('refused');
    };
    // The size is checked before a byte is read.
    const tooLarge = csvSizeProblem(file.size);
    if (tooLarge) return refuse(tooLarge);
    setFileState({ kind: 'reading', fileName: file.name });
    try {
      const [buffer, existingKeys] = await Promise.all([file.arrayBuffer(), loadCardKeys(db)]);
      if (token !== reading.current) return;
      const decoded = decodeCsv(new Uint8Array(buffer));
      if (!decoded.ok) return refuse(decoded.message);
      const parsed = parseCsv(decoded.text, { fileName: file.name });
      applyDefaults(parsed);
      setFileState({ kind: 'loaded', file: { fileName: file.name, text: decoded.text, parsed, detected: parsed.delimiter, existingKeys } });
      focusOn('preview');
    } catch (err) {
      if (token !== reading.current) return;
      refuse(`The file could not be read: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  function chooseDelimiter(delimiter: CsvDelimiter) {
    if (!loaded) return;
    const parsed = parseCsv(loaded.text, { delimiter });
    applyDefaults(parsed);
    setFileState({ kind: 'loaded', file: { ...loaded, parsed } });
  }

  function toggleHeader(on: boolean) {
    setHasHeader(on);
    // Turning the header on names the columns: use the names when they say which is which.
    if (on && loaded && guessHeader(loaded.parsed.rows)) {
      setMapping(guessMapping(columnCount(loaded.parsed), loaded.parsed.rows[0]?.fields ?? null));
    }
  }

  function mapPart(part: keyof ColumnMapping, value: string) {
    setMapping((m) => {
      const next = { ...m };
      if (value === '') {
        if (part === 'tags' || part === 'deck') delete next[part];
      } else next[part] = Number(value);
      return next;
    });
  }

  async function confirmImport() {
    if (!db || !result || !loaded) return;
    setImporting(true);
    setOutcome(null);
    try {
      const report = await importDraft(db, result.draft, Date.now());
      setOutcome({ kind: 'done', fileName: loaded.fileName, cardsAdded: report.cardsAdded, decksAdded: report.decksAdded });
      reset();
      focusOn('done');
    } catch (err) {
      setOutcome({ kind: 'failed', message: err instanceof Error ? err.message : String(err) });
      focusOn('failed');
    } finally {
      setImporting(false);
    }
  }

  const columns = loaded ? columnCount(loaded.parsed) : 0;
  const header = loaded && hasHeader ? (loaded.parsed.rows[0]?.fields ?? []) : null;
  const firstData = loaded ? csvPreview(loaded.parsed, hasHeader, 1)[0] : undefined;
  const columnName = (i: number) => {
    const name = header?.[i]?.trim();
    if (name) return `Column ${i + 1}: ${clip(name, 40)}`;
    const sample = firstData?.fields[i]?.trim();
    return sample ? `Column ${i + 1} (“${clip(sample, 30)}”)` : `Column ${i + 1}`;
  };
  const partOf = (i: number) => PARTS.filter((p) => mapping[p.key] === i).map((p) => p.label);

  const needsFormulaConfirmation = !!result && result.formulaCells.length > 0 && !formulasConfirmed;
  const whyNot: string[] = [];
  if (result) {
    whyNot.push(...result.blocking);
    if (needsFormulaConfirmation) whyNot.push('Some cells look like spreadsheet formulas: confirm below that they may be imported as plain text.');
  }
  const canImport = !!result && whyNot.length === 0 && !importing;
  const decks = result?.draft.decks ?? [];
  const deckText = decks.length === 1 ? `deck “${deckLabel(decks[0]!.path)}”` : decks.length === 0 ? 'no deck' : `${decks.length} decks (${decks.slice(0, 3).map((d) => deckLabel(d.path)).join(', ')}${decks.length > 3 ? ', …' : ''})`;

  return (
    <section aria-labelledby="csv-heading" className="card-surface space-y-4 p-5" data-testid="csv-import">
      <h2 id="csv-heading" className="text-xl font-semibold">Spreadsheet (CSV or TSV)</h2>
      <p className="muted text-sm">
        One card per row: a column for the front, one for the back, and optionally tags and a deck (“CISSP::Domain 1” makes a deck inside a
        deck). Save the file from your spreadsheet as “CSV UTF-8”; commas, semicolons and tabs are all read.
      </p>
      <div>
        <label htmlFor="csv-file" className="font-medium">CSV or TSV file to import</label>
        <input
          id="csv-file"
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values,text/plain"
          className="field"
          disabled={importing}
          aria-describedby="csv-file-hint"
          onChange={(e) => void chooseFile(e)}
        />
        <p id="csv-file-hint" className="muted mt-1 text-sm">Nothing is written until you have seen the preview and pressed Import.</p>
      </div>

      {fileState.kind === 'reading' && <p role="status" className="font-medium">Reading {fileState.fileName}…</p>}

      {fileState.kind === 'refused' && (
        <div role="alert" className="rounded-lg border border-red-600 p-4 dark:border-red-400" data-testid="csv-refused">
          <h3 ref={refusedHeading} tabIndex={-1} className="font-semibold">⚠ {fileState.fileName} cannot be imported</h3>
          <p className="mt-1">{fileState.message}</p>
          <p className="mt-2 text-sm">Nothing was changed.</p>
        </div>
      )}

      {outcome?.kind === 'done' && (
        <p role="status" ref={doneMessage} tabIndex={-1} className="font-medium" data-testid="csv-done">
          ✓ Imported {plural(outcome.cardsAdded, 'card')} from {outcome.fileName}
          {outcome.decksAdded > 0 && <> into {plural(outcome.decksAdded, 'new deck')}</>}. They are new cards: <Link href="/study/" className="underline underline-offset-4">study them</Link> when you are ready.
        </p>
      )}

      {loaded && result && (
        <div className="space-y-4 rounded-lg border border-indigo-400 p-4" role="region" aria-labelledby="csv-preview-heading" data-testid="csv-preview">
          <h3 id="csv-preview-heading" ref={previewHeading} tabIndex={-1} className="font-semibold">What importing {loaded.fileName} would do</h3>

          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor="csv-delimiter" className="font-medium">Delimiter</label>
              <select
                id="csv-delimiter"
                className="field"
                value={loaded.parsed.delimiter}
                aria-describedby="csv-delimiter-hint"
                disabled={importing}
                onChange={(e) => chooseDelimiter(e.target.value as CsvDelimiter)}
              >
                {CSV_DELIMITERS.map((d) => <option key={d} value={d}>{DELIMITER_LABELS[d]}</option>)}
              </select>
              <p id="csv-delimiter-hint" className="muted mt-1 text-sm">Detected from the first lines: {DELIMITER_NAMES[loaded.detected]}.</p>
            </div>
            <div className="flex items-center gap-2 sm:mt-7">
              <input id="csv-header" type="checkbox" className="h-5 w-5" checked={hasHeader} disabled={importing} onChange={(e) => toggleHeader(e.target.checked)} />
              <label htmlFor="csv-header" className="font-medium">First row is a header</label>
            </div>
            {PARTS.map((p) => (
              <div key={p.key}>
                <label htmlFor={`csv-map-${p.key}`} className="font-medium">{p.label}</label>
                <select
                  id={`csv-map-${p.key}`}
                  className="field"
                  value={mapping[p.key] === undefined ? '' : String(mapping[p.key])}
                  disabled={importing}
                  aria-describedby={p.key === 'deck' ? 'csv-deck-hint' : undefined}
                  onChange={(e) => mapPart(p.key, e.target.value)}
                >
                  {p.optional && <option value="">None</option>}
                  {Array.from({ length: columns }, (_, i) => <option key={i} value={String(i)}>{columnName(i)}</option>)}
                </select>
                {p.key === 'deck' && (
                  <p id="csv-deck-hint" className="muted mt-1 text-sm">
                    {mapping.deck === undefined ? 'Every card goes' : 'Rows with an empty deck cell go'} to the deck “{deckNameFromFile(loaded.fileName)}”.
                  </p>
                )}
              </div>
            ))}
          </div>

          <PreviewTable parsed={loaded.parsed} hasHeader={hasHeader} columnName={columnName} partOf={partOf} fileName={loaded.fileName} />

          <div role="status" aria-live="polite" data-testid="csv-summary">
            <p className="text-lg font-medium">
              {result.draft.cards.length ? `Adds ${plural(result.draft.cards.length, 'card')} to ${deckText}` : 'Adds no cards'};{' '}
              {plural(result.duplicates.length, 'duplicate')} left out;{' '}
              {plural(result.rowProblems.length, 'row')} with problems.
            </p>
          </div>

          {result.blocking.length > 0 && (
            <div role="alert" className="rounded-lg border border-red-600 p-3 dark:border-red-400" data-testid="csv-blocking">
              <p className="font-semibold">⚠ This cannot be imported as it is:</p>
              <ul className="mt-1 list-disc space-y-1 pl-5">
                {result.blocking.map((m) => <li key={m} className="break-words">{m}</li>)}
              </ul>
            </div>
          )}

          {result.rowProblems.length > 0 && (
            <Block title={`Rows with problems, left out (${result.rowProblems.length.toLocaleString('en')})`}>
              <LineList items={result.rowProblems.map((p) => p.message)} summary={`Show the ${plural(result.rowProblems.length, 'row')} with problems`} testId="csv-row-problems" />
            </Block>
          )}

          {result.duplicates.length > 0 && (
            <Block title={`Duplicates, left out (${result.duplicates.length.toLocaleString('en')})`}>
              <LineList items={result.duplicates.map((d) => d.message)} summary={`Show the ${plural(result.duplicates.length, 'duplicate')}`} testId="csv-duplicates" />
            </Block>
          )}

          {result.formulaCells.length > 0 && (
            <div className="rounded-lg border border-amber-500 p-3" data-testid="csv-formulas">
              <h4 className="font-semibold">⚠ {plural(result.formulaCells.length, 'cell looks', 'cells look')} like spreadsheet formulas</h4>
              <p className="mt-1 text-sm">
                A spreadsheet would calculate these; this app shows them as the text written. If you meant their results, save the file again with values
                instead of formulas.
              </p>
              <LineList items={result.formulaCells.map((f) => f.message)} summary={`Show the ${plural(result.formulaCells.length, 'cell')}`} testId="csv-formula-list" />
              <div className="mt-2 flex items-center gap-2">
                <input
                  id="csv-formulas-ok"
                  type="checkbox"
                  className="h-5 w-5"
                  checked={formulasConfirmed}
                  disabled={importing}
                  onChange={(e) => setFormulasConfirmed(e.target.checked)}
                />
                <label htmlFor="csv-formulas-ok" className="font-medium">Import formula-looking cells as plain text</label>
              </div>
            </div>
          )}

          {outcome?.kind === 'failed' && (
            <div role="alert" className="rounded-lg border border-red-600 p-4 dark:border-red-400" data-testid="csv-failed">
              <p ref={failedMessage} tabIndex={-1} className="font-semibold">⚠ The import did not complete</p>
              <p className="mt-1">{outcome.message}</p>
              <p className="mt-2 text-sm">Nothing was changed: an import is written all at once or not at all.</p>
            </div>
          )}

          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className="btn btn-primary" disabled={!canImport} aria-describedby={whyNot.length ? 'csv-why-not' : undefined} onClick={() => void confirmImport()}>
              {importing ? 'Importing…' : 'Import'}
            </button>
            <button type="button" className="btn" disabled={importing} onClick={reset}>Cancel</button>
          </div>
          {whyNot.length > 0 && (
            <p id="csv-why-not" className="muted text-sm">
              Import is unavailable until this is resolved: {whyNot.join(' ')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <h4 className="font-semibold">{title}</h4>
      {children}
    </div>
  );
}

function PreviewTable({
  parsed,
  hasHeader,
  columnName,
  partOf,
  fileName,
}: {
  parsed: ParsedCsv;
  hasHeader: boolean;
  columnName: (i: number) => string;
  partOf: (i: number) => string[];
  fileName: string;
}) {
  const rows = csvPreview(parsed, hasHeader, PREVIEW_ROWS);
  const columns = columnCount(parsed);
  // A ragged row can have more cells than the header: they get a heading of their own.
  const widest = Math.max(columns, ...rows.map((r) => r.fields.length));
  return (
    // Scrolls sideways on a phone; focusable so a keyboard can scroll it too.
    <div className="max-w-full overflow-x-auto rounded border border-slate-200 dark:border-slate-700" tabIndex={0} role="region" aria-labelledby="csv-preview-caption">
      <table className="w-full text-left text-sm" data-testid="csv-preview-table">
        <caption id="csv-preview-caption" className="muted px-2 py-1 text-left">
          First {plural(rows.length, 'row')} of {fileName}{hasHeader ? ', after the header' : ''}
        </caption>
        <thead className="bg-slate-100 dark:bg-slate-800">
          <tr>
            <th scope="col" className="px-2 py-1">Line</th>
            {Array.from({ length: columns }, (_, i) => {
              const parts = partOf(i);
              return (
                <th key={i} scope="col" className="px-2 py-1 align-bottom">
                  {columnName(i)}
                  {parts.length > 0 && <span className="block text-xs font-normal text-indigo-700 dark:text-indigo-300">→ {parts.join(', ')}</span>}
                </th>
              );
            })}
            {Array.from({ length: widest - columns }, (_, k) => (
              <th key={`extra-${k}`} scope="col" className="px-2 py-1 align-bottom font-normal">Extra cell</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.line} className="border-t border-slate-200 align-top dark:border-slate-700">
              <th scope="row" className="px-2 py-1 font-normal whitespace-nowrap">
                {r.line}
                {r.fields.length !== columns && <span className="block text-xs font-semibold text-red-700 dark:text-red-300">⚠ left out</span>}
              </th>
              {Array.from({ length: widest }, (_, i) => (
                <td key={i} className="max-w-xs px-2 py-1 break-words whitespace-pre-line">{clip(r.fields[i] ?? '', 120)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
