/**
 * Only iPhones and iPads get jobs (issue 20 item 4): a Mac in DFU and an Apple TV that `cfgutil list` shows
 * are skipped as "not a bench device", an iPhone in Recovery as "in Recovery", and none of them gets any
 * command beyond `list`, while a booted iPhone beside them goes through the workflow.
 */
import { describe, expect, it } from 'vitest';
import { sameEcid } from '../../../main/cfgutil/ecid';
import { jobOf, jobsBench, until } from './jobs-sim-harness';

describe('devices that are not bench devices', () => {
  it('are skipped with their reason and get no command, beside a device that is prepared', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const mac = bench.handle.world.attachForeign();
    const tv = bench.handle.world.attachForeign({
      deviceType: 'AppleTV11,1',
      name: 'Lobby',
      udid: '00008020-000A1B2C3D4E5F60',
    });
    const recovering = bench.handle.world.attach({ bootedState: 'Recovery' });
    const phone = bench.handle.world.attach({ paired: true });
    const jobs = await until(bench, (j) => jobOf(j, phone.ecid)?.phase === 'succeeded', 30_000);
    expect(jobOf(jobs, mac)).toMatchObject({ phase: 'skipped', skipReason: 'not-an-ios-device' });
    expect(jobOf(jobs, tv)).toMatchObject({ phase: 'skipped', skipReason: 'not-an-ios-device' });
    expect(jobOf(jobs, recovering.ecid)).toMatchObject({ phase: 'skipped', skipReason: 'recovery-mode' });
    for (const ecid of [mac, tv, recovering.ecid])
      expect(bench.runs.filter((r) => sameEcid(r.ecid, ecid))).toEqual([]);
  });
});
