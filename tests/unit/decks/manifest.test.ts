import { describe, expect, it } from 'vitest';
import { deckManifestOf } from '@/lib/decks/build-manifest';
import { checkCardsFile, contentVersionOf, tagTitle } from '@/lib/decks/manifest';
import { buildDecksWithSources } from '@/lib/decks/generate';
import { practiceBankOf } from '@/lib/decks/build-practice-bank';
import { realSources } from './helpers';

const { generated, sources } = buildDecksWithSources(realSources());
const bank = practiceBankOf(sources, generated.cards);
const manifest = deckManifestOf(generated, sources, bank);

describe('the deck manifest', () => {
  it('names the cards file by a content version that changes with any card text', () => {
    expect(manifest.cardsUrl).toBe(`decks/cards.${manifest.contentVersion}.json`);
    expect(manifest.cardCount).toBe(generated.cards.length);
    const changed = structuredClone(generated);
    changed.cards[0]!.back += ' (edited)';
    expect(contentVersionOf(changed)).not.toBe(manifest.contentVersion);
  });

  it('names the practice bank by its own version, and every concept of the bank names its cards', () => {
    expect(manifest.practice).toEqual({ url: `decks/practice.${bank.version}.json`, version: bank.version, count: bank.concepts.length });
    expect(bank.concepts.length).toBeGreaterThan(800);
    const ids = new Set(generated.cards.map((c) => c.id));
    for (const c of bank.concepts) {
      expect(c.cardIds.length, c.key).toBeGreaterThan(0);
      for (const id of c.cardIds) expect(ids.has(id)).toBe(true);
    }
  });

  it('lists every sub-domain and topic under its domain, and stays small enough to bundle', () => {
    expect(manifest.subdomains).toHaveLength(62 + 35);
    expect(manifest.subdomains.find((s) => s.key === 'cissp-2024/3.2')).toMatchObject({ domain: 'cissp-2024/3', code: '3.2' });
    expect(manifest.subdomains.find((s) => s.key === 'cism-2022/2B1')).toMatchObject({ domain: 'cism-2022/2' });
    const { cardsUrl, ...rest } = manifest;
    expect(cardsUrl).toBeTruthy();
    expect(JSON.stringify(rest).length).toBeLessThan(40_000);
  });

  it('accepts the matching cards file and refuses a stale, cut or foreign one with a message', () => {
    expect(checkCardsFile({ contentVersion: manifest.contentVersion, cards: generated.cards }, manifest)).toBe(generated.cards);
    expect(() => checkCardsFile({ contentVersion: 'old', cards: generated.cards }, manifest)).toThrow(
      `the deck file has version old, the app expects ${manifest.contentVersion}`,
    );
    expect(() => checkCardsFile({ contentVersion: manifest.contentVersion, cards: generated.cards.slice(1) }, manifest)).toThrow(
      `the deck file should hold ${generated.cards.length} cards`,
    );
    expect(() => checkCardsFile('<html>', manifest)).toThrow('the deck file is not a JSON object');
  });

  it('titles a study session by the domain or sub-domain it covers', () => {
    expect(tagTitle(manifest, 'subdomain:cissp-2024/3.2')).toBe('CISSP 2024 · 3.2 Security models');
    expect(tagTitle(manifest, 'domain:cism-2022/4')).toBe('CISM 2022 · Domain 4: Incident Management');
    expect(tagTitle(manifest, 'subdomain:cissp-2024/9.9')).toBe('Cards tagged subdomain:cissp-2024/9.9');
  });
});
