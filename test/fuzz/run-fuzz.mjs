#!/usr/bin/env node
/**
 * `npm run fuzz -- --runs N [--seed S]`: the property-based suites in test/fuzz/ with N runs each (default
 * 10,000) and no practical time limit. CI runs the same suites with a few hundred runs as part of `vitest run`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args[at + 1];
};
const runs = Number(option('--runs', '10000'));
const seed = option('--seed', undefined);
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error('usage: npm run fuzz -- --runs N [--seed S]');
  process.exit(2);
}
const vitest = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);
const env = { ...process.env, FUZZ_RUNS: String(runs), ...(seed === undefined ? {} : { FUZZ_SEED: seed }) };
const child = spawn(process.execPath, [vitest, 'run', 'test/fuzz', '--testTimeout', String(24 * 3600_000)], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
