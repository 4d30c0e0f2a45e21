/**
 * The suite's measured figures, printed and kept in `$TMPDIR/reliability-figures/` so the README's numbers
 * come from a run rather than from memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dir = path.join(os.tmpdir(), 'reliability-figures');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`[reliability] ${name}: ${JSON.stringify(figures)}`);
}
