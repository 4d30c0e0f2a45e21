import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileFinding } from '../../../preload/domain';
import type { PlistValue } from 'plist';
import { checkProfile, type ProfileCheck } from '../../../main/profiles/check-profile';
import { loadProfile } from '../../../main/profiles/load-profile';
import {
  makeChain,
  makeSigner,
  makeWorkDir,
  profileDict,
  signBytes,
  tamper,
  wifiOnlyDict,
  xmlBytes,
  type ProfileOptions,
} from './profile-fixtures';

type Dict = { [key: string]: PlistValue };

const NOW = Date.now();

async function check(bytes: Uint8Array): Promise<ProfileCheck> {
  const loaded = await loadProfile(bytes);
  if (!loaded.ok) throw new Error(`fixture did not load: ${loaded.finding.message}`);
  return checkProfile(loaded, NOW);
}

const checkDict = (opts: ProfileOptions): Promise<ProfileCheck> => check(xmlBytes(profileDict(opts)));
const errors = (c: ProfileCheck): string[] =>
  c.findings.filter((f) => f.severity === 'error').map((f) => f.code);
const byCode = (c: ProfileCheck, code: string): ProfileFinding | undefined =>
  c.findings.find((f) => f.code === code);

describe('checkProfile', () => {
  it('passes a well-formed SCEP profile with no errors or warnings', async () => {
    const c = await checkDict({});
    expect(c.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(c.variant).toBe('scep');
    expect(c.mdmHost).toBe('i.manage.microsoft.com');
    expect(byCode(c, 'unsigned')?.severity).toBe('info');
  });

  it('classifies ACME and warns about iOS 16 and serial import', async () => {
    const c = await checkDict({ variant: 'acme' });
    expect(c.variant).toBe('acme');
    expect(errors(c)).toEqual([]);
    const acme = byCode(c, 'variant-acme');
    expect(acme?.severity).toBe('warning');
    expect(acme?.message).toMatch(/iOS 16\.0/);
    expect(acme?.message).toMatch(/iPadOS 16\.1/);
    expect(acme?.message).toMatch(/serial number must be imported/);
    expect(acme?.message).toMatch(/SCEP profile/);
  });

  it('warns, without refusing, when the MDM host is not Intune', async () => {
    const c = await checkDict({
      serverUrl: 'https://mdm.example.com/server',
      checkInUrl: 'https://mdm.example.com/checkin',
    });
    expect(errors(c)).toEqual([]);
    expect(byCode(c, 'server-url-not-intune')?.severity).toBe('warning');
    expect(byCode(c, 'server-url-not-intune')?.message).toMatch(
      /^Not an Intune profile: .*mdm\.example\.com/,
    );
    expect(byCode(c, 'check-in-url-not-intune')?.severity).toBe('warning');
    expect(c.mdmHost).toBe('mdm.example.com');
  });

  it.each([
    ['gov cloud', 'https://fef.msub01.manage.microsoft.us/x'],
    ['21Vianet', 'https://x.manage.microsoftonline.cn/x'],
    ['dm host', 'https://enterpriseregistration.dm.microsoft.com/x'],
    ['bare host', 'https://manage.microsoft.com/x'],
  ])('accepts the Intune %s host', async (_label, url) => {
    const c = await checkDict({ serverUrl: url, checkInUrl: url });
    expect(c.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('does not mistake a look-alike host for Intune', async () => {
    const c = await checkDict({ serverUrl: 'https://evilmanage.microsoft.com.example.net/x' });
    expect(byCode(c, 'server-url-not-intune')).toBeDefined();
  });

  it('refuses a profile without CheckInURL', async () => {
    expect(errors(await checkDict({ checkInUrl: null }))).toEqual(['check-in-url-missing']);
  });

  it('refuses a profile without ServerURL', async () => {
    expect(errors(await checkDict({ serverUrl: null }))).toEqual(['server-url-missing']);
  });

  it('refuses plain http URLs', async () => {
    const c = await checkDict({
      serverUrl: 'http://i.manage.microsoft.com/x',
      checkInUrl: 'http://i.manage.microsoft.com/y',
    });
    expect(errors(c)).toEqual(['server-url-not-https', 'check-in-url-not-https']);
    expect(byCode(c, 'server-url-not-https')?.message).toMatch(/https:\/\//);
  });

  it('refuses two MDM payloads', async () => {
    const c = await checkDict({ mdmCount: 2 });
    expect(errors(c)).toEqual(['multiple-mdm-payloads']);
    expect(byCode(c, 'multiple-mdm-payloads')?.message).toMatch(/exactly one/);
  });

  it('refuses an IdentityCertificateUUID that points nowhere', async () => {
    const c = await checkDict({ identityUuid: 'NOT-THERE' });
    expect(errors(c)).toEqual(['identity-uuid-unresolved']);
    expect(c.variant).toBe('unknown');
  });

  it('refuses an IdentityCertificateUUID that points at a non-SCEP, non-ACME payload', async () => {
    const c = await checkDict({ identityUuid: 'MDM-UUID-1' });
    expect(errors(c)).toEqual(['identity-payload-wrong-type']);
  });

  it('refuses a Topic of the wrong form and a missing one', async () => {
    expect(errors(await checkDict({ topic: 'com.example.push' }))).toEqual(['topic-wrong-form']);
    expect(errors(await checkDict({ topic: 'com.apple.mgmt.External.' }))).toEqual(['topic-wrong-form']);
    expect(errors(await checkDict({ topic: null }))).toEqual(['topic-missing']);
  });

  it('names the payloads of a Wi-Fi and restrictions profile that has no MDM payload', async () => {
    const c = await check(xmlBytes(wifiOnlyDict()));
    expect(errors(c)).toEqual(['no-mdm-payload']);
    expect(byCode(c, 'no-mdm-payload')?.message).toMatch(/Wi-Fi and Restrictions/);
  });

  it('refuses a plist whose PayloadType is not Configuration', async () => {
    expect(errors(await checkDict({ payloadType: 'com.apple.mdm' }))).toEqual(['payload-type-wrong']);
  });

  it('refuses a profile with no payloads', async () => {
    expect(errors(await checkDict({ payloads: [] }))).toEqual(['no-payload-content']);
  });
});

describe('checkProfile signatures', () => {
  let work: Awaited<ReturnType<typeof makeWorkDir>>;
  beforeAll(async () => {
    work = await makeWorkDir();
  });
  afterAll(async () => {
    await work.cleanup();
  });

  it('reports the signer of a good signature as information', async () => {
    const signer = await makeSigner(
      work.dir,
      'Good Signer',
      new Date(NOW - 86_400_000),
      new Date(NOW + 86_400_000 * 30),
    );
    const c = await check(await signBytes(work.dir, xmlBytes(profileDict()), signer));
    expect(errors(c)).toEqual([]);
    expect(byCode(c, 'signature-valid')?.message).toMatch(/Signed by CN=Good Signer, O=Contoso Ltd/);
    // The fixture signer vouches for itself: a warning with what it means on the device.
    expect(byCode(c, 'signer-self-signed')).toMatchObject({ severity: 'warning' });
    expect(byCode(c, 'signer-self-signed')?.message).toMatch(/Not Verified/);
  });

  it('warns when the signer leads to an authority outside the public list, and does not call it self-signed', async () => {
    const chain = await makeChain(work.dir, 'Private');
    const signed = await signBytes(work.dir, xmlBytes(profileDict()), chain.leaf, { certfile: chain.bundle });
    const c = await check(signed);
    expect(errors(c)).toEqual([]);
    expect(byCode(c, 'signer-self-signed')).toBeUndefined();
    expect(byCode(c, 'signer-untrusted')).toMatchObject({ severity: 'warning' });
    expect(byCode(c, 'signer-untrusted')?.message).toMatch(/stops at CN=Private Root CA/);
  });

  it('refuses a tampered file', async () => {
    const signer = await makeSigner(
      work.dir,
      'Good Signer 2',
      new Date(NOW - 86_400_000),
      new Date(NOW + 86_400_000 * 30),
    );
    const c = await check(tamper(await signBytes(work.dir, xmlBytes(profileDict()), signer)));
    expect(errors(c)).toEqual(['signature-invalid']);
    expect(byCode(c, 'signature-invalid')?.message).toMatch(/changed after it was signed/);
  });

  it('warns when the signer certificate has expired', async () => {
    const signer = await makeSigner(
      work.dir,
      'Expired Signer',
      new Date('2020-01-01T00:00:00Z'),
      new Date('2021-01-01T00:00:00Z'),
    );
    const c = await check(await signBytes(work.dir, xmlBytes(profileDict()), signer));
    expect(errors(c)).toEqual([]);
    expect(byCode(c, 'signer-certificate-expired')?.severity).toBe('warning');
    expect(byCode(c, 'signer-certificate-expired')?.message).toMatch(/2021-01-01/);
  });
});

describe('checkProfile: profiles that mislead', () => {
  it('refuses a ServerURL whose written host and parsed host disagree, and shows no MDM host for it', async () => {
    const c = await checkDict({
      serverUrl: 'https://r.manage.microsoft.com\\@mdm.attacker.example/EnrollmentServer',
    });
    expect(errors(c)).toContain('server-url-misleading');
    expect(byCode(c, 'server-url-misleading')?.message).toMatch(/backslash.*r\.manage\.microsoft\.com/s);
    expect(c.mdmHost).toBeUndefined();
  });

  it('refuses a CheckInURL with userinfo', async () => {
    const c = await checkDict({ checkInUrl: 'https://r.manage.microsoft.com@mdm.attacker.example/checkin' });
    expect(errors(c)).toEqual(['check-in-url-misleading']);
  });

  it('warns about a removal password, saying what it means on the device', async () => {
    const withPayload = await checkDict({
      payloads: [
        ...(profileDict().PayloadContent as Dict[]),
        {
          PayloadType: 'com.apple.profileRemovalPassword',
          PayloadUUID: 'RP-1',
          PayloadIdentifier: 'rp',
          RemovalPassword: 'x',
        },
      ],
    });
    expect(byCode(withPayload, 'removal-password')).toMatchObject({ severity: 'warning' });
    expect(byCode(withPayload, 'removal-password')?.message).toMatch(/on the device, removing this profile/);
    const plain = await checkDict({});
    expect(byCode(plain, 'removal-password')).toBeUndefined();
    expect(byCode(plain, 'duplicate-payload-uuid')).toBeUndefined();
  });

  it('warns about payloads that share a PayloadUUID', async () => {
    const [identity, mdm] = profileDict().PayloadContent as Dict[];
    const c = await checkDict({
      payloads: [identity ?? {}, mdm ?? {}, { ...identity, PayloadIdentifier: 'copy' }],
    });
    expect(byCode(c, 'duplicate-payload-uuid')).toMatchObject({ severity: 'warning' });
    expect(byCode(c, 'duplicate-payload-uuid')?.message).toMatch(/SCEP-UUID-1.*silently overwrites/);
  });
});
