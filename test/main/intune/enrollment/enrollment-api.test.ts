import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bareProfileGuid, EnrollmentApi } from '../../../../main/intune/enrollment/enrollment-api';
import { serials, startTenant, type Tenant } from './enrollment-fixtures';

let tenant: Tenant;
let api: EnrollmentApi;

beforeEach(async () => {
  tenant = await startTenant();
  api = new EnrollmentApi((await tenant.intune.connection()).graph);
});
afterEach(async () => tenant.fake.close());

describe('bareProfileGuid', () => {
  it('takes the part after the underscore, and only a GUID', () => {
    expect(bareProfileGuid('3f1c7a2e-5b4d-4e8f-9a0b-1c2d3e4f5a6b_A1B2C3D4-0000-4000-8000-000000000002')).toBe(
      'a1b2c3d4-0000-4000-8000-000000000002',
    );
    expect(bareProfileGuid('acct_not-a-guid')).toBeUndefined();
  });
});

describe('importSerials', () => {
  it('posts to importedAppleDeviceIdentities/importAppleDeviceIdentityList with the bare GUID and reads each status', async () => {
    const [good, other] = serials(2);
    tenant.fake.enrollment.refuse.add(other!);
    const results = await api.importSerials(tenant.fake.accountId, [good!, other!], tenant.profileGuid);
    expect(results).toEqual([
      { serial: good, ok: true },
      { serial: other, ok: false, why: expect.stringContaining('status false') },
    ]);
    expect(tenant.fake.enrollment.imported).toEqual([
      expect.objectContaining({ serialNumber: good, requestedEnrollmentProfileId: tenant.profileGuid }),
    ]);
    const post = tenant.fake.requests.find((r) => r.path.endsWith('/importAppleDeviceIdentityList'));
    expect(post?.path).toBe(
      `/beta/deviceManagement/depOnboardingSettings/${tenant.fake.accountId}/importedAppleDeviceIdentities/importAppleDeviceIdentityList`,
    );
  });

  it('refuses to put anything but a plain serial into the request', async () => {
    await expect(
      api.importSerials(tenant.fake.accountId, ["X' or 1 eq 1"], tenant.profileGuid),
    ).rejects.toThrow(/not a plain id/);
  });

  it('finds an imported serial for its profile only', async () => {
    const [s] = serials(1);
    await api.importSerials(tenant.fake.accountId, [s!], tenant.profileGuid);
    expect(await api.isImported(tenant.fake.accountId, s!, tenant.profileGuid)).toBe(true);
    expect(await api.isImported(tenant.fake.accountId, s!, 'a1b2c3d4-0000-4000-8000-0000000000ff')).toBe(
      false,
    );
    expect(await api.isImported(tenant.fake.accountId, serials(2)[1]!, tenant.profileGuid)).toBe(false);
  });
});

describe('lookupDevices', () => {
  it('answers each serial from one $batch, re-checked by serial', async () => {
    const list = serials(20);
    tenant.fake.enrollment.enroll(list[0]!);
    tenant.fake.enrollment.enroll(list[1]!);
    tenant.fake.enrollment.enroll(list[1]!);
    const answers = await api.lookupDevices(list);
    expect(answers.get(list[0]!)).toMatchObject({ kind: 'found', records: [{ serialNumber: list[0] }] });
    expect(answers.get(list[1]!)).toMatchObject({ kind: 'found', records: [{}, {}] });
    expect(answers.get(list[2]!)).toEqual({ kind: 'found', records: [] });
    expect(tenant.fake.requests.filter((r) => r.path === '/v1.0/$batch')).toHaveLength(1);
  });

  it('a filter that returns every device still gives each serial only its own records', async () => {
    const list = serials(3);
    for (const s of list) tenant.fake.enrollment.enroll(s);
    tenant.fake.fail('filter-ignored', { match: '$batch' });
    const answers = await api.lookupDevices(list);
    for (const s of list)
      expect(answers.get(s)).toMatchObject({ kind: 'found', records: [{ serialNumber: s }] });
  });

  it('429 and 500 inside a $batch leave that serial to retry, the rest answered', async () => {
    const list = serials(3);
    for (const fault of ['batch-throttle', 'batch-partial-failure'] as const) {
      tenant.fake.fail(fault, { match: '$batch' });
      const answers = await api.lookupDevices(list);
      expect(answers.get(list[2]!)).toMatchObject({
        kind: 'retry',
        why: expect.stringMatching(/throttled|500/),
      });
      expect(answers.get(list[0]!)).toMatchObject({ kind: 'found' });
    }
  });

  it('refuses more than 20 lookups in one batch', async () => {
    await expect(api.lookupDevices(serials(21))).rejects.toThrow(/20/);
  });
});
