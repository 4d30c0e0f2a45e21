import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'plist';
import { afterEach } from 'vitest';
import {
  type CfgutilClient,
  type SupervisionIdentity,
  createCfgutilClient,
} from '../../../main/cfgutil/cfgutil-client';
import type { CfgutilRun } from '../../../main/cfgutil/run-cfgutil';
import { type SimWorldHandle, type StartOptions, startSimulatedWorld } from '../../../main/sim/index';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export interface Bench {
  readonly handle: SimWorldHandle;
  readonly client: CfgutilClient;
  readonly runs: CfgutilRun[];
  readonly dir: string;
}

/** A simulated world (1 simulated second = `timeScale` real seconds) and the real client pointed at its cfgutil. */
export async function simBench(options: StartOptions = {}): Promise<Bench> {
  const handle = await startSimulatedWorld({ timeScale: 0.001, seed: 7, ...options });
  cleanups.push(() => handle.close());
  const dir = await mkdtemp(join(tmpdir(), 'bench-sim-client-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const runs: CfgutilRun[] = [];
  const client = createCfgutilClient({ cfgutilPath: handle.cfgutilPath, onRun: (run) => runs.push(run) });
  return { handle, client, runs, dir };
}

/** A supervision identity as two files, and the certificate bytes the world uses to recognise it. */
export async function identityIn(
  dir: string,
  label = 'org',
): Promise<SupervisionIdentity & { certBytes: Buffer }> {
  const certBytes = Buffer.from(`0\u0082certificate-${label}`);
  const certPath = join(dir, `${label}.der`);
  const keyPath = join(dir, `${label}.key.der`);
  await writeFile(certPath, certBytes);
  await writeFile(keyPath, Buffer.from(`0\u0082key-${label}`));
  return { certPath, keyPath, certBytes };
}

/** An XML `.mobileconfig` with the given payload types; extras go on the first payload. */
export async function profileIn(
  dir: string,
  identifier: string,
  payloadTypes: readonly string[],
  extras: Record<string, boolean> = {},
): Promise<string> {
  const path = join(dir, `${identifier}.mobileconfig`);
  const content = payloadTypes.map((type, i) => ({
    PayloadType: type,
    PayloadIdentifier: `${identifier}.${i}`,
    PayloadUUID: `00000000-0000-0000-0000-00000000000${i}`,
    PayloadVersion: 1,
    ...(i === 0 ? extras : {}),
  }));
  await writeFile(
    path,
    build({
      PayloadType: 'Configuration',
      PayloadIdentifier: identifier,
      PayloadDisplayName: identifier,
      PayloadUUID: 'AAAAAAAA-0000-0000-0000-000000000000',
      PayloadVersion: 1,
      PayloadContent: content,
    }),
  );
  return path;
}

/** Polls `check` until it is true (real time), failing after `limitMs`. */
export async function eventually(check: () => boolean, limitMs = 5_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export { rejectsWith } from './rejects-with';
