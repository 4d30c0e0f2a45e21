#!/usr/bin/env node
// The `enroll-bench` command. Runs the built CLI from dist/, building first when dist/ is missing or older
// than any source file, so the command works straight after `npm ci` and stays current while developing.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const stampFile = path.join(root, 'dist/.build-stamp');

function newestSourceTime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else if (/\.(tsx?|mjs|html|css)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  if (!existsSync(stampFile)) return true;
  if (!existsSync(path.join(root, 'main'))) return false; // installed without sources: trust dist/
  const builtAt = Number(readFileSync(stampFile, 'utf8'));
  return ['main', 'preload', 'renderer'].some((dir) => newestSourceTime(path.join(root, dir)) > builtAt);
}

let cli;
try {
  if (needsBuild()) {
    const { buildAll } = await import(pathToFileURL(path.join(root, 'main/build/build.mjs')).href);
    await buildAll({ quiet: true });
  }
  cli = await import(pathToFileURL(path.join(root, 'dist/main/cli.mjs')).href);
} catch (error) {
  // Words, not a stack trace, even before the CLI itself is loaded (exit 4: the bench could not run).
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(
    `enroll-bench: the command could not be built or loaded (${why.replace(/[^\x20-\x7e]/g, '?')}).\n`,
  );
  process.exit(4);
}
process.exitCode = await cli.runCliProcess(process.argv.slice(2));
