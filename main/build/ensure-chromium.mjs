#!/usr/bin/env node
/**
 * Makes sure the end-to-end tests have a Chromium before they start, so `npm ci && npm test` works on a
 * fresh machine: CHROMIUM_PATH, else /usr/bin/chromium; else, running as root where apt-get exists, install
 * Debian's `chromium`; else stop with the one command to run. Playwright never downloads a browser here.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT = '/usr/bin/chromium';

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function stop(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const chosen = process.env.CHROMIUM_PATH;
if (chosen) {
  if (!executable(chosen)) stop(`CHROMIUM_PATH is set to ${chosen}, which is not an executable file.`);
  process.exit(0);
}
if (executable(DEFAULT)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  process.stdout.write("Chromium is missing: installing Debian's chromium for the end-to-end tests…\n");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', '--no-install-recommends', 'chromium'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0)
      stop(`apt-get ${args.join(' ')} failed. Install it yourself: apt-get install chromium`);
  }
  if (executable(DEFAULT)) process.exit(0);
  stop(`apt-get installed chromium, but ${DEFAULT} is still missing. Set CHROMIUM_PATH to the browser.`);
}
stop(
  hasApt
    ? 'The end-to-end tests need Chromium. Run: sudo apt-get install chromium   (or set CHROMIUM_PATH)'
    : 'The end-to-end tests need Chromium. Install it and set CHROMIUM_PATH=/path/to/chromium',
);
