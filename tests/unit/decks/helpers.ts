import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SourceText } from '@/lib/decks/sources';

export const ROOT = path.resolve(__dirname, '../../..');
export const DECKS_DIR = path.join(ROOT, 'decks');
export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/decks');

function rel(p: string): string {
  return path.relative(ROOT, p).split(path.sep).join('/');
}

/** Every YAML file under `dir`, sub-folders included (decks/facts/), sorted by path. */
export function readYamlDir(dir: string): SourceText[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e): string[] => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return readYamlDir(p).map((f) => path.join(ROOT, f.path));
      return /\.ya?ml$/.test(e.name) ? [p] : [];
    })
    .sort()
    .map((p) => ({ path: rel(p), text: readFileSync(p, 'utf8') }));
}

/** The real sources. */
export function realSources(): SourceText[] {
  return readYamlDir(DECKS_DIR);
}

/** The real sources with a fixture folder laid over them: same file name replaces, a new name adds. */
export function sourcesWithFixture(name: string): SourceText[] {
  const overlay = readYamlDir(path.join(FIXTURES_DIR, name));
  const replaced = new Set(overlay.map((f) => path.basename(f.path)));
  return [...realSources().filter((f) => !replaced.has(path.basename(f.path))), ...overlay];
}
