import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli';
import { runProfileImportCommand } from '../../../main/cli/profile-import-command';
import { ProfileService } from '../../../main/profiles/profile-service';
import { CHALLENGE, makeWorkDir, profileDict, wifiOnlyDict, xmlBytes } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});

async function importFile(
  name: string,
  bytes: Uint8Array | undefined,
  extra: string[] = [],
  dataDir?: string,
) {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'eb-cli-profile-')));
  const file = path.join(work.dir, name);
  if (bytes) await writeFile(file, bytes);
  let out = '';
  let err = '';
  const code = await runProfileImportCommand([file, ...extra], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    env: { ENROLL_BENCH_DATA: dir },
  });
  return { code, out, err, dataDir: dir };
}

describe('profile import', () => {
  it('saves a usable profile into the data folder, where the app finds it, without printing its secrets', async () => {
    const r = await importFile('Contoso.mobileconfig', xmlBytes(profileDict()), ['--json']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.out);
    expect(printed).toMatchObject({ saved: true, profile: { fileName: 'Contoso.mobileconfig' } });
    expect(r.out + r.err).not.toContain(CHALLENGE);
    const restored = await new ProfileService({ dataDir: r.dataDir }).restore();
    expect(restored).toMatchObject({ fileName: 'Contoso.mobileconfig', sha256: printed.profile.sha256 });
  });

  it('refuses a profile without MDM, saves nothing and keeps the current one', async () => {
    const good = await importFile('Contoso.mobileconfig', xmlBytes(profileDict()));
    const r = await importFile('wifi.mobileconfig', xmlBytes(wifiOnlyDict()), [], good.dataDir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/REFUSED/);
    expect(r.err).toMatch(/refused and not saved/);
    expect(await new ProfileService({ dataDir: good.dataDir }).restore()).toMatchObject({
      fileName: 'Contoso.mobileconfig',
    });
  });

  it('exits 2 for a file that cannot be read, and for a usage error through the CLI', async () => {
    const r = await importFile('missing.mobileconfig', undefined);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/missing\.mobileconfig: there is no file at that path/);
    const errors: string[] = [];
    const io = { out: () => {}, err: (t: string) => void errors.push(t), env: {} };
    expect(await runCli(['profile', 'import'], io)).toBe(2);
    expect(errors.join('\n')).toMatch(/usage: enroll-bench profile import FILE/);
  });
});
