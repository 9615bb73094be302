/**
 * The bundled part of the built-in decks: their names, the exam outlines (domains, sub-domains) and
 * the practice bank's address. Imported by the pages that show them; start-up needs only the
 * content version (deck-version.json), so the other pages never load this.
 */
import manifestJson from '../decks/generated/manifest.json';
import type { DeckManifest } from '../decks/manifest';

export const deckManifest = manifestJson as DeckManifest;
