/**
 * Intune through the one composition (createBench, what `serve` and the app use): with `--simulate
 * --fake-intune` the whole flow runs over the dispatcher against the fake Intune, the pulled profile becomes
 * the bench's, and afterwards no file in the data folder (diagnostics log included) holds the token.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBench, type Bench } from '../../../main/app/create-bench';
import { parseAppFlags } from '../../../main/cli/app-flags';
import { UsageError } from '../../../main/text/parse-flags';
import type { IntuneProfileView, IntuneStatusView } from '../../../preload/intune-domain';
import { makeWorkDir } from '../profiles/profile-fixtures';

let bench: Bench | undefined;
let work: Awaited<ReturnType<typeof makeWorkDir>> | undefined;
afterEach(async () => {
  await bench?.close();
  await work?.cleanup();
  bench = undefined;
});

describe('createBench with the fake Intune', () => {
  it('connects, lists and pulls over the dispatcher; the profile gate sees the pulled profile', async () => {
    work = await makeWorkDir();
    bench = await createBench({ simulate: true, fakeIntune: true, dataDir: work.dir, timeScale: 0.01 });
    const d = bench.host.dispatch;
    const connected = await d('connectIntune', [
      { tenantId: 'contoso.example', clientId: 'abc', cloud: 'global' },
    ]);
    expect(connected).toMatchObject({ ok: true, value: { connected: true, mode: 'simulated' } });
    const listed = await d('listIntuneProfiles', []);
    const list = (listed.ok ? listed.value : []) as IntuneProfileView[];
    const refused = await d('pullIntuneProfile', [{ profileId: list.find((p) => p.userAffinity)!.id }]);
    expect(refused).toMatchObject({
      ok: false,
      error: { title: expect.stringMatching(/cannot be used for direct enrollment/) },
    });
    const pulled = await d('pullIntuneProfile', [{ profileId: list[0]!.id }]);
    expect(pulled.ok).toBe(true);
    expect(bench.profiles.current()?.origin?.profileName).toBe('iPad carts (SCEP)');
    expect(bench.profiles.canStartRun().ok).toBe(true);
    const status = await d('getIntuneStatus', []);
    expect((status.ok ? status.value : undefined) as IntuneStatusView).toMatchObject({
      selected: { name: 'iPad carts (SCEP)' },
    });
    expect(await d('pullIntuneProfile', [{ profileId: '../../etc' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    await bench.close();
    bench = undefined;

    // The simulated token is `simulated-<32 hex>`; Graph request ids are logged, the token never.
    const files = await readdir(work.dir, { withFileTypes: true, recursive: true });
    let logged = 0;
    for (const f of files.filter((e) => e.isFile())) {
      const text = await readFile(path.join(f.parentPath, f.name), 'latin1');
      expect(text, f.name).not.toMatch(/simulated-[0-9a-f]{32}/);
      expect(text, f.name).not.toMatch(/Bearer /);
      if (text.includes('intune.graph')) logged++;
    }
    expect(logged).toBeGreaterThan(0);
  });

  it('--fake-intune needs --simulate', () => {
    expect(parseAppFlags(['--simulate', '--fake-intune']).fakeIntune).toBe(true);
    expect(() => parseAppFlags(['--fake-intune'])).toThrow(UsageError);
  });
});
