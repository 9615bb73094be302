/** Build time: the manifest of a generated set of decks (see manifest.ts for what it is). */
import type { DeckSources } from './sources';
import { domainSubtopics } from './sources';
import { contentVersionOf, type DeckManifest } from './manifest';
import type { GeneratedDecks } from './types';
import type { PracticeBank } from '../practice/bank';

export function deckManifestOf(generated: GeneratedDecks, s: Pick<DeckSources, 'outlines'>, practice: Pick<PracticeBank, 'version' | 'concepts'>): DeckManifest {
  const contentVersion = contentVersionOf(generated);
  return {
    formatVersion: 1,
    contentVersion,
    cardsUrl: `decks/cards.${contentVersion}.json`,
    cardCount: generated.cards.length,
    decks: generated.decks,
    domains: generated.domains,
    subdomains: s.outlines.flatMap((o) =>
      [...o.domains]
        .sort((a, b) => a.number - b.number)
        .flatMap((d) =>
          domainSubtopics(d).map((st) => ({
            key: `${o.key}/${st.code}`,
            domain: `${o.key}/${d.number}`,
            code: st.code,
            name: st.name,
          })),
        ),
    ),
    practice: { url: `decks/practice.${practice.version}.json`, version: practice.version, count: practice.concepts.length },
    outlines: s.outlines.map((o) => ({
      key: o.key,
      certification: o.certification,
      title: o.title,
      ...(o.effective ? { effective: o.effective } : {}),
    })),
  };
}

