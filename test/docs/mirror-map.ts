/**
 * Which source modules have a test at the mirrored path (`main/x/y.ts` → `test/main/x/y.test.ts`), and how
 * every other one is tested today: directly by a test elsewhere, by split test files next to the mirrored
 * path, only through a module that imports it, or not by a unit test at all. test/README.md carries the result
 * so nobody has to guess (issue 18 item 8).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export type MirrorKind = 'split' | 'direct' | 'through' | 'none';

export interface MirrorRow {
  readonly module: string;
  readonly kind: MirrorKind;
  /** The tests that import it (direct), or the tested module it runs under (through). */
  readonly by: readonly string[];
}

export interface MirrorMap {
  readonly total: number;
  readonly mirrored: number;
  readonly perRoot: ReadonlyMap<string, { readonly total: number; readonly mirrored: number }>;
  readonly rows: readonly MirrorRow[];
}

export const SOURCE_ROOTS = ['main', 'preload', 'renderer'] as const;
const SOURCE = /\.(ts|tsx|mjs)$/;
const TEST = /\.test\.tsx?$/;

function walk(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(root, dir)).sort()) {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...walk(root, rel));
    else out.push(rel);
  }
  return out;
}

function importsOf(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(file), match[1] ?? ''));
    const stem = base.replace(/\.js$/, '');
    const candidates = [base, `${stem}.ts`, `${stem}.tsx`, `${base}.ts`, `${base}.tsx`, `${base}.mjs`];
    const hit = candidates.find(
      (c) => existsSync(path.join(root, c)) && statSync(path.join(root, c)).isFile(),
    );
    if (hit) found.push(hit);
  }
  return found;
}

const stemOf = (file: string): string => file.replace(SOURCE, '');

export function mirrorMap(root: string): MirrorMap {
  const sources = SOURCE_ROOTS.flatMap((dir) => walk(root, dir)).filter(
    (f) => SOURCE.test(f) && !f.endsWith('.d.ts'),
  );
  const testFiles = walk(root, 'test').filter((f) => /\.(ts|tsx|mjs)$/.test(f));
  const mirrored = (f: string): boolean =>
    ['.test.ts', '.test.tsx'].some((ext) => existsSync(path.join(root, `test/${stemOf(f)}${ext}`)));
  const split = (f: string): boolean => {
    const stem = `test/${stemOf(f)}`;
    const dir = path.posix.dirname(stem);
    const name = path.posix.basename(stem);
    return (
      existsSync(path.join(root, dir)) &&
      readdirSync(path.join(root, dir)).some((e) => e.startsWith(`${name}.`) && TEST.test(e))
    );
  };

  // Which tests reach a module directly: the test itself or a test-side helper imports it.
  const testImports = new Map(testFiles.map((f) => [f, importsOf(root, f)]));
  const directTests = new Map<string, Set<string>>();
  for (const test of testFiles.filter((f) => TEST.test(f))) {
    const seen = new Set([test]);
    let queue = [test];
    while (queue.length > 0) {
      const next: string[] = [];
      for (const file of queue) {
        for (const imported of testImports.get(file) ?? []) {
          if (imported.startsWith('test/')) {
            if (!seen.has(imported)) next.push(imported);
            seen.add(imported);
          } else {
            const set = directTests.get(imported) ?? new Set<string>();
            set.add(test);
            directTests.set(imported, set);
          }
        }
      }
      queue = next;
    }
  }
  const isTested = (f: string): boolean => mirrored(f) || (directTests.get(f)?.size ?? 0) > 0;

  const importers = new Map<string, string[]>();
  for (const source of sources) {
    for (const imported of importsOf(root, source))
      importers.set(imported, [...(importers.get(imported) ?? []), source]);
  }

  const rows: MirrorRow[] = [];
  const perRoot = new Map<string, { total: number; mirrored: number }>();
  let count = 0;
  for (const source of sources) {
    const top = source.split('/')[0] ?? '';
    const tally = perRoot.get(top) ?? { total: 0, mirrored: 0 };
    tally.total += 1;
    perRoot.set(top, tally);
    if (mirrored(source)) {
      tally.mirrored += 1;
      count += 1;
      continue;
    }
    if (split(source)) {
      rows.push({ module: source, kind: 'split', by: [] });
      continue;
    }
    const direct = [...(directTests.get(source) ?? [])].sort(
      (a, b) => a.length - b.length || a.localeCompare(b),
    );
    if (direct.length > 0) {
      rows.push({ module: source, kind: 'direct', by: direct });
      continue;
    }
    // Breadth-first up the importers to the nearest module that has tests of its own.
    const seen = new Set([source]);
    let queue = [source];
    let via: string | undefined;
    while (queue.length > 0 && via === undefined) {
      const next: string[] = [];
      for (const file of queue) {
        for (const importer of importers.get(file) ?? []) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          if (isTested(importer)) {
            via = importer;
            break;
          }
          next.push(importer);
        }
        if (via !== undefined) break;
      }
      queue = next;
    }
    rows.push(
      via === undefined
        ? { module: source, kind: 'none', by: [] }
        : { module: source, kind: 'through', by: [via] },
    );
  }
  return { total: sources.length, mirrored: count, perRoot, rows };
}

const percent = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(1)} %`;

/** The block test/README.md holds between its mirror-map markers. */
export function renderMirrorSection(map: MirrorMap): string {
  const count = (kind: MirrorKind): number => map.rows.filter((r) => r.kind === kind).length;
  const roots = SOURCE_ROOTS.map((root) => {
    const t = map.perRoot.get(root) ?? { total: 0, mirrored: 0 };
    return `\`${root}/\` ${t.mirrored} of ${t.total}`;
  }).join(', ');
  const lines = [
    `**${map.mirrored} of ${map.total} source files (${percent(map.mirrored, map.total)}) have a test at the mirrored path** (${roots}).`,
    `Of the other ${map.rows.length}: ${count('direct')} are tested directly by a test at another path, ${count('split')} by split test files next to the mirrored path, ${count('through')} only through a module that imports them, ${count('none')} by no unit test.`,
    '',
    '| Module | Tested by |',
    '| --- | --- |',
  ];
  for (const row of map.rows) {
    const shown = row.by.slice(0, 2).map((f) => `\`${f}\``);
    const how =
      row.kind === 'split'
        ? `split tests \`test/${stemOf(row.module)}.*.test.ts\``
        : row.kind === 'direct'
          ? `directly by ${shown.join(', ')}${row.by.length > 2 ? ` and ${row.by.length - 2} more` : ''}`
          : row.kind === 'through'
            ? `only through ${shown.join('')}`
            : 'no unit test (an entry point)';
    lines.push(`| \`${row.module}\` | ${how} |`);
  }
  return lines.join('\n');
}
