/**
 * npm run decks [-- --src DIR --out FILE]
 *
 * Reads every .yaml file under decks/ (facts/ included), validates and generates the built-in decks, and writes them only
 * when everything succeeded (temp file, then rename):
 * - lib/decks/generated/decks.json: everything, for tests, the benchmark and Node tools;
 * - with the default paths, the app's split: lib/decks/generated/manifest.json (decks, domains,
 *   sub-domains and the content version: bundled by the pages that show them),
 *   lib/decks/generated/deck-version.json (the content version and the cards' address: every page's start-up) and public/decks/cards.<version>.json
 *   (the cards: fetched and precached, so they stay out of every page's JavaScript);
 *   and public/decks/practice.<version>.json (the concepts practice questions are made from,
 *   fetched when a practice attempt starts);
 * - the coverage table between the markers in docs/decks.md.
 * On a bad source it prints the problems (file and item) and exits with code 1.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeckSourceError, buildDecksWithSources, summarize } from '../lib/decks/generate';
import { coverageGaps, coverageMarkdown, coverageOf } from '../lib/decks/coverage';
import { deckManifestOf } from '../lib/decks/build-manifest';
import { practiceBankOf } from '../lib/decks/build-practice-bank';

function writeAtomic(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Every .yaml/.yml file under `dir`, sorted by path. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return yamlFiles(p);
      return /\.ya?ml$/.test(e.name) ? [p] : [];
    })
    .sort();
}

const COVERAGE_START = '<!-- coverage:start -->';
const COVERAGE_END = '<!-- coverage:end -->';

function argValue(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function main(): number {
  const args = process.argv.slice(2);
  const known = new Set(['--src', '--out']);
  for (let i = 0; i < args.length; i += 2)
    if (!known.has(args[i]!)) {
      console.error(`Unknown argument ${args[i]}. Usage: build-decks [--src DIR] [--out FILE]`);
      return 2;
    }
  const src = argValue(args, '--src', 'decks');
  const out = argValue(args, '--out', path.join('lib', 'decks', 'generated', 'decks.json'));

  const names = yamlFiles(src);
  if (names.length === 0) {
    console.error(`${src}: no .yaml files found`);
    return 1;
  }
  const files = names.map((p) => ({ path: p.split(path.sep).join('/'), text: readFileSync(p, 'utf8') }));

  let generated;
  let sources;
  try {
    ({ generated, sources } = buildDecksWithSources(files));
  } catch (err) {
    if (err instanceof DeckSourceError) {
      console.error(`Deck sources are invalid; nothing was written.\n${err.message}`);
      return 1;
    }
    throw err;
  }

  writeAtomic(out, `${JSON.stringify(generated, null, 2)}\n`);
  const coverage = coverageOf(sources, generated.cards);
  if (!args.includes('--out')) {
    const bank = practiceBankOf(sources, generated.cards);
    const manifest = deckManifestOf(generated, sources, bank);
    const publicDir = path.join('public', 'decks');
    mkdirSync(publicDir, { recursive: true });
    for (const old of readdirSync(publicDir)) if (old.startsWith('cards.') || old.startsWith('practice.')) rmSync(path.join(publicDir, old));
    writeAtomic(path.join('public', manifest.cardsUrl), JSON.stringify({ contentVersion: manifest.contentVersion, cards: generated.cards }));
    writeAtomic(path.join('public', manifest.practice.url), JSON.stringify(bank));
    writeAtomic(path.join(path.dirname(out), 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    // What every page needs at start-up, apart from the rest of the manifest (which only some pages show).
    writeAtomic(path.join(path.dirname(out), 'deck-version.json'), `${JSON.stringify({ contentVersion: manifest.contentVersion, cardsUrl: manifest.cardsUrl })}\n`);
    const doc = path.join('docs', 'decks.md');
    if (existsSync(doc)) {
      const text = readFileSync(doc, 'utf8');
      const a = text.indexOf(COVERAGE_START);
      const b = text.indexOf(COVERAGE_END);
      if (a !== -1 && b > a) {
        const updated = `${text.slice(0, a + COVERAGE_START.length)}\n${coverageMarkdown(coverage)}\n${text.slice(b)}`;
        if (updated !== text) writeAtomic(doc, updated);
      }
    }
  }

  const sum = summarize(generated);
  const pad = (rows: [string, number][]) => {
    const w = Math.max(...rows.map(([k]) => k.length));
    return rows.map(([k, n]) => `  ${k.padEnd(w)}  ${String(n).padStart(4)}`).join('\n');
  };
  console.log(`Wrote ${out} from ${files.length} source files.`);
  console.log(`Decks:\n${pad(sum.decks)}`);
  console.log(`Cards per template:\n${pad(sum.templates)}`);
  const gaps = coverageGaps(coverage);
  console.log(`Coverage per sub-domain and topic (knowledge cards, concept cards, bullets taught):`);
  for (const r of coverage)
    console.log(
      `  ${r.ref.padEnd(16)} ${String(r.cards).padStart(4)} ${String(r.conceptCards).padStart(4)}  ${
        r.bullets ? `${r.bullets - r.uncoveredBullets.length}/${r.bullets}` : '-'
      }  ${r.name}`,
    );
  console.log(
    gaps.length === 0
      ? 'Every sub-domain and topic has at least 3 concept cards and every bullet a concept.'
      : `Short of coverage (${gaps.length}): ${gaps.map((g) => g.ref).join(', ')}`,
  );
  const contrasts = sources.contrasts.length;
  console.log(`Total: ${sum.total} cards in ${generated.decks.length} decks, ${generated.domains.length} domains, ${contrasts} role contrasts.`);
  return 0;
}

process.exitCode = main();
