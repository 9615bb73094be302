import { describe, expect, it } from 'vitest';
import { deckFamily, deckTree } from '@/lib/deck-tree';
import type { Deck } from '@/lib/model';

const deck = (id: string, name: string, path?: string[]): Deck => ({ id, name, description: '', builtin: false, ...(path ? { path } : {}) });

const decks = [
  deck('builtin', 'CISM domains'),
  deck('top', 'CISSP', ['CISSP']),
  deck('labs', 'CISSP › Domain 1 › Labs', ['CISSP', 'Domain 1', 'Labs']),
  deck('d2', 'CISSP › Domain 2', ['CISSP', 'Domain 2']),
  deck('d1', 'CISSP › Domain 1', ['CISSP', 'Domain 1']),
  deck('renamed', 'Access control labs', ['CISSP', 'Domain 5']),
  deck('sibling', 'CISSP old', ['CISSP old']),
  deck('orphan', 'CISM › Risk', ['CISM', 'Risk']),
];

describe('deckFamily', () => {
  it('is the deck and every deck under it in the imported tree', () => {
    expect(deckFamily(decks, 'top').sort()).toEqual(['d1', 'd2', 'labs', 'renamed', 'top']);
    expect(deckFamily(decks, 'd1')).toEqual(['d1', 'labs']);
    expect(deckFamily(decks, 'labs')).toEqual(['labs']);
  });

  it('a name that merely starts the same is not a subdeck; decks without a path stand alone', () => {
    expect(deckFamily(decks, 'sibling')).toEqual(['sibling']);
    expect(deckFamily(decks, 'builtin')).toEqual(['builtin']);
    expect(deckFamily(decks, 'gone')).toEqual(['gone']);
  });
});

describe('deckTree', () => {
  it('puts each deck under its nearest ancestor, children in path order, with the parent\'s name left out', () => {
    const tree = deckTree(decks.map((d) => ({ deck: d })));
    const shape = (nodes: ReturnType<typeof deckTree<{ deck: Deck }>>): unknown => nodes.map((n) => (n.children.length ? [n.label, shape(n.children)] : n.label));
    expect(shape(tree)).toEqual([
      'CISM domains',
      ['CISSP', [['Domain 1', ['Labs']], 'Domain 2', 'Access control labs']],
      'CISSP old',
      // Its parent "CISM" is not a deck here: it stays at the top, under its full name.
      'CISM › Risk',
    ]);
  });
});
