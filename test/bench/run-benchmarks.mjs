#!/usr/bin/env node
/**
 * `npm run bench`: every figure of issue 13 on the simulator, then vitest's micro-benchmarks, and a table.
 *
 *   npm run bench                      all figures (under 10 minutes on 2 cores) and the vitest benches
 *   npm run bench -- --quick           the reduced set CI runs (under 2 minutes), no vitest benches
 *   npm run bench -- --json FILE       also write the records: [{name, value, unit, target, met, note}]
 *   npm run bench -- --only idle,ui    only the figures whose file names start with these
 *   npm run bench -- test/bench/x.bench.ts   one vitest bench file, as before (passed to `vitest bench --run`)
 *
 * Each figure is a TypeScript script in test/bench/figures/*.figure.ts. They are bundled with esbuild into
 * test-results/bench/figures/ and each runs in a fresh Node process of its own, so one figure's memory and
 * CPU never count in another's, and the process measured is the bench's code and nothing else (no test
 * runner). A figure appends one JSON line per record to the file named by BENCH_FIGURES_OUT.
 *
 * Figures are printed, never asserted: the exit code is 0 whether or not a target is met (the machines are
 * noisy). It is 1 only when a figure script itself fails, so a broken benchmark does not pass unseen.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const figuresDir = path.join(root, 'test/bench/figures');
const outDir = path.join(root, 'test-results/bench/figures');

/** In run order; `quick` = part of the CI set. The slow ones last, so the quick ones report first. */
const FIGURES = [
  { file: 'profile-checks', quick: true, timeoutS: 120 },
  { file: 'line-splitter', quick: true, timeoutS: 120 },
  { file: 'frame-bounds', quick: true, timeoutS: 60 },
  { file: 'file-bounds', quick: true, timeoutS: 120 },
  { file: 'detection', quick: true, timeoutS: 180 },
  { file: 'arrival-stall', quick: false, timeoutS: 120 },
  { file: 'idle', quick: true, timeoutS: 150 },
  { file: 'log-scale', quick: false, timeoutS: 180 },
  { file: 'cart-overhead', quick: true, timeoutS: 420 },
  { file: 'memory', quick: true, timeoutS: 300 },
  { file: 'ui-scale', quick: true, timeoutS: 240 },
];

function parseArgs(argv) {
  const options = { quick: false, json: undefined, only: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--json') options.json = argv[++i];
    else if (arg === '--only') options.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.json === '') throw new Error('--json needs a file name');
  return options;
}

const vitestBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
  'vitest.mjs',
);

function run(command, args, { env = process.env, timeoutS } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
    const timer = timeoutS
      ? setTimeout(() => {
          process.stderr.write(`  timed out after ${timeoutS} s; stopping it\n`);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        }, timeoutS * 1000)
      : undefined;
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function bundle(names) {
  const { build } = await import('esbuild');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    entryPoints: Object.fromEntries(names.map((n) => [n, path.join(figuresDir, `${n}.figure.ts`)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    jsx: 'automatic',
  });
}

function pad(text, width) {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function printTable(records) {
  const rows = records.map((r) => [
    r.met ? ' ' : '✗',
    r.name,
    `${r.value} ${r.unit}`,
    r.target === 'none' ? '' : `${r.target} ${r.unit}`,
    r.load === undefined ? '' : String(r.load),
  ]);
  const widths = [1, 0, 0, 0, 4].map((w, i) => Math.max(w, ...rows.map((row) => row[i].length)));
  const header = ['', 'figure', 'value', 'target', 'load'];
  console.log('\n' + header.map((h, i) => pad(h, widths[i])).join('  '));
  for (const row of rows) console.log(row.map((c, i) => pad(c, widths[i])).join('  '));
  const missed = records.filter((r) => !r.met).length;
  console.log(`\n${records.length} figures, ${missed} target${missed === 1 ? '' : 's'} missed (✗).`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
    return 0;
  }
  if (options.files.length > 0) return run(process.execPath, [vitestBin, 'bench', '--run', ...options.files]);

  const started = Date.now();
  const chosen = FIGURES.filter(
    (f) =>
      existsSync(path.join(figuresDir, `${f.file}.figure.ts`)) &&
      (options.only ? options.only.some((o) => f.file.startsWith(o)) : !options.quick || f.quick),
  );
  await bundle(chosen.map((f) => f.file));
  const tmp = process.env.TMPDIR ?? os.tmpdir();
  const recordsFile = path.join(outDir, 'records.jsonl');
  writeFileSync(recordsFile, '');
  const failed = [];
  for (const f of chosen) {
    console.log(`\n▶ ${f.file}${options.quick ? ' (quick)' : ''}`);
    const t0 = Date.now();
    const code = await run(
      process.execPath,
      ['--expose-gc', path.join(outDir, `${f.file}.mjs`), ...(options.quick ? ['--quick'] : [])],
      { env: { ...process.env, TMPDIR: tmp, BENCH_FIGURES_OUT: recordsFile }, timeoutS: f.timeoutS },
    );
    console.log(
      `  ${code === 0 ? 'done' : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (code !== 0) failed.push(f.file);
  }
  if (!options.quick && !options.only) {
    console.log('\n▶ vitest micro-benchmarks (test/bench/*.bench.ts)');
    if ((await run(process.execPath, [vitestBin, 'bench', '--run'])) !== 0) failed.push('vitest bench');
  }
  const records = readFileSync(recordsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  printTable(records);
  console.log(
    `Ran in ${((Date.now() - started) / 1000).toFixed(0)} s on ${os.cpus().length} cores, Node ${process.versions.node}, ${os.platform()}; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}.`,
  );
  if (options.json) {
    writeFileSync(options.json, JSON.stringify(records, null, 2) + '\n');
    console.log(`Records written to ${options.json}.`);
  }
  if (failed.length > 0) {
    console.error(`Figure scripts that failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`npm run bench: ${error.message}`);
    console.error('usage: npm run bench [-- --quick] [--json FILE] [--only NAME,...] [FILE.bench.ts ...]');
    process.exitCode = 2;
  },
);
