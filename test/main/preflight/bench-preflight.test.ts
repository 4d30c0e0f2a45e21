import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../../preload/preflight-domain';
import { createBench, type Bench } from '../../../main/app/create-bench';

/**
 * The checklist of a whole simulated bench: the version comes from the simulated cfgutil executable through
 * the real client, "online" from the simulated world, leftovers from the stand-in folder in the data folder.
 */
describe('the preflight checks of a simulated bench', () => {
  let bench: Bench | undefined;
  afterEach(async () => {
    await bench?.close();
    bench = undefined;
  });

  it('asks the simulated cfgutil its version and the world whether it is online', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-bench-preflight-'));
    bench = await createBench({ simulate: true, dataDir, timeScale: 0.01, platform: 'linux', log: () => {} });
    const result = await bench.host.dispatch('getPreflight', []);
    expect(result.ok).toBe(true);
    const report = (result as { value: PreflightReport }).value;
    const line = (id: string) => report.checks.find((c) => c.id === id);
    expect(line('cfgutil-found')?.status).toBe('warning');
    expect(line('cfgutil-version')).toMatchObject({
      status: 'ok',
      sentence: expect.stringMatching(/^The simulated cfgutil reports version \d/),
    });
    expect(line('mac-online')).toMatchObject({
      status: 'ok',
      sentence: expect.stringContaining('simulated world'),
    });
    expect(line('supervision-identity')?.status).toBe('problem');
    expect(report.leftovers).toMatchObject({
      folder: path.join(dataDir, 'simulator', 'cfgutil-temp'),
      simulated: true,
      items: [],
    });
    const settings = await bench.host.dispatch('getSettings', []);
    expect(settings).toMatchObject({ ok: true, value: { settings: { concurrency: 8 } } });
  });
});
