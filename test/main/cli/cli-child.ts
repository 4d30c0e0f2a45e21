/**
 * The real `enroll-bench` entry (runCliProcess, as main/bin/enroll-bench.mjs calls it) bundled once into the
 * temporary folder and run as a child process, so a test sees exactly the bytes a terminal would and the
 * process-level handlers are the real ones.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import { bundleCli } from '../../reliability/cli-bundle';

let bundled: Promise<string> | undefined;

/** Bundled once per test file. */
function bundle(): Promise<string> {
  bundled ??= bundleCli();
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
