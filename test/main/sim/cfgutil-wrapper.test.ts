/**
 * The generated `cfgutil` is a `sh` wrapper that execs Node on a client module, so the Node binary's path may hold
 * spaces (the packaged Mac app's does) and quotes.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { cfgutilWrapper, shellQuote } from '../../../main/sim/server/cfgutil-script';
import { cfgutil, fastWorld, json, scratchDir } from './sim-test-kit';

const run = promisify(execFile);

/** A folder shaped like the packaged app's, with a single quote thrown in. */
async function awkwardDir(): Promise<string> {
  const dir = path.join(await scratchDir(), "Enroll Bench's.app", 'Contents', 'MacOS');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Writes an executable `sh` script (its own path may have spaces: only the interpreter's may not). */
async function script(file: string, body: string): Promise<string> {
  await writeFile(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  await chmod(file, 0o755);
  return file;
}

describe('the generated cfgutil wrapper', () => {
  it('runs `cfgutil --format JSON list` through a Node path with spaces and a quote', async () => {
    const node = path.join(await awkwardDir(), 'Enroll Bench');
    await symlink(process.execPath, node);
    const handle = await fastWorld({ devices: 1, nodePath: node });
    const result = await cfgutil(handle, ['--format', 'JSON', 'list']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(json(result).Devices).toEqual([handle.world.list()[0]?.ecid]);
    expect(await readFile(handle.cfgutilPath, 'utf8')).toMatch(/^#!\/bin\/sh\n/);
  });

  it('passes every argument through verbatim, after the client path', async () => {
    const dir = await awkwardDir();
    const printArgs = await script(
      path.join(dir, "print 'args'"),
      `for a in "$@"; do printf '%s\\n' "$a"; done`,
    );
    const client = path.join(dir, "it's the client.mjs");
    const wrapper = await script(path.join(dir, 'cfgutil'), cfgutilWrapper(printArgs, client));
    const args = ['a b', "it's", '$(touch pwned)', '"q"', '*', '--format', ''];
    const { stdout } = await run(wrapper, args, { cwd: dir });
    expect(stdout.split('\n').slice(0, -1)).toEqual([client, ...args]);
  });

  it('keeps ELECTRON_RUN_AS_NODE in the environment of the binary it starts', async () => {
    // Stands in for the Electron binary: refuses to act as Node unless told to, like Electron.
    const electron = await script(
      path.join(await awkwardDir(), 'Enroll Bench'),
      `[ "$ELECTRON_RUN_AS_NODE" = 1 ] || { echo 'would open a window' >&2; exit 9; }\nexec ${shellQuote(process.execPath)} "$@"`,
    );
    const handle = await fastWorld({ devices: 2, nodePath: electron });
    const asNode = await runCfgutil(handle.cfgutilPath, ['--format', 'JSON', 'list'], {
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    expect(asNode.exitCode).toBe(0);
    expect(JSON.parse(asNode.stdout)).toMatchObject({ Type: 'CommandOutput', Devices: expect.any(Array) });
    const plain = await runCfgutil(handle.cfgutilPath, ['list']);
    expect(plain.exitCode).toBe(9);
  });

  it('quotes for sh so that only a single quote needs escaping', () => {
    expect(shellQuote(`/a b/it's $HOME "x"`)).toBe(`'/a b/it'\\''s $HOME "x"'`);
  });
});
