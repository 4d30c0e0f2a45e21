#!/usr/bin/env node
/**
 * Makes sure the tests have the programs they drive before they start, so `npm ci && npm test` works on a
 * fresh machine: Debian's Chromium for the end-to-end tests (Playwright never downloads a browser here) and
 * zsh, which the completion test runs for real. For each tool named on the command line (`chromium`, `zsh`;
 * both when none is named): its path variable or its usual place; else, running as root where apt-get exists,
 * install the Debian package; else stop with the one command to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const TOOLS = {
  chromium: {
    label: 'Chromium',
    env: 'CHROMIUM_PATH',
    paths: ['/usr/bin/chromium'],
    purpose: 'end-to-end tests',
  },
  zsh: { label: 'zsh', env: 'ZSH_PATH', paths: ['/usr/bin/zsh', '/bin/zsh'], purpose: 'zsh completion test' },
};

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

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
let aptUpdated = false;

function ensure(pkg) {
  const tool = TOOLS[pkg];
  if (!tool) stop(`ensure-test-tools: unknown tool "${pkg}" (known: ${Object.keys(TOOLS).join(', ')})`);
  const chosen = process.env[tool.env];
  if (chosen) {
    if (!executable(chosen)) stop(`${tool.env} is set to ${chosen}, which is not an executable file.`);
    return;
  }
  if (tool.paths.some(executable)) return;
  if (isRoot && hasApt) {
    process.stdout.write(`${tool.label} is missing: installing Debian's ${pkg} for the ${tool.purpose}…\n`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const steps = [
      ...(aptUpdated ? [] : [['update', '-qq']]),
      ['install', '-y', '-qq', '--no-install-recommends', pkg],
    ];
    for (const args of steps) {
      const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
      if (result.status !== 0)
        stop(`apt-get ${args.join(' ')} failed. Install it yourself: apt-get install ${pkg}`);
    }
    aptUpdated = true;
    if (tool.paths.some(executable)) return;
    stop(`apt-get installed ${pkg}, but ${tool.paths[0]} is still missing. Set ${tool.env} to the program.`);
  }
  stop(
    hasApt
      ? `The ${tool.purpose} need ${tool.label}. Run: sudo apt-get install ${pkg}   (or set ${tool.env})`
      : `The ${tool.purpose} need ${tool.label}. Install it and set ${tool.env}=/path/to/${pkg}`,
  );
}

const wanted = process.argv.slice(2);
for (const pkg of wanted.length > 0 ? wanted : Object.keys(TOOLS)) ensure(pkg);
