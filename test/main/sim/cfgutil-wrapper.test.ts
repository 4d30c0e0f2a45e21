/**
 * The generated `cfgutil` is a `sh` wrapper that execs Node on a client module, or the app's own binary with its
 * cfgutil flag, so the binary's path may hold spaces (the packaged Mac app's does) and quotes.
 */
import { execFile } from 'node:child_process';
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { runCfgutil } from '../../../main/cfgutil/run-cfgutil';
import { cfgutilWrapper, shellQuote, SIM_CFGUTIL_FLAG } from '../../../main/sim/server/cfgutil-script';
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

const awkwardArgs = ['a b', "it's", '$(touch pwned)', '"q"', '*', '--format', ''];

/**
 * A stand-in for the packaged app's binary (RunAsNode fuse off): the real in-app cfgutil code
 * (main/sim/server/in-app-cfgutil.ts, what electron-main runs for the flag) bundled for plain Node. Without the
 * flag it would be a second app instance: exit 9.
 */
async function appBinaryStandIn(): Promise<string> {
  const bundle = path.join(await scratchDir(), 'in-app-cfgutil.mjs');
  const contents = [
    `import { inAppCfgutilRequest, runInAppCfgutil } from ${JSON.stringify(path.resolve('main/sim/server/in-app-cfgutil.ts'))};`,
    `const request = inAppCfgutilRequest(process.argv.slice(2));`,
    `if (!request) { process.stderr.write('would open a second window\\n'); process.exit(9); }`,
    `const end = await runInAppCfgutil(request, process.cwd(), process);`,
    `if (end.kind === 'crash') process.kill(process.pid, end.signal); else process.exitCode = end.code;`,
  ].join('\n');
  await build({
    stdin: { contents, resolveDir: process.cwd() },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'silent',
  });
  return script(
    path.join(await awkwardDir(), 'Enroll Bench'),
    [
      `[ -z "$ELECTRON_RUN_AS_NODE" ] || { echo 'the fuse ignores ELECTRON_RUN_AS_NODE' >&2; exit 8; }`,
      `exec ${shellQuote(process.execPath)} ${shellQuote(bundle)} "$@"`,
    ].join('\n'),
  );
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
    const socketPath = path.join(dir, "it's the world.sock");
    const wrapper = await script(
      path.join(dir, 'cfgutil'),
      cfgutilWrapper({ kind: 'node', nodePath: printArgs }, { socketPath, clientPath: client }),
    );
    const { stdout } = await run(wrapper, awkwardArgs, { cwd: dir });
    expect(stdout.split('\n').slice(0, -1)).toEqual([client, ...awkwardArgs]);
  });

  it('starts the app binary with the flag, the socket and -- before the arguments (app folder first when unpackaged)', async () => {
    const dir = await awkwardDir();
    const printArgs = await script(
      path.join(dir, "Enroll Bench 'dev'"),
      `for a in "$@"; do printf '%s\\n' "$a"; done`,
    );
    const socketPath = path.join(dir, "it's the world.sock");
    const appFolder = path.join(dir, "my app's folder");
    const paths = { socketPath, clientPath: path.join(dir, 'unused.mjs') };
    const packaged = await script(
      path.join(dir, 'cfgutil'),
      cfgutilWrapper({ kind: 'app', binaryPath: printArgs, leadingArgs: [] }, paths),
    );
    expect((await run(packaged, awkwardArgs)).stdout.split('\n').slice(0, -1)).toEqual([
      SIM_CFGUTIL_FLAG,
      socketPath,
      '--',
      ...awkwardArgs,
    ]);
    const unpackaged = await script(
      path.join(dir, 'cfgutil-dev'),
      cfgutilWrapper({ kind: 'app', binaryPath: printArgs, leadingArgs: [appFolder] }, paths),
    );
    expect((await run(unpackaged, ['list'])).stdout.split('\n').slice(0, -1)).toEqual([
      appFolder,
      SIM_CFGUTIL_FLAG,
      socketPath,
      '--',
      'list',
    ]);
  });

  it('runs `cfgutil --format JSON list` through the app binary at a path with spaces and a quote, without ELECTRON_RUN_AS_NODE', async () => {
    const app = await appBinaryStandIn();
    const handle = await fastWorld({
      devices: 2,
      launcher: { kind: 'app', binaryPath: app, leadingArgs: [] },
    });
    const result = await runCfgutil(handle.cfgutilPath, ['--format', 'JSON', 'list']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ Type: 'CommandOutput', Devices: expect.any(Array) });
    expect(JSON.parse(result.stdout).Devices).toHaveLength(2);
    // No client module: the app's binary runs its own code, never a script named on its command line.
    await expect(
      readFile(path.join(path.dirname(handle.cfgutilPath), 'cfgutil-client.mjs')),
    ).rejects.toThrow();
  });

  it('quotes for sh so that only a single quote needs escaping', () => {
    expect(shellQuote(`/a b/it's $HOME "x"`)).toBe(`'/a b/it'\\''s $HOME "x"'`);
  });
});
