/**
 * `enroll-bench intune …` end to end: the CLI runs in child processes (built once with esbuild, as the
 * launcher does) against the fake Intune on loopback, sharing a data folder as real runs would.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IntuneService } from '../../../main/intune/intune-service';
import { ProfileService } from '../../../main/profiles/profile-service';
import type { FakeIntune } from '../../../main/sim/intune/fake-intune';
import { fakeJwt, startFake, writeTokenFile } from '../intune/intune-fixtures';
import { makeWorkDir } from '../profiles/profile-fixtures';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let runner: string;
let fake: FakeIntune;
let token: string;
let tokenFile: string;
let dataDir: string;
let transcript: string;

beforeAll(async () => {
  work = await makeWorkDir();
  await build({
    entryPoints: [path.join(root, 'main/cli/cli.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['electron', 'usb'],
    outfile: path.join(work.dir, 'cli.mjs'),
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  runner = path.join(work.dir, 'run.mjs');
  await writeFile(
    runner,
    "import { runCli } from './cli.mjs';\nprocess.exitCode = await runCli(process.argv.slice(2));\n",
  );
  token = fakeJwt(Date.now() + 3600_000);
  tokenFile = await writeTokenFile(work.dir, token);
  fake = await startFake(token);
}, 60_000);
afterAll(async () => {
  await fake.close();
  await work.cleanup();
});

let n = 0;
beforeEach(async () => {
  dataDir = path.join(work.dir, `data-${++n}`);
  transcript = '';
  fake.clearFaults();
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const env = { ...process.env, ENROLL_BENCH_DATA: dataDir, ENROLL_BENCH_GRAPH_URL: fake.url };
  const result = await run(process.execPath, [runner, 'intune', ...args], { env, timeout: 30_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, out: stdout, err: stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      out: e.stdout ?? '',
      err: e.stderr ?? '',
    }),
  );
  transcript += result.out + result.err;
  return result;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('enroll-bench intune (child processes against the fake Intune)', () => {
  it('connect --token-file, status, profiles, pull: the profile is saved, and no token is in any file or output', async () => {
    const connect = await cli('connect', '--token-file', tokenFile);
    expect(connect.code).toBe(0);
    expect(connect.out).toMatch(/it expires \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    const status = JSON.parse((await cli('status', '--json')).out);
    expect(status).toMatchObject({ connected: true, mode: 'token-file', refreshDays: 7 });

    const profiles = JSON.parse((await cli('profiles', '--json')).out).profiles;
    expect(profiles.map((p: { name: string }) => p.name)).toEqual([
      'iPad carts (SCEP)',
      'Loaner iPhones (ACME)',
      'Staff iPhones (with user)',
    ]);
    expect((await cli('profiles')).out).toMatch(/NOT USABLE {2}Staff iPhones/);

    const pull = await cli('pull', '--profile', 'Loaner iPhones (ACME)', '--json');
    expect(pull.code).toBe(0);
    const pulled = JSON.parse(pull.out);
    expect(pulled).toMatchObject({
      pulled: true,
      form: 'base64-xml',
      profile: { variant: 'acme', origin: { profileName: 'Loaner iPhones (ACME)' } },
    });
    const text = await cli('status');
    expect(text.out).toMatch(/Profile: +Loaner iPhones \(ACME\)/);

    // The app reads the same data folder.
    const restored = await new ProfileService({ dataDir }).restore();
    expect(restored?.sha256).toBe(pulled.profile.sha256);

    const marker = 'SECRET-TOKEN-MARKER';
    expect(transcript).not.toContain(marker);
    for (const file of await filesUnder(dataDir)) {
      const bytes = await readFile(file);
      expect(bytes.includes(Buffer.from(marker)), file).toBe(false);
    }
    expect((await cli('disconnect')).code).toBe(0);
    expect(JSON.parse((await cli('status', '--json')).out)).toMatchObject({ connected: false });
  });

  it('a fault ends in words and exit 1, and the pulled profile stays', async () => {
    await cli('connect', '--token-file', tokenFile);
    const first = JSON.parse((await cli('pull', '--profile', 'iPad carts (SCEP)', '--json')).out);
    fake.fail('missing-scope');
    const refused = await cli('pull');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /lacks a Graph permission.*DeviceManagementServiceConfig\.Read\.All.*Activity ID [0-9a-f-]{36}/,
    );
    expect((await new ProfileService({ dataDir }).restore())?.sha256).toBe(first.profile.sha256);
    expect((await cli('status')).out).toMatch(/WARNING: Refreshing the Intune profile failed/);
  });

  it('refresh: nothing when fresh; pulls when the Intune copy is 7 days old, keeping its age for unchanged bytes', async () => {
    await cli('connect', '--token-file', tokenFile);
    // An earlier pull, eight days ago, written by the same services the CLI uses.
    const eightDaysAgo = Date.now() - 8 * 24 * 3600_000;
    const profiles = new ProfileService({ dataDir, now: () => new Date(eightDaysAgo) });
    await new IntuneService({
      dataDir,
      profiles,
      env: { ENROLL_BENCH_GRAPH_URL: fake.url },
      now: () => eightDaysAgo,
    }).pull('iPad carts (SCEP)');

    const refresh = JSON.parse((await cli('refresh', '--json')).out);
    expect(refresh).toMatchObject({ pulled: true, status: { lastPull: { unchanged: true } } });
    const current = await new ProfileService({ dataDir }).restore();
    expect(current?.age?.ageDays).toBe(8);
    const again = await cli('refresh');
    expect(again.out).toMatch(/Nothing to do/);
  });

  it('refuses an expired token file and a usage error with exit codes 1 and 2', async () => {
    const old = path.join(work.dir, 'old-token.txt');
    await writeFile(old, fakeJwt(Date.now() - 60_000), { mode: 0o600 });
    const expired = await cli('connect', '--token-file', old);
    expect(expired.code).toBe(1);
    expect(expired.err).toMatch(/has expired.*It expired at/);
    expect((await cli('connect', '--cloud', 'mars', '--token-file', old)).code).toBe(2);
    expect((await cli('connect', '--tenant', 't', '--client-id', 'c', '--cloud', 'china')).err).toMatch(
      /not confirmed yet/,
    );
  });
});
