import { describe, expect, it } from 'vitest';
import { distinctiveWords, giveawayWords } from '@/lib/decks/giveaways';

describe('giveawayWords', () => {
  it('finds a word the question shares with the right option only', () => {
    expect(giveawayWords('A model that protects integrity above all.', ['Biba integrity model', 'Bell-LaPadula model', 'Clark-Wilson model'], 0)).toEqual(['integrity']);
  });
  it('does not count a word that a wrong option has too', () => {
    expect(giveawayWords('Which access model lets owners decide?', ['Discretionary access control', 'Mandatory access control'], 0)).toEqual([]);
  });
  it('counts acronyms and plurals, and ignores common words', () => {
    expect(giveawayWords('The MAC labels of subjects', ['Mandatory access control (MAC)', 'Role-based access control (RBAC)'], 0)).toEqual(['mac']);
    expect(giveawayWords('Reviews of firewalls', ['Firewall review', 'Log review'], 0)).toEqual(['firewall']);
    expect([...distinctiveWords('What is the best one of these?')]).toEqual([]);
  });
});
