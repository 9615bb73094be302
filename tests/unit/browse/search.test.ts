import { describe, expect, it } from 'vitest';
import { type BrowseRow, parseQuery, searchRows } from '@/lib/browse/search';

const T = Date.UTC(2026, 11, 1);
const row = (id: string, over: Partial<BrowseRow> = {}): BrowseRow => {
  const r = { id, deckId: 'd', deckName: 'CISSP · Domain 3', front: `Front ${id}`, back: `Back ${id}`, tags: [], state: 0, due: T, stability: 0, lapses: 0, reps: 0, flag: 0, suspended: false, buried: false, mine: false, text: '', ...over };
  return { ...r, text: `${r.front}\n${r.back}`.toLowerCase() };
};
const rows = [
  row('a', { front: 'What is DNS poisoning?', tags: ['network'], state: 2, due: T - 1000, lapses: 2 }),
  row('b', { front: 'What is due care?', back: 'Acting as a prudent person', tags: ['leech', 'risk-1'], suspended: true, flag: 1, lapses: 9 }),
  row('c', { deckName: 'My crypto notes', front: 'ALE', back: 'SLE × ARO', mine: true, state: 1, due: T + 1000 }),
  row('d', { buried: true, flag: 4, state: 2, due: T - 5 }),
];
const ids = (q: string, key: Parameters<typeof searchRows>[2]['key'] = 'front') => searchRows(rows, parseQuery(q), { key, descending: false }, T).map((r) => r.id);

describe('the browser search', () => {
  it('matches words and phrases in front and back, any case', () => {
    expect(ids('dns POISONING')).toEqual(['a']);
    expect(ids('"prudent person"')).toEqual(['b']);
    expect(ids('what')).toEqual(['a', 'b']);
  });
  it('understands deck:, tag:, is: and flag:, and negation', () => {
    expect(ids('deck:crypto')).toEqual(['c']);
    expect(ids('tag:leech')).toEqual(['b']);
    expect(ids('tag:risk*')).toEqual(['b']);
    expect(ids('is:suspended')).toEqual(['b']);
    expect(ids('is:buried')).toEqual(['d']);
    expect(ids('is:due')).toEqual(['a']);
    expect(ids('is:mine')).toEqual(['c']);
    expect(ids('is:learn')).toEqual(['c']);
    expect(ids('flag:red')).toEqual(['b']);
    expect(ids('flag:4')).toEqual(['d']);
    expect(ids('-is:suspended what')).toEqual(['a']);
  });
  it('names what it cannot understand, and still applies the rest', () => {
    const q = parseQuery('is:sleeping flag:gold dns');
    expect(q.problems).toEqual([expect.stringContaining('"is:sleeping" is not a card state'), expect.stringContaining('"flag:gold" is not a flag')]);
    expect(searchRows(rows, q, { key: 'front', descending: false }, T).map((r) => r.id)).toEqual(['a']);
  });
  it('sorts by a column, either way; new cards last by due', () => {
    expect(ids('', 'lapses')).toEqual(['c', 'd', 'a', 'b']);
    expect(searchRows(rows, parseQuery(''), { key: 'lapses', descending: true }, T).map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(ids('', 'due')).toEqual(['a', 'd', 'c', 'b']);
  });
  it('over 20,000 rows, finds exactly the rows with every word and the tag', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => row(`r${i}`, { front: `Question ${i} about topic ${i % 97}`, tags: [`t${i % 13}`] }));
    const found = searchRows(many, parseQuery('topic 42 tag:t3'), { key: 'front', descending: false }, T);
    const expected = many.filter((r) => r.tags.includes('t3') && r.text.includes('topic') && r.text.includes('42'));
    expect(found.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(found.length).toBeGreaterThan(10);
  });
});
