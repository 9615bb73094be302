/**
 * npm run decks [-- --src DIR --out FILE]
 *
 * Reads every decks/*.yaml, validates and generates the built-in decks, and writes
 * lib/decks/generated/decks.json only when everything succeeded (temp file, then rename).
 * On a bad source it prints the problems (file and item) and exits with code 1.
 */
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DeckSourceError, buildDecks, summarize } from '../lib/decks/generate';

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

  const names = readdirSync(src)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort();
  if (names.length === 0) {
    console.error(`${src}: no .yaml files found`);
    return 1;
  }
  const files = names.map((n) => {
    const p = path.join(src, n);
    return { path: p.split(path.sep).join('/'), text: readFileSync(p, 'utf8') };
  });

  let generated;
  try {
    generated = buildDecks(files);
  } catch (err) {
    if (err instanceof DeckSourceError) {
      console.error(`Deck sources are invalid; nothing was written.\n${err.message}`);
      return 1;
    }
    throw err;
  }

  mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(generated, null, 2)}\n`);
  renameSync(tmp, out);

  const sum = summarize(generated);
  const pad = (rows: [string, number][]) => {
    const w = Math.max(...rows.map(([k]) => k.length));
    return rows.map(([k, n]) => `  ${k.padEnd(w)}  ${String(n).padStart(4)}`).join('\n');
  };
  console.log(`Wrote ${out} from ${files.length} source files.`);
  console.log(`Decks:\n${pad(sum.decks)}`);
  console.log(`Cards per template:\n${pad(sum.templates)}`);
  console.log(`Total: ${sum.total} cards in ${generated.decks.length} decks, ${generated.domains.length} domains.`);
  return 0;
}

process.exitCode = main();
