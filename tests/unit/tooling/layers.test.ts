/**
 * The layer rules and the cycle check of `npm run check`, exercised on code that breaks them:
 * each probe is linted as if it were a file at that path, so the rules are shown to fire
 * (a rule that silently stopped matching would pass every real file too).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['lib/stats/probe.ts', "import { openStudyDb } from '../db/database';\nexport const x = openStudyDb;", 'storage lives in lib/db/'],
    ['lib/decks/probe.ts', "import { openStudyDb } from '@/lib/db/database';\nexport const x = openStudyDb;", 'storage lives in lib/db/'],
    ['lib/probe.ts', "import { useState } from 'react';\nexport const x = useState;", "'react' import is restricted"],
    ['lib/queue-probe.ts', "import { fsrs } from 'ts-fsrs';\nexport const x = fsrs;", 'one ts-fsrs bridge'],
    ['components/study/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;", 'Storage goes through lib/db/'],
    ['components/stats/probe.ts', "import { useLiveQuery } from 'dexie-react-hooks';\nexport const x = useLiveQuery;", 'lib/db/hooks.ts'],
    ['lib/db/probe.ts', "import { parseSources } from '../decks/sources';\nexport const x = parseSources;", 'build time only'],
    ['lib/db/probe.ts', "import PouchDB from 'pouchdb-core';\nexport const x = PouchDB;", 'Only lib/db/pouch-replica.ts imports PouchDB'],
    ['components/sync/probe.ts', "import PouchDB from 'pouchdb-core';\nexport const x = PouchDB;", 'Only lib/db/pouch-replica.ts imports PouchDB'],
    ['lib/sync/probe.ts', "import Http from 'pouchdb-adapter-http';\nexport const x = Http;", 'Only lib/db/pouch-replica.ts imports PouchDB'],
  ])('%s: refuses %s', async (file, code, message) => {
    expect((await restricted(file, code)).join('\n')).toContain(message);
  });

  it('lets the scheduler bridge import ts-fsrs and components import lib/db', async () => {
    expect(await restricted('lib/scheduler.ts', "import { fsrs } from 'ts-fsrs';\nexport const x = fsrs;")).toEqual([]);
    expect(await restricted('lib/db/pouch-replica.ts', "import PouchDB from 'pouchdb-core';\nexport const x = PouchDB;")).toEqual([]);
    expect(await restricted('components/home/probe.ts', "import { useHomeSummary } from '@/lib/db/home-hooks';\nexport const x = useHomeSummary;")).toEqual([]);
  });
});

describe('cycle check', () => {
  const run = (...dirs: string[]) =>
    spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-cycles.ts', ...dirs], { cwd: ROOT, encoding: 'utf8' });

  it('fails on modules that import each other, naming them', () => {
    const r = run('tests/fixtures/cycles/loop');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tests/fixtures/cycles/loop/first.ts ↔ tests/fixtures/cycles/loop/second.ts');
    expect(r.stderr).not.toContain('third.ts');
  }, 30_000);

  it('passes on the app itself', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/No import cycle among \d+ modules/);
  }, 30_000);
});

describe('file names', () => {
  it('are never shared by two source files in different folders (routes excepted)', () => {
    const names = new Map<string, string[]>();
    const walk = (dir: string) => {
      for (const e of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = `${dir}/${e.name}`;
        if (e.isDirectory()) {
          if (!['fixtures', 'generated', 'node_modules'].includes(e.name)) walk(rel);
        } else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !['page.tsx', 'layout.tsx'].includes(e.name)) {
          names.set(e.name, [...(names.get(e.name) ?? []), rel]);
        }
      }
    };
    for (const dir of ['lib', 'components', 'app', 'scripts', 'worker', 'tests']) walk(dir);
    expect([...names.values()].filter((places) => places.length > 1)).toEqual([]);
  });
});
