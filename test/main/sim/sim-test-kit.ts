/**
 * Shared helpers for the simulator tests: start a fast world, spawn its real cfgutil executable with an
 * argument array (never a shell), and write fixture files (certificates, profiles).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'plist';
import { afterEach } from 'vitest';
import { startSimulatedWorld, type SimWorldHandle, type StartOptions } from '../../../main/sim/index';

export interface CfgutilRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A world at 1/1000 speed that is closed after the test. */
export async function fastWorld(options: StartOptions = {}): Promise<SimWorldHandle> {
  const handle = await startSimulatedWorld({ timeScale: 0.001, seed: 42, ...options });
  cleanups.push(() => handle.close());
  return handle;
}

/** A private scratch directory removed after the test. */
export async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sim-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Spawns the executable and resolves with everything it printed, whatever its exit code. */
export function cfgutil(
  handle: SimWorldHandle,
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CfgutilRun> {
  return new Promise((resolve) => {
    execFile(
      handle.cfgutilPath,
      [...args],
      { cwd: options.cwd, timeout: options.timeoutMs ?? 10_000, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const failure = error as
          (NodeJS.ErrnoException & { code?: number | string; signal?: NodeJS.Signals }) | null;
        const code = failure ? (typeof failure.code === 'number' ? failure.code : null) : 0;
        resolve({ code, signal: failure?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** Parses stdout as one JSON value. */
export function json(run: CfgutilRun): Record<string, unknown> {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

/** A fake supervision identity: DER-looking certificate and key files. */
export async function identityFiles(
  dir: string,
  label = 'org',
): Promise<{ cert: string; key: string; certBytes: Buffer }> {
  const certBytes = Buffer.from(`0\u0082cert-${label}-${Math.random()}`);
  const cert = path.join(dir, `${label}-cert.der`);
  const key = path.join(dir, `${label}-key.der`);
  await writeFile(cert, certBytes);
  await writeFile(key, Buffer.from(`0\u0082key-${label}`));
  return { cert, key, certBytes };
}

/** Writes an XML `.mobileconfig` with the given payload types (and extra keys on the first payload). */
export async function profileFile(
  dir: string,
  identifier: string,
  payloadTypes: readonly string[],
  firstPayloadExtras: Record<string, boolean | string> = {},
): Promise<string> {
  const file = path.join(dir, `${identifier}.mobileconfig`);
  const content = payloadTypes.map((type, i) => ({
    PayloadType: type,
    PayloadIdentifier: `${identifier}.p${i}`,
    PayloadUUID: `00000000-0000-0000-0000-00000000000${i}`,
    PayloadVersion: 1,
    ...(i === 0 ? firstPayloadExtras : {}),
  }));
  const xml = build({
    PayloadType: 'Configuration',
    PayloadIdentifier: identifier,
    PayloadDisplayName: `Profile ${identifier}`,
    PayloadUUID: 'AAAAAAAA-0000-0000-0000-000000000000',
    PayloadVersion: 1,
    PayloadContent: content,
  });
  await writeFile(file, xml);
  return file;
}

/** The first progress line of a one-step action in text mode (S13, §12). */
export const WAITING_1_OF_1 =
  'Waiting for the device [1/1] [*******************************************]  100%\n';
