import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileFileKind, ProfileFindingCode } from '../../../preload/domain';
import { readBinaryPlistGraph } from '../../../main/profiles/binary-plist-graph';
import { measureBinaryPlist } from '../../../main/profiles/measure-binary-plist';
import { MAX_PROFILE_BYTES } from '../../../main/profiles/detect-file-kind';
import { loadProfile } from '../../../main/profiles/load-profile';
import {
  ascii,
  makeAdeToken,
  makeEnvelopedDer,
  makeP12,
  makeSigner,
  makeWorkDir,
  P12_PASSWORD,
  pdfBytes,
  zipBytes,
} from './profile-fixtures';
import { readFile } from 'node:fs/promises';
import { bplist, exponentialArrays } from './plist-bombs';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});

async function expectRefused(
  bytes: Uint8Array,
  kind: ProfileFileKind,
  code: ProfileFindingCode,
  fileName = '',
) {
  const result = await loadProfile(bytes, fileName);
  expect(result.ok).toBe(false);
  if (result.ok) return '';
  expect(result.fileKind).toBe(kind);
  expect(result.finding.code).toBe(code);
  expect(result.finding.severity).toBe('error');
  return result.finding.message;
}

describe('loadProfile with files that are not a profile', () => {
  it('names an ADE server token in its S/MIME text form', async () => {
    const message = await expectRefused(
      await makeAdeToken(work.dir),
      'ade-token',
      'file-ade-token',
      'server_token.p7m',
    );
    expect(message).toMatch(/Automated Device Enrollment server token/);
    expect(message).toMatch(/Download profile/);
  });

  it('names an ADE server token in binary DER form', async () => {
    await expectRefused(await makeEnvelopedDer(work.dir), 'ade-token', 'file-ade-token');
  });

  it('names a PKCS#12 bundle and points to the supervision identity import', async () => {
    const message = await expectRefused(await makeP12(work.dir, P12_PASSWORD), 'pkcs12', 'file-pkcs12');
    expect(message).toMatch(/Supervision identity/);
  });

  it('names a text file holding the Setup Assistant profile URL and says what to download instead', async () => {
    const text = ascii(
      'https://appleconfigurator2.manage.microsoft.com/EnrollmentServer/MDMServiceConfig?id=abc&AADTenantId=def\n',
    );
    const message = await expectRefused(text, 'url-text', 'file-url-text');
    expect(message).toMatch(/^This is Intune's Setup Assistant enrollment link;/);
    expect(message).toContain('Download profile');
    expect(message).not.toContain('AADTenantId');
  });

  it('names a text file holding a web address on another host, with its host', async () => {
    const message = await expectRefused(
      ascii('https://mdm.example.org/enroll?id=abc\n'),
      'url-text',
      'file-url-text',
    );
    expect(message).toContain('mdm.example.org');
  });

  it('names a PDF', async () => {
    await expectRefused(pdfBytes(), 'pdf', 'file-pdf');
  });

  it('names a zip archive and says to unzip it', async () => {
    expect(await expectRefused(zipBytes(), 'zip', 'file-zip')).toMatch(/unzip/);
  });

  it('names an empty file', async () => {
    await expectRefused(new Uint8Array(0), 'empty', 'file-empty');
  });

  it('refuses a file larger than 5 MB without parsing it', async () => {
    const big = new Uint8Array(MAX_PROFILE_BYTES + 1).fill(0x20);
    big.set(ascii('<?xml version="1.0"?>'));
    const message = await expectRefused(big, 'too-large', 'file-too-large');
    expect(message).toMatch(/5\.0 MB/);
  });

  it('names a PEM certificate and a DER certificate', async () => {
    const signer = await makeSigner(
      work.dir,
      'Some Cert',
      new Date(Date.now() - 1000),
      new Date(Date.now() + 86_400_000),
    );
    const pemText = await readFile(signer.certPath);
    await expectRefused(new Uint8Array(pemText), 'certificate', 'file-certificate');
    const base64 = pemText.toString('utf8').replace(/-----[^-]+-----|\s/g, '');
    await expectRefused(new Uint8Array(Buffer.from(base64, 'base64')), 'certificate', 'file-certificate');
  });

  it('names a private key', async () => {
    const signer = await makeSigner(
      work.dir,
      'Some Key',
      new Date(Date.now() - 1000),
      new Date(Date.now() + 86_400_000),
    );
    await expectRefused(new Uint8Array(await readFile(signer.keyPath)), 'private-key', 'file-private-key');
  });

  it('calls plain text without a URL a text file', async () => {
    await expectRefused(ascii('Remember to charge the iPads before Monday.\n'), 'text', 'file-text');
  });

  it('refuses random binary data as unrecognised', async () => {
    await expectRefused(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3]), 'unknown', 'file-unrecognised');
  });

  it('refuses an XML plist that is damaged', async () => {
    await expectRefused(
      ascii('<?xml version="1.0"?><plist><dict><key>PayloadType</key><string>Conf'),
      'xml-plist',
      'plist-malformed',
    );
  });

  it('refuses a plist whose top level is not a dictionary', async () => {
    await expectRefused(
      ascii('<?xml version="1.0"?><plist><array><string>x</string></array></plist>'),
      'xml-plist',
      'plist-not-dictionary',
    );
  });

  it('refuses a binary plist whose array contains itself, without recursing forever', async () => {
    const bytes = bplist([{ array: [0] }]);
    const graph = readBinaryPlistGraph(bytes);
    if ('kind' in graph) throw new Error('graph should read');
    expect(measureBinaryPlist(graph)).toEqual({ kind: 'malformed', detail: 'an object contains itself' });
    await expectRefused(bytes, 'binary-plist', 'plist-malformed');
  });

  it('refuses a binary plist that would expand exponentially, from its measure alone', async () => {
    // 40 arrays, each holding the next one twice: 2^40 values if expanded naively.
    const bytes = exponentialArrays(40);
    const graph = readBinaryPlistGraph(bytes);
    if ('kind' in graph) throw new Error('graph should read');
    const measure = measureBinaryPlist(graph);
    expect(measure).toMatchObject({ values: 2 ** 41 - 1, depth: 40 });
    const message = await expectRefused(bytes, 'binary-plist', 'plist-too-large');
    expect(message).toMatch(/built to expand to/);
  });
});
