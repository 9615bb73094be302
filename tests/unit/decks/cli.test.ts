/** scripts/build-decks.ts: writes only after success, prints a summary, exits 1 on bad input. */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildDecks } from '@/lib/decks/generate';
import { FIXTURES_DIR, ROOT, realSources } from './helpers';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'decks-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build-decks.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run decks', () => {
  it('writes the same JSON as the generator and prints decks, templates and the total', () => {
    const out = path.join(tmp, 'good', 'decks.json');
    const r = run('--src', 'decks', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const expected = buildDecks(realSources());
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(r.stdout).toContain('Cards per template:');
    expect(r.stdout).toMatch(/cissp-d3 \(CISSP 2024 · Domain 3: Security Architecture and Engineering\)\s+\d+/);
    const who = expected.cards.filter((c) => c.template === 'who-does-this').length;
    expect(r.stdout).toMatch(new RegExp(`who-does-this\\s+${who}\\b`));
    // the coverage table: one line per sub-domain and topic, with its card counts
    expect(r.stdout).toContain('Coverage per sub-domain and topic');
    expect(r.stdout).toMatch(/cissp-2024:3\.2\s+\d+\s+\d+\s+-\s+security models/);
    expect(r.stdout).toMatch(/cism-2022:4B6\s+\d+\s+\d+\s+-\s+the post-incident review/);
    expect(r.stdout).toContain(`Total: ${expected.cards.length} cards in ${expected.decks.length} decks`);
    expect(r.stdout).toMatch(/\d+ role contrasts\./);
  }, 30_000);

  it('exits 1 with the message and leaves the previous output untouched on a bad source', () => {
    const src = path.join(tmp, 'bad-src');
    cpSync(path.join(ROOT, 'decks'), src, { recursive: true });
    cpSync(path.join(FIXTURES_DIR, 'weights-not-100', 'cism-test.yaml'), path.join(src, 'cism-test.yaml'));
    const out = path.join(tmp, 'bad', 'decks.json');
    const fresh = run('--src', src, '--out', out);
    expect(fresh.status).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(fresh.stderr).toContain('cism-test.yaml: outline "cism-test": domain weights add up to 99, not 100');
    expect(fresh.stderr).toContain('nothing was written');

    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, 'previous');
    const again = run('--src', src, '--out', out);
    expect(again.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('previous');
  }, 30_000);
});
