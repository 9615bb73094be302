import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { SourceText } from '@/lib/decks/sources';

export const ROOT = path.resolve(__dirname, '../../..');
export const DECKS_DIR = path.join(ROOT, 'decks');
export const FIXTURES_DIR = path.join(ROOT, 'tests/fixtures/decks');

function rel(p: string): string {
  return path.relative(ROOT, p).split(path.sep).join('/');
}

export function readYamlDir(dir: string): SourceText[] {
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => ({ path: rel(path.join(dir, n)), text: readFileSync(path.join(dir, n), 'utf8') }));
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
