/**
 * The real `enroll-bench` entry (runCliProcess, as main/bin/enroll-bench.mjs calls it) bundled once into the
 * temporary folder and run as a child process, so a test sees exactly the bytes a terminal would and the
 * process-level handlers are the real ones.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let bundled: Promise<string> | undefined;

function bundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'eb-cli-child-'));
    const outfile = path.join(dir, 'cli.mjs');
    // The CLI finds its package folder by package.json (main/cli/package-root.ts): `serve` runs from here.
    await writeFile(path.join(dir, 'package.json'), '{"type": "module"}\n');
    await build({
      stdin: {
        contents: `import { runCliProcess } from './main/cli/cli';\nprocess.exitCode = await runCliProcess(process.argv.slice(2));\n`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      external: ['electron', 'usb'],
      logLevel: 'silent',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
    return outfile;
  })();
  return bundled;
}

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunningChild {
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<ChildResult>;
  kill(signal?: NodeJS.Signals): void;
}

export async function startCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunningChild> {
  const file = await bundle();
  const child = spawn(process.execPath, [file, ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const exited = new Promise<ChildResult>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { stdout: () => stdout, stderr: () => stderr, exited, kill: (signal) => void child.kill(signal) };
}

export async function runCliChild(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<ChildResult> {
  return (await startCli(args, env)).exited;
}
