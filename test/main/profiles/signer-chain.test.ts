/**
 * The signer's chain: a certificate that leads, link by verified link, to a trusted root is trusted; one that
 * stops short (an authority outside the list, a missing intermediate, a forged link) is not; a certificate that
 * names itself is self-signed. Certificates are made with openssl for each case.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeSignerChain } from '../../../main/profiles/signer-chain';
import { makeChain, makeSigner, makeWorkDir, type Chain } from './profile-fixtures';

const derOf = async (pemPath: string) => new Uint8Array(new X509Certificate(await readFile(pemPath)).raw);

describe('judgeSignerChain', () => {
  let work: Awaited<ReturnType<typeof makeWorkDir>>;
  let chain: Chain;
  let other: Chain;
  beforeAll(async () => {
    work = await makeWorkDir();
    chain = await makeChain(work.dir, 'Alpha');
    other = await makeChain(work.dir, 'Beta');
  });
  afterAll(async () => {
    await work.cleanup();
  });

  it('trusts a signer whose intermediate is in the file and whose root is trusted, and names the root', async () => {
    const root = new X509Certificate(await readFile(chain.root.certPath));
    const verdict = judgeSignerChain(
      await derOf(chain.leaf.certPath),
      [await derOf(chain.intermediate.certPath)],
      [root],
    );
    expect(verdict).toEqual({ trust: 'public-ca', root: expect.stringContaining('CN=Alpha Root CA') });
  });

  it('does not trust the same chain when its root is not among the trusted ones (Node’s public list)', async () => {
    const verdict = judgeSignerChain(await derOf(chain.leaf.certPath), [
      await derOf(chain.intermediate.certPath),
    ]);
    expect(verdict).toEqual({ trust: 'unknown-ca', stopsAt: expect.stringContaining('Alpha Root CA') });
  });

  it('stops at the missing link when the file lacks the intermediate', async () => {
    const root = new X509Certificate(await readFile(chain.root.certPath));
    const verdict = judgeSignerChain(await derOf(chain.leaf.certPath), [], [root]);
    expect(verdict).toEqual({ trust: 'unknown-ca', stopsAt: expect.stringContaining('Alpha Issuing CA') });
  });

  it('does not follow an intermediate of the same name from another authority (the signature must verify)', async () => {
    const betaRoot = new X509Certificate(await readFile(other.root.certPath));
    const verdict = judgeSignerChain(
      await derOf(chain.leaf.certPath),
      [await derOf(other.intermediate.certPath)],
      [betaRoot],
    );
    expect(verdict.trust).toBe('unknown-ca');
  });

  it('calls a certificate that vouches for itself self-signed', async () => {
    const signer = await makeSigner(
      work.dir,
      'Lonely',
      new Date(Date.now() - 1000),
      new Date(Date.now() + 86_400_000),
    );
    expect(judgeSignerChain(await derOf(signer.certPath), [])).toEqual({ trust: 'self-signed' });
  });

  it('an unreadable certificate is not trusted, and unreadable extras are ignored', async () => {
    expect(judgeSignerChain(new Uint8Array([0x30, 0x03, 1, 2, 3]), []).trust).toBe('unknown-ca');
    const root = new X509Certificate(await readFile(chain.root.certPath));
    const verdict = judgeSignerChain(
      await derOf(chain.leaf.certPath),
      [new Uint8Array([0xff]), await derOf(chain.intermediate.certPath)],
      [root],
    );
    expect(verdict.trust).toBe('public-ca');
  });
});
