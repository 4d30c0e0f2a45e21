/**
 * test/README.md says which modules have no test at the mirrored path and how each is tested instead (issue 18
 * item 8). This keeps that page true: a module added, moved or given a mirrored test changes the map, and the
 * page must say so. To rewrite the page's block after a change:
 *
 *   UPDATE_MIRROR_MAP=1 npx vitest run test/docs/mirror-map.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { mirrorMap, renderMirrorSection } from './mirror-map';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PAGE = path.join(ROOT, 'test/README.md');
const START = '<!-- mirror-map:start -->';
const END = '<!-- mirror-map:end -->';

/** Table padding and line wrapping are prettier's business; the words are ours. */
const normalise = (text: string): string =>
  text
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/\s+/g, ' ')
        .replace(/^\| -+ \| -+ \|$/, '| --- | --- |'),
    )
    .filter((line) => line !== '')
    .join('\n');

/** Where the generated block sits: after the start marker, up to the end marker. */
function blockRange(page: string): { readonly from: number; readonly to: number } {
  const start = page.indexOf(START);
  const to = page.indexOf(END);
  if (start < 0 || to < start) throw new Error(`test/README.md has no ${START} … ${END} block`);
  return { from: start + START.length, to };
}

const block = (page: string): string => {
  const { from, to } = blockRange(page);
  return page.slice(from, to);
};

describe('the mirror map in test/README.md', () => {
  const map = mirrorMap(ROOT);
  const rendered = renderMirrorSection(map);

  it('counts every source file once', () => {
    expect(map.total).toBeGreaterThan(300);
    expect(map.mirrored + map.rows.length).toBe(map.total);
    expect(map.rows.map((r) => r.module)).toContain('main/jobs/job-board.ts');
  });

  it('is what the page says', async () => {
    const page = readFileSync(PAGE, 'utf8');
    if (process.env.UPDATE_MIRROR_MAP === '1') {
      const { from, to } = blockRange(page);
      const next = `${page.slice(0, from)}\n\n${rendered}\n\n${page.slice(to)}`;
      const options = (await resolveConfig(PAGE)) ?? {};
      writeFileSync(PAGE, await format(next, { ...options, filepath: PAGE }));
    }
    expect(normalise(block(readFileSync(PAGE, 'utf8')))).toBe(normalise(rendered));
  });
});
