import { describe, expect, it } from 'vitest';
import { buildSelfSignedCertificate, generateRsaKeyPair } from '../../../main/identity/build-certificate';
import { describeIdentity } from '../../../main/identity/identity-service';

async function certificateNamed(organization: string, commonName: string): Promise<Uint8Array> {
  const keys = await generateRsaKeyPair();
  return buildSelfSignedCertificate({
    commonName,
    organization,
    notBefore: new Date(Date.now() - 1000),
    notAfter: new Date(Date.now() + 86_400_000),
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
  });
}

describe('describeIdentity with names from a hostile .p12', () => {
  it('shows escape codes and bidi controls in the names instead of obeying them, and caps them', async () => {
    const der = await certificateNamed(`Contoso\u001b[2J\u202E${'x'.repeat(400)}`, 'Bench\u0007CA');
    const summary = describeIdentity(der, 'imported');
    for (const text of [summary.organizationName, summary.subject]) {
      expect([...text].some((c) => c.charCodeAt(0) < 0x20 || c === '\u202e' || c === '\u0007')).toBe(false);
    }
    expect(summary.organizationName.startsWith('Contoso')).toBe(true);
    expect(Array.from(summary.organizationName).length).toBeLessThanOrEqual(200);
    expect(summary.organizationName.endsWith('…')).toBe(true);
    expect(Array.from(summary.subject).length).toBeLessThanOrEqual(300);
  });
});
