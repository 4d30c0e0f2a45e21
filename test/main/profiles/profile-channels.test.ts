import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import { EventHub } from '../../../main/events/event-hub';
import { IdentityService } from '../../../main/identity/identity-service';
import { createInvokeDispatcher } from '../../../main/dispatch/dispatch-invoke';
import { argValidators } from '../../../main/dispatch/validate-args';
import { ProfileChannels } from '../../../main/profiles/profile-channels';
import { ProfileService } from '../../../main/profiles/profile-service';
import { CHALLENGE, profileDict, xmlBytes } from './profile-fixtures';
import { noJobOrLogChannels, noPreflightChannels } from '../../fakes/no-job-channels';

let dataDir: string;
let events: BenchEvent[];
let dispatch: ReturnType<typeof createInvokeDispatcher>;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-channels-'));
  const channels = new ProfileChannels(new ProfileService({ dataDir }), new IdentityService({ dataDir }));
  const hub = new EventHub();
  events = [];
  hub.subscribe((e) => events.push(e));
  channels.wire(hub);
  const notUsed = async () =>
    ({
      ok: false,
      error: { code: 'internal', title: 'unused', detail: 'unused', retryable: false },
    }) as const;
  dispatch = createInvokeDispatcher(
    {
      getSnapshot: notUsed,
      useSimulator: notUsed,
      recheckEngine: notUsed,
      chooseCfgutil: notUsed,
      simulate: notUsed,
      importProfile: (r) => channels.importProfile(r),
      useTrainingProfile: () => channels.useTrainingProfile(),
      getProfile: () => channels.getProfile(),
      overrideProfileAge: (r) => channels.overrideProfileAge(r),
      importSupervisionIdentity: (r) => channels.importSupervisionIdentity(r),
      createSupervisionIdentity: (r) => channels.createSupervisionIdentity(r),
      getSupervisionIdentity: () => channels.getSupervisionIdentity(),
      ...noJobOrLogChannels,
      ...noPreflightChannels,
    },
    () => {},
    argValidators,
  );
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

describe('profile channels through the dispatcher', () => {
  it('imports a profile from base64, returns the summary and pushes profileChanged without secrets', async () => {
    const result = await dispatch('importProfile', [
      {
        fileName: 'Contoso.mobileconfig',
        dataBase64: b64(xmlBytes(profileDict())),
        lastModified: Date.now(),
      },
    ]);
    expect(result).toMatchObject({ ok: true, value: { verdict: 'ready', organization: 'Contoso Ltd' } });
    expect(events.map((e) => e.channel)).toEqual(['profileChanged']);
    expect(JSON.stringify([result, events])).not.toContain(CHALLENGE);
    expect(await dispatch('getProfile', [])).toMatchObject({
      ok: true,
      value: { organization: 'Contoso Ltd' },
    });
  });

  it('refuses a payload over 5 MB decoded with a clear error', async () => {
    const big = 'A'.repeat(Math.ceil((5 * 1024 * 1024 + 10) / 3) * 4);
    const result = await dispatch('importProfile', [{ fileName: 'big.mobileconfig', dataBase64: big }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.detail).toMatch(/larger than 5 MB/);
  });

  it('refuses malformed arguments and bad base64', async () => {
    for (const args of [
      [],
      [null],
      [{ fileName: '', dataBase64: '' }],
      [{ fileName: 'a', dataBase64: 5 }],
      [{ fileName: 'a', dataBase64: 'AA', lastModified: 'x' }],
    ]) {
      expect(await dispatch('importProfile', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
    expect(await dispatch('importProfile', [{ fileName: 'a', dataBase64: '***' }])).toMatchObject({
      ok: false,
      error: { detail: expect.stringMatching(/base64/) },
    });
    expect(await dispatch('overrideProfileAge', [{ reason: 'x'.repeat(501) }])).toMatchObject({ ok: false });
    expect(await dispatch('createSupervisionIdentity', [{ organizationName: 'x'.repeat(65) }])).toMatchObject(
      { ok: false },
    );
  });

  it('creates and reads the supervision identity and pushes identityChanged', async () => {
    const created = await dispatch('createSupervisionIdentity', [{ organizationName: 'Fabrikam' }]);
    expect(created).toMatchObject({ ok: true, value: { subject: 'CN=Fabrikam, O=Fabrikam' } });
    expect(events.map((e) => e.channel)).toEqual(['identityChanged']);
    expect(await dispatch('getSupervisionIdentity', [])).toMatchObject({
      ok: true,
      value: { organizationName: 'Fabrikam' },
    });
  });

  it('answers a wrong .p12 password as a refusal that does not contain the password', async () => {
    const result = await dispatch('importSupervisionIdentity', [
      {
        fileName: 'x.p12',
        dataBase64: b64(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x03])),
        password: 'Secret-Guess-1',
      },
    ]);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Secret-Guess-1');
  });
});
