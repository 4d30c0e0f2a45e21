import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIntuneArea, type IntuneArea } from '../../../main/intune/intune-area';
import { intuneArgValidators } from '../../../main/dispatch/validate-intune-args';
import { ProfileService } from '../../../main/profiles/profile-service';
import { localOnlyRefusalFor } from '../../../main/server/local-only-channels';
import { makeWorkDir } from '../profiles/profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let area: IntuneArea;
let profiles: ProfileService;
let logs: string[];
let t: number;

beforeEach(async () => {
  work = await makeWorkDir();
  profiles = new ProfileService({ dataDir: work.dir });
  logs = [];
  t = Date.now();
  area = await createIntuneArea({
    now: () => t,
    dataDir: work.dir,
    profiles,
    log: (m, d) => logs.push(`${m} ${JSON.stringify(d)}`),
    simulate: true,
  });
});
afterEach(async () => {
  await area.close();
  await work.cleanup();
});

const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

describe('the Intune area in serve --simulate --fake-intune', () => {
  it('connects to the fake, lists, pulls into the bench’s profile, and the status says so', async () => {
    const c = area.channels;
    expect(value(await c.getIntuneStatus()).connected).toBe(false);
    const status = value(
      await c.connectIntune({ tenantId: 'contoso.example', clientId: 'abc', cloud: 'global' }),
    );
    expect(status).toMatchObject({ connected: true, mode: 'simulated' });
    const list = value(await c.listIntuneProfiles());
    expect(list.map((p) => p.name)).toContain('Staff iPhones (with user)');
    const pulled = value(await c.pullIntuneProfile({ profileId: list[0]!.id }));
    expect(pulled.profile.origin?.profileName).toBe('iPad carts (SCEP)');
    expect(profiles.current()?.sha256).toBe(pulled.profile.sha256);
    expect(value(await c.getIntuneStatus()).selected?.name).toBe('iPad carts (SCEP)');
    for (const line of logs) expect(line).not.toMatch(/simulated-[0-9a-f]{32}/);
  });

  it('arming the bench runs the before-cart check', async () => {
    await area.channels.connectIntune({ tenantId: 't', clientId: 'c', cloud: 'global' });
    const list = await area.service.listProfiles();
    await area.service.pull(list[0]!.id);
    area.cartStarting();
    await new Promise((r) => setTimeout(r, 50));
    expect(logs.some((l) => l.startsWith('intune.refresh'))).toBe(false); // a fresh copy: not due
    t += 8 * 24 * 3600_000; // the copy is now 8 days old (by the profile's own clock, the file's age)
    area.cartStarting();
    await vi.waitFor(() => expect(logs.filter((l) => l.startsWith('intune.pulled'))).toHaveLength(2));
    expect(logs.some((l) => l.startsWith('intune.refresh') && l.includes('before-cart'))).toBe(true);
  });
});

describe('Intune channel policy and arguments', () => {
  it('connect, list, pull, disconnect and the interval are Mac-only; the status any screen may read', () => {
    const lan = '192.168.1.20';
    for (const channel of [
      'connectIntune',
      'listIntuneProfiles',
      'pullIntuneProfile',
      'disconnectIntune',
      'setIntuneRefreshDays',
      'setIntunePushSerials',
    ]) {
      expect(localOnlyRefusalFor(channel, lan, { allowRemoteControl: true })).toBeDefined();
    }
    expect(localOnlyRefusalFor('getIntuneStatus', lan)).toBeUndefined();
    expect(localOnlyRefusalFor('getIntuneEnrollments', lan)).toBeUndefined();
    expect(intuneArgValidators.setIntunePushSerials([{ on: true }])).toEqual([{ on: true }]);
    expect(() => intuneArgValidators.setIntunePushSerials([{ on: 'yes' }])).toThrow(/true or false/);
  });

  it('validates ids, the cloud and the interval, naming the field', () => {
    expect(
      intuneArgValidators.connectIntune([{ tenantId: ' 72f988bf-86f1 ', clientId: 'abc', cloud: 'global' }]),
    ).toEqual([{ tenantId: '72f988bf-86f1', clientId: 'abc', cloud: 'global' }]);
    expect(() =>
      intuneArgValidators.connectIntune([{ tenantId: 'a/b', clientId: 'c', cloud: 'global' }]),
    ).toThrow(/tenantId/);
    expect(() =>
      intuneArgValidators.connectIntune([{ tenantId: 'a', clientId: 'c', cloud: 'mars' }]),
    ).toThrow(/cloud must be one of/);
    expect(() => intuneArgValidators.pullIntuneProfile([{ profileId: '../x' }])).toThrow(/profileId/);
    expect(() => intuneArgValidators.setIntuneRefreshDays([{ days: 14 }])).toThrow(/days/);
    expect(intuneArgValidators.setIntuneRefreshDays([{ days: 7 }])).toEqual([{ days: 7 }]);
    expect(() => intuneArgValidators.getIntuneStatus([1])).toThrow();
  });
});
