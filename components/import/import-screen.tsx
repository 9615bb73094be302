import { AnkiImport } from './anki-import';
import { CsvImport } from './csv-import';

/** Bring your own cards: a spreadsheet (CSV/TSV) or an Anki package. Nothing is stored before the learner confirms. */
export function ImportScreen() {
  return (
    <div className="space-y-6" data-testid="import">
      <h1 className="text-2xl font-bold">Import cards</h1>
      <p className="muted">
        Bring your own cards from a spreadsheet or from Anki. Each import shows what it would add, what it leaves out and why; nothing is stored
        until you press Import.
      </p>

      <CsvImport />

      <AnkiImport />
    </div>
  );
}
