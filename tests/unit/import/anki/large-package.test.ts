/**
 * The size the performance target names (issue 13): 20,000 cards with 300,000 review-log rows,
 * read whole. Its time is measured by `npm run bench` (scripts/bench/import-cases.ts), not here.
 */
import { describe, expect, it } from 'vitest';
import { readAnkiPackage } from '@/lib/import/anki/read-package';
import { sqlJsOpener } from '@/lib/import/anki/sqlite';
import { loadSql } from './anki-fixtures';
import { buildLargePackage, LARGE_CARDS, LARGE_REVLOG } from '../../../helpers/large-anki-package';

const CARDS = LARGE_CARDS;
const REVLOG = LARGE_REVLOG;

describe('reading a large package', () => {
  it(`reads ${CARDS.toLocaleString('en')} cards and ${REVLOG.toLocaleString('en')} review-log rows whole`, { timeout: 120_000 }, async () => {
    const pkg = await buildLargePackage();
    const openSqlite = sqlJsOpener(await loadSql());
    const draft = await readAnkiPackage(pkg, { fileName: 'large.apkg', openSqlite });
    expect(draft.cards).toHaveLength(CARDS);
    expect(draft.cards.reduce((n, c) => n + c.answers.length, 0)).toBe(REVLOG);
    expect(draft.decks).toHaveLength(8);
  });
});
