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

if (needsBuild()) {
  const { buildAll } = await import(pathToFileURL(path.join(root, 'main/build/build.mjs')).href);
  await buildAll({ quiet: true });
}
const { runCli } = await import(pathToFileURL(path.join(root, 'dist/main/cli.mjs')).href);
process.exitCode = await runCli(process.argv.slice(2));
