import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refreshBeforeCart } from '../../../main/intune/before-cart';
import { IntuneService } from '../../../main/intune/intune-service';
import { ProfileService } from '../../../main/profiles/profile-service';
import type { FakeIntune } from '../../../main/sim/intune/fake-intune';
import { makeWorkDir } from '../profiles/profile-fixtures';
import { fakeJwt, startFake, writeTokenFile } from './intune-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let fake: FakeIntune;
const token = fakeJwt(Date.now() + 3600_000);

beforeEach(async () => {
  work = await makeWorkDir();
  fake = await startFake(token);
});
afterEach(async () => {
  await fake.close();
  await work.cleanup();
});

describe('refreshBeforeCart (enroll-bench run)', () => {
  it('does nothing without a connection', async () => {
    const notes: string[] = [];
    await refreshBeforeCart({
      dataDir: work.dir,
      profiles: new ProfileService({ dataDir: work.dir }),
      note: (t) => notes.push(t),
    });
    expect(notes).toEqual([]);
  });

  it('pulls a due copy, and on failure says why with the kept copy’s days left, without throwing', async () => {
    const env = { ENROLL_BENCH_GRAPH_URL: fake.url };
    const eightDaysAgo = Date.now() - 8 * 24 * 3600_000;
    const old = new ProfileService({ dataDir: work.dir, now: () => new Date(eightDaysAgo) });
    const earlier = new IntuneService({ dataDir: work.dir, profiles: old, env, now: () => eightDaysAgo });
    await earlier.connectTokenFile(await writeTokenFile(work.dir, token));
    await earlier.pull('iPad carts (SCEP)');

    fake.fail('missing-role', { times: 1 });
    const notes: string[] = [];
    const profiles = new ProfileService({ dataDir: work.dir });
    await profiles.restore();
    await refreshBeforeCart({ dataDir: work.dir, profiles, env, note: (t) => notes.push(t) });
    expect(notes.join('\n')).toMatch(
      /Refreshing the Intune profile failed: The signed-in account may not do this in Intune.*6 days left/s,
    );
    expect(profiles.canStartRun().ok).toBe(true);
  });
});
