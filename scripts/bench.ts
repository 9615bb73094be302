/**
 * `npm run bench`: performance figures measured in real Chromium against the production build.
 * Prints one JSON line per case and writes the table to docs/performance.md.
 *
 *   npm run bench                 # build if out/ is missing, then run every case
 *   npm run bench -- --only study # cases whose file name contains "study"
 *   npm run bench -- --build      # rebuild first
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../tests/e2e/support/chromium';
import { type BenchCase, type BenchResult, type CollectionSize, seedCollection } from './bench/lib';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const PORT = 4391;
const baseURL = `http://127.0.0.1:${PORT}`;
const size: CollectionSize = { cards: 20_000, reviews: 300_000 };

async function loadCases(): Promise<BenchCase[]> {
  const dir = join(import.meta.dirname, 'bench');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'lib.ts' && (!only || f.includes(only))).sort();
  const cases: BenchCase[] = [];
  for (const f of files) {
    const mod = (await import(join(dir, f))) as { cases?: BenchCase[] };
    cases.push(...(mod.cases ?? []));
  }
  return cases;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    try {
      if ((await fetch(`${baseURL}/`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The static server did not start');
}

/** How to read the rows that are not plain timings (kept with the table, which the bench rewrites). */
const NOTES = [
  '## Reading the trace rows',
  '',
  'The rows "study: grade → next card, … (trace)" split each answer of a traced run of 80 (a Chromium',
  'performance trace) from the grade key to the commit of the frame that shows the next card:',
  'the main thread busy (the app\'s script — the React render of the next card —, then style, layout,',
  'paint and commit, garbage collection) and the main thread idle, waiting for the compositor to begin that',
  'frame. The waiting is the browser\'s own frame scheduling; the script is the app\'s. What the app can do',
  'after that frame is done after it: the answer\'s IndexedDB transaction (its localStorage note keeps it until',
  'then), the next card\'s FSRS previews (needed only once its answer is shown), and moving the focus to',
  '"Show answer"; nothing on the path measures the page (the phone bar\'s padding comes from a ResizeObserver).',
  '',
  '## Reading the sync rows',
  '',
  'The sync rows run against pouchdb-server on loopback (leveldb on disk), on the same machine as the',
  'browser. A "first sync" sends or receives the whole year: 300,000 answers in one document per study day',
  '(about 60 MB, each body one JSON text) and 20,000 imported cards in 64 bucket documents; three runs each',
  '(each laptop restored from the backup and sending into a database of its own, then a fresh browser',
  'receiving it), from Sync now to the outcome on the page, with the work in the sync worker (so no long task',
  'on the page). Sending writes the documents into the local replica while a live replication already sends',
  'the first ones.',
  'The outcome\'s step timings (receive, merge, prepare, send) are printed by `npm run bench -- --only sync`.',
  '',
  '## Reading the storage floor rows',
  '',
  'The "storage floor" rows store data with plain IndexedDB in one transaction, with none of the app\'s code:',
  'what any writer of that many rows pays in this browser on this machine. Chromium pays about the same for',
  'every stored record whatever its size, and more for every index entry, while a few large records (the',
  'packs that hold 300,000 answers) cost little.',
  '',
  'Since schema version 9 the app stores its cards the way the row "the same 20,000 cards in 1,024 packs"',
  'does (lib/db/card-store.ts): about twenty cards a record, a card\'s pack found by hashing its id, each',
  'pack listing its cards\' queue keys `[deckId, queue, rank, id]` under a multiEntry index, so that a',
  'deck\'s queue is still one index range. A restore, an Anki import or a first sync of 20,000 cards now',
  'writes about 1,024 records instead of 20,000: read their rows against that floor, not against the',
  '20,000 records "with one index" (versions 8 and before). An answer rewrites the card\'s whole pack',
  'rather than its own record ("one answered card rewritten as …"), a millisecond or so more, off the',
  'answer\'s frame (the study rows).',
  '',
  '## Reading the Anki import rows',
  '',
  '"File chosen to done" is the preview (the worker unzips the package and reads it with SQLite in',
  'WebAssembly) plus "Import to done": the import worker replays 300,000 answers through FSRS, then',
  'stores the 20,000 cards in one write while it packs the answers by day. `npm run bench -- --only',
  'import-cases` prints the worker\'s own step times (read, replay, write).',
  '',
  'The card packs against the card records, measured back to back on one machine on 2026-12-02',
  '(`npm run bench -- --only import-cases` and `--only backup`, the previous commit 1a14e9d built in a',
  'worktree; medians of three):',
  '',
  '| row | records (schema 8) | packs (schema 9) |',
  '|---|---|---|',
  '| Anki import, file chosen to done | 4.77 s (p95 4.78) | 3.73 s (p95 4.22) |',
  '| Anki import, Import to done | 3.38 s | 2.36 s |',
  '| restore of 20,000 cards, total | 3.52 s (p95 3.66) | 3.17 s (p95 3.22) |',
  '| restore of 20,000 cards, write | 2.04 s | 1.52 s |',
  '| restore with every answer recomputed, total | 5.79 s | 5.06 s |',
  '',
  'That machine was much faster than the one of the day\'s earlier full runs (the same records code took',
  '6.9 s for the Anki import there): compare rows of one run, or of runs on one machine, only.',
  '',
];

function table(results: BenchResult[]): string {
  const rows = results.map(
    (r) => `| ${r.case} | ${r.unit} | ${r.runs} | ${r.median} | ${r.p95} | ${r.min} | ${r.max} | ${r.target ?? ''} | ${r.note ?? ''} |`,
  );
  return ['| case | unit | runs | median | p95 | min | max | target | note |', '|---|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

async function main() {
  if (args.includes('--build') || !existsSync('out/index.html')) execSync('npm run build', { stdio: 'inherit' });
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
  const executablePath = findChromium();
  const dirs: string[] = [];
  const newProfile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
    dirs.push(dir);
    return chromium.launchPersistentContext(dir, { executablePath, args: CHROMIUM_ARGS, headless: true });
  };
  try {
    await waitForServer();
    const cases = await loadCases();
    // BENCH_KEEP_PROFILE=1 keeps the seeded profile; BENCH_PROFILE=<dir> reuses it (faster
    // iteration; not for reported figures, and a cached service worker may serve an older build).
    const reuse = process.env.BENCH_PROFILE;
    const seeded = reuse
      ? await chromium.launchPersistentContext(reuse, { executablePath, args: CHROMIUM_ARGS, headless: true })
      : await newProfile();
    if (!reuse) {
      const seedPage = await seeded.newPage();
      const seedStart = performance.now();
      await seedCollection(seedPage, baseURL, size, Date.now());
      console.error(`Seeded ${size.cards} cards and ${size.reviews} reviews in ${Math.round(performance.now() - seedStart)} ms`);
      if (process.env.BENCH_KEEP_PROFILE) console.error(`Seeded profile kept for BENCH_PROFILE=: ${dirs.at(-1)}`);
      await seedPage.close();
    }
    const browser = seeded.browser();
    const results: BenchResult[] = [];
    for (const c of cases) {
      console.error(`Running ${c.name}…`);
      for (const r of await c.run({ browser: browser!, baseURL, seeded, freshContext: newProfile, size })) {
        console.log(JSON.stringify(r));
        results.push(r);
      }
    }
    await seeded.close();
    const version = execSync(`"${executablePath}" --version 2>/dev/null`).toString().trim();
    const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
    const doc = [
      '# Performance',
      '',
      `Produced by \`${command}\` on ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${version} (headless).`,
      `Collection: ${size.cards.toLocaleString('en')} cards and ${size.reviews.toLocaleString('en')} review rows, seeded into IndexedDB before the cases run.`,
      'The machine is shared and noisy: read the medians and the 95th percentiles, not single runs.',
      '',
      table(results),
      '',
      ...NOTES,
    ].join('\n');
    if (!only && !reuse) writeFileSync('docs/performance.md', doc);
    else console.error('(--only or BENCH_PROFILE: docs/performance.md left unchanged)');
  } finally {
    server.kill();
    // Profiles hold hundreds of MB of IndexedDB; keep the seeded one only when asked to reuse it.
    const keep = process.env.BENCH_KEEP_PROFILE ? dirs[0] : undefined;
    for (const dir of dirs) if (dir !== keep) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
