import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile, type LoadResult } from '../../../main/profiles/load-profile';
import {
  binaryBytes,
  makeSigner,
  makeWorkDir,
  profileDict,
  signBytes,
  tamper,
  xmlBytes,
  type Signer,
} from './profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let signer: Signer;
let expiredSigner: Signer;

beforeAll(async () => {
  work = await makeWorkDir();
  signer = await makeSigner(
    work.dir,
    'Contoso MDM Signer',
    new Date(Date.now() - 86_400_000),
    new Date(Date.now() + 365 * 86_400_000),
  );
  expiredSigner = await makeSigner(
    work.dir,
    'Old Signer',
    new Date('2020-01-01T00:00:00Z'),
    new Date('2021-01-01T00:00:00Z'),
  );
});
afterAll(async () => {
  await work.cleanup();
});

function expectLoaded(result: LoadResult): asserts result is Extract<LoadResult, { ok: true }> {
  expect(result.ok, result.ok ? '' : result.finding.message).toBe(true);
}

describe('loadProfile', () => {
  it('reads an unsigned XML profile and keeps the original bytes', async () => {
    const bytes = xmlBytes(profileDict());
    const result = await loadProfile(bytes, 'Contoso.mobileconfig');
    expectLoaded(result);
    expect(result.fileKind).toBe('xml-plist');
    expect(result.container).toBe('xml-plist');
    expect(result.signer).toBeUndefined();
    expect(result.bytes).toBe(bytes);
    expect(result.model.organization).toBe('Contoso Ltd');
    expect(result.model.payloads.map((p) => p.type)).toEqual(['com.apple.security.scep', 'com.apple.mdm']);
  });

  it('reads a binary plist profile', async () => {
    const result = await loadProfile(binaryBytes(profileDict()));
    expectLoaded(result);
    expect(result.fileKind).toBe('binary-plist');
    expect(result.model.identifier).toBe('com.microsoft.intune.enrollment.3f1c7a2e');
  });

  it.each([
    ['openssl cms', { tool: 'cms' as const }],
    ['openssl smime', { tool: 'smime' as const }],
    ['openssl cms -stream (BER indefinite length)', { tool: 'cms' as const, stream: true }],
  ])('unwraps and verifies a profile signed with %s', async (_label, opts) => {
    const plist = xmlBytes(profileDict());
    const signed = await signBytes(work.dir, plist, signer, opts);
    const result = await loadProfile(signed);
    expectLoaded(result);
    expect(result.fileKind).toBe('signed-profile');
    expect(result.container).toBe('xml-plist');
    expect(result.bytes).toEqual(signed);
    expect(result.signer?.subject).toBe('CN=Contoso MDM Signer, O=Contoso Ltd');
    expect(result.signer?.signatureValid).toBe(true);
    expect(result.signer?.signingTime).toBeGreaterThan(Date.now() - 600_000);
    expect(result.model.displayName).toBe('Contoso iPad enrollment');
  });

  it('confirms -stream really produced indefinite-length BER', async () => {
    const signed = await signBytes(work.dir, xmlBytes(profileDict()), signer, { stream: true });
    expect(signed[0]).toBe(0x30);
    expect(signed[1]).toBe(0x80);
  });

  it('reports a tampered signed profile as an invalid signature', async () => {
    const signed = await signBytes(work.dir, xmlBytes(profileDict()), signer);
    const result = await loadProfile(tamper(signed));
    expectLoaded(result);
    expect(result.signer?.signatureValid).toBe(false);
    expect(result.model.organization).toBe('Kontoso Ltd');
  });

  it('reports the validity dates of an expired signer certificate', async () => {
    const signed = await signBytes(work.dir, xmlBytes(profileDict()), expiredSigner);
    const result = await loadProfile(signed);
    expectLoaded(result);
    expect(result.signer?.signatureValid).toBe(true);
    expect(result.signer?.notAfter).toBe(Date.parse('2021-01-01T00:00:00Z'));
  });

  it('unwraps a signed binary plist', async () => {
    const signed = await signBytes(work.dir, binaryBytes(profileDict()), signer);
    const result = await loadProfile(signed);
    expectLoaded(result);
    expect(result.container).toBe('binary-plist');
    expect(result.signer?.signatureValid).toBe(true);
  });

  it('collects the SCEP challenge as a secret', async () => {
    const result = await loadProfile(xmlBytes(profileDict()));
    expectLoaded(result);
    expect(result.secrets).toContainEqual({
      value: 'S3cr3t-Ch4llenge',
      where: 'Challenge in the com.apple.security.scep payload',
    });
  });
});
