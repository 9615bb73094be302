/**
 * `npm run check` step: fails when the app's own modules import each other in a cycle.
 * Module resolution is TypeScript's own (tsconfig paths such as `@/lib/...` included), so
 * relative and aliased imports are seen alike. Type-only imports count too: a cycle of types
 * still means two modules that cannot be understood apart.
 *
 *   npx tsx scripts/check-cycles.ts [dir ...]     # default: lib components app worker
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = process.cwd();
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['lib', 'components', 'app', 'worker'];
const config = ts.parseJsonConfigFileContent(ts.readConfigFile('tsconfig.json', ts.sys.readFile).config, ts.sys, root);

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return name === 'generated' ? [] : sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path.resolve(p)] : [];
  });
}

const files = dirs.flatMap(sourceFiles);
const known = new Set(files);
const edges = new Map<string, string[]>();
for (const file of files) {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const targets: string[] = [];
  for (const ref of info.importedFiles) {
    const resolved = ts.resolveModuleName(ref.fileName, file, config.options, ts.sys).resolvedModule?.resolvedFileName;
    if (resolved && known.has(path.resolve(resolved))) targets.push(path.resolve(resolved));
  }
  edges.set(file, targets);
}

// Tarjan's strongly connected components: every component of more than one module is a cycle.
let index = 0;
const order = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const cycles: string[][] = [];
function visit(v: string): void {
  order.set(v, index);
  low.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!order.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
  }
  if (low.get(v) === order.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (edges.get(v) ?? []).includes(v)) cycles.push(component);
  }
}
for (const f of files) if (!order.has(f)) visit(f);

const rel = (f: string) => path.relative(root, f);
if (cycles.length > 0) {
  console.error(`Import cycles (${cycles.length}); each line is a group of modules that import each other:`);
  for (const c of cycles) console.error(`  ${c.map(rel).sort().join(' ↔ ')}`);
  process.exitCode = 1;
} else console.log(`No import cycle among ${files.length} modules.`);
