/**
 * The small part of the generated decks that the app bundles: the decks, the outline domains
 * and sub-domains, and the content version. The cards themselves (over a thousand) are a
 * separate file, `public/decks/cards.<version>.json`, fetched only when the version differs
 * from the one stored in IndexedDB, so they never weigh on a page's first-load JavaScript.
 *
 * The app imports this module: it must not import the generator (YAML and zod stay at build time;
 * the manifest itself is made in build-manifest.ts).
 */
import { fnv1a64 } from './ids';
import type { CertificationId, GeneratedCard, GeneratedDeck, GeneratedDecks, GeneratedDomain } from './types';

/** A sub-domain (CISSP) or topic (CISM), as "Study this sub-domain" and readiness list it. */
export interface GeneratedSubdomain {
  /** "cissp-2024/3.2": the same string as in a card's "subdomain:" tag. */
  key: string;
  /** "cissp-2024/3": its domain's key. */
  domain: string;
  code: string;
  name: string;
}

export interface GeneratedOutline {
  key: string;
  certification: CertificationId;
  title: string;
  effective?: string;
}

export interface DeckManifest {
  formatVersion: 1;
  /** A hash of the decks and cards: the stored copy is refreshed only when it changes. */
  contentVersion: string;
  /** Where the app fetches the cards, relative to the site root. */
  cardsUrl: string;
  cardCount: number;
  decks: GeneratedDeck[];
  domains: GeneratedDomain[];
  subdomains: GeneratedSubdomain[];
  outlines: GeneratedOutline[];
  /** The practice bank (lib/practice/bank.ts): fetched when a practice attempt starts. */
  practice: { url: string; version: string; count: number };
}

/** The file served at `cardsUrl`. */
export interface DeckCardsFile {
  contentVersion: string;
  cards: GeneratedCard[];
}

export function contentVersionOf(generated: Pick<GeneratedDecks, 'decks' | 'cards'>): string {
  return fnv1a64(JSON.stringify({ decks: generated.decks, cards: generated.cards }));
}

/** Checks a fetched cards file against the manifest, so a stale or broken file is never stored. */
export function checkCardsFile(data: unknown, manifest: Pick<DeckManifest, 'contentVersion' | 'cardCount'>): GeneratedCard[] {
  if (!data || typeof data !== 'object') throw new Error('the deck file is not a JSON object');
  const file = data as Partial<DeckCardsFile>;
  if (file.contentVersion !== manifest.contentVersion)
    throw new Error(`the deck file has version ${String(file.contentVersion)}, the app expects ${manifest.contentVersion}`);
  if (!Array.isArray(file.cards) || file.cards.length !== manifest.cardCount)
    throw new Error(`the deck file should hold ${manifest.cardCount} cards`);
  return file.cards;
}

/**
 * What a study session over one tag is called: "CISSP 2024 · 3.2 Security models" for a
 * sub-domain, "CISSP 2024 · Domain 3: Security Architecture and Engineering" for a domain.
 */
export function tagTitle(manifest: Pick<DeckManifest, 'domains' | 'subdomains' | 'outlines'>, tag: string): string {
  const outlineName = (key: string) => {
    const o = manifest.outlines.find((x) => x.key === key);
    return o ? `${o.certification.toUpperCase()} ${/\d{4}/.exec(o.key)?.[0] ?? ''}`.trim() : key;
  };
  if (tag.startsWith('subdomain:')) {
    const st = manifest.subdomains.find((x) => x.key === tag.slice('subdomain:'.length));
    if (st) return `${outlineName(st.key.split('/')[0]!)} · ${st.code} ${st.name.charAt(0).toUpperCase()}${st.name.slice(1)}`;
  }
  if (tag.startsWith('domain:')) {
    const d = manifest.domains.find((x) => x.key === tag.slice('domain:'.length));
    if (d) return `${outlineName(d.outline)} · Domain ${d.number}: ${d.name}`;
  }
  return `Cards tagged ${tag}`;
}
