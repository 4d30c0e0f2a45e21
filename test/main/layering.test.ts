/**
 * The layering rules of main/README.md ("Layers"), checked over the real source tree (issue 18 item 4):
 *
 * - no import cycles in main/, preload/ or renderer/ (type-only imports count: a cycle of types is still two
 *   modules that cannot be understood, moved or tested one without the other);
 * - services import downward only: no file in a service folder imports from main/app, main/cli,
 *   main/electron or main/server (the composition and the entry points compose services, never the reverse);
 * - only main/electron/typed-ipc.ts calls `webContents.send`, so every message to a window goes through the
 *   contract's channels.
 *
 * ESLint fences the last two per file; this test sees the whole graph (ESLint cannot see a cycle) and keeps
 * working if the lint config is loosened. Relative imports are read with a regex, not a TypeScript parse: the
 * project writes one import per statement and no dependency is needed for that. Aliased calls
 * (`const c = win.webContents; c.send(…)`) escape the third check; review catches those.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SOURCE_ROOTS = ['main', 'preload', 'renderer'];
const SOURCE_EXTENSIONS = ['.ts', '.tsx'];

/** The composition and the entry points: everything else under main/ is a service. */
const UPPER_AREAS = ['app', 'cli', 'electron', 'server'];
/** Neither a service nor an upper layer: the launcher scripts and the build helpers. */
const OUTSIDE_AREAS = ['bin', 'build'];

/**
 * Cycles that are known and not yet fixed, each as its sorted member paths joined by a space. Empty since the
 * renderer's feature-folder move (issue 18 item 4) put what both device cards need into
 * renderer/bench/device-card-model.ts. The test fails if an entry outlives its cycle, so the list cannot
 * quietly grow stale.
 */
const KNOWN_CYCLES: readonly string[] = [];

type Sources = ReadonlyMap<string, string>;
type Graph = ReadonlyMap<string, readonly string[]>;

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...listSources(rel));
    else if (SOURCE_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push(rel);
  }
  return out;
}

function readSources(): Sources {
  const files = SOURCE_ROOTS.flatMap((dir) => listSources(dir));
  return new Map(files.map((file) => [file, readFileSync(path.join(ROOT, file), 'utf8')]));
}

/** `from './x'`, `export … from '../y'`, `import './z'`, `import('./w')`: relative specifiers only. */
const SPECIFIER = /(?:\bfrom|\bimport)\s*\(?\s*(['"])(\.{1,2}\/[^'"]+)\1/g;

function resolve(from: string, specifier: string, files: Sources): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.endsWith('.js') ? base.slice(0, -3) : base;
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((ext) => stem + ext),
    ...SOURCE_EXTENSIONS.map((ext) => `${stem}/index${ext}`),
  ];
  return candidates.find((candidate) => files.has(candidate));
}

/** Who imports whom, among the given files; imports of files outside the set (json, css) are dropped. */
function importGraph(files: Sources): Graph {
  const graph = new Map<string, string[]>();
  for (const [file, text] of files) {
    const targets = new Set<string>();
    for (const match of text.matchAll(SPECIFIER)) {
      const target = resolve(file, match[2] ?? '', files);
      if (target !== undefined && target !== file) targets.add(target);
    }
    graph.set(file, [...targets].sort());
  }
  return graph;
}

/** Strongly connected components with more than one member (Tarjan), each as sorted paths. */
function findCycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (;;) {
      const w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

const areaOf = (file: string): string | undefined =>
  file.startsWith('main/') ? file.split('/')[1] : undefined;

const isService = (file: string): boolean => {
  const area = areaOf(file);
  return (
    area !== undefined && file.split('/').length > 2 && ![...UPPER_AREAS, ...OUTSIDE_AREAS].includes(area)
  );
};

/** Every `service → upper layer` edge, as `importer -> imported`. */
function upwardImports(graph: Graph): string[] {
  const found: string[] = [];
  for (const [file, targets] of graph) {
    if (!isService(file)) continue;
    for (const target of targets) {
      if (UPPER_AREAS.includes(areaOf(target) ?? '')) found.push(`${file} -> ${target}`);
    }
  }
  return found;
}

const WINDOW_SEND = /\bwebContents\s*\??\.\s*send\s*\(/;
const TYPED_IPC = 'main/electron/typed-ipc.ts';

/** Files other than the typed IPC module that send to a window directly. */
function rawWindowSends(files: Sources): string[] {
  return [...files]
    .filter(([file, text]) => file !== TYPED_IPC && WINDOW_SEND.test(text))
    .map(([file]) => file);
}

describe('the checks themselves (each sees a violation when there is one)', () => {
  const sources: Sources = new Map([
    ['main/jobs/a.ts', "import { b } from './b';\nexport const a = 1;"],
    ['main/jobs/b.ts', "import type { A } from './a.js';\nimport { c } from '../storage/c';"],
    ['main/storage/c.ts', "export { x } from '../app/compose';"],
    ['main/app/compose.ts', "import { a } from '../jobs/a';"],
    ['main/cli/run.ts', "import { compose } from '../app/compose';"],
    ['main/electron/menu.ts', 'win.webContents.send("x", 1);'],
    [TYPED_IPC, 'if (ok) webContents.send(channel, payload);'],
  ]);
  const graph = importGraph(sources);

  it('resolves extensionless and .js specifiers, type-only imports and re-exports', () => {
    expect(graph.get('main/jobs/b.ts')).toEqual(['main/jobs/a.ts', 'main/storage/c.ts']);
    expect(graph.get('main/storage/c.ts')).toEqual(['main/app/compose.ts']);
  });

  it('finds a cycle, including one that runs through several folders', () => {
    expect(findCycles(graph)).toEqual([
      ['main/app/compose.ts', 'main/jobs/a.ts', 'main/jobs/b.ts', 'main/storage/c.ts'],
    ]);
  });

  it('finds a service importing the composition, and lets the entry points do it', () => {
    expect(upwardImports(graph)).toEqual(['main/storage/c.ts -> main/app/compose.ts']);
  });

  it('finds a window send outside the typed IPC module', () => {
    expect(rawWindowSends(sources)).toEqual(['main/electron/menu.ts']);
  });
});

describe('the source tree keeps its layers', () => {
  const sources = readSources();
  const graph = importGraph(sources);

  it('reads the whole tree', () => {
    expect(sources.size).toBeGreaterThan(300);
    expect(graph.get('main/app/compose-provisioning.ts')?.length).toBeGreaterThan(0);
  });

  it('has no import cycles except the listed known ones', () => {
    const cycles = findCycles(graph).map((members) => members.join(' '));
    expect(cycles.filter((cycle) => !KNOWN_CYCLES.includes(cycle))).toEqual([]);
    // A fixed cycle must leave the list, so the list only ever names real debt.
    expect(KNOWN_CYCLES.filter((known) => !cycles.includes(known))).toEqual([]);
  });

  it('has no service importing from main/app, main/cli, main/electron or main/server', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('sends to a window only from main/electron/typed-ipc.ts', () => {
    expect(rawWindowSends(sources)).toEqual([]);
    expect(WINDOW_SEND.test(sources.get(TYPED_IPC) ?? '')).toBe(true);
  });
});
