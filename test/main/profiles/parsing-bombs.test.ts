import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProfileCommand } from '../../../main/cli/profile-command';
import { loadProfile, type LoadResult } from '../../../main/profiles/load-profile';
import { parsePlist } from '../../../main/profiles/parse-plist';
import { MAX_PLIST_VALUES, MAX_XML_CHARS, MAX_XML_REFERENCES } from '../../../main/profiles/plist-budget';
import { bplist, exponentialArrays, sharedStringBomb, withBom } from './plist-bombs';
import { binaryBytes, makeSigner, makeWorkDir, profileDict, signBytes, xmlBytes } from './profile-fixtures';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});

function refusal(result: LoadResult): { code: string; message: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  return result.finding;
}

describe('parsing bombs are measured before anything expands', () => {
  it('refuses a 200 KB binary plist that references one 1,000-character string 199,000 times', async () => {
    const bytes = sharedStringBomb();
    expect(bytes.length).toBeGreaterThan(195_000);
    expect(bytes.length).toBeLessThan(205_000);
    const finding = refusal(await loadProfile(bytes, 'bomb.mobileconfig'));
    expect(finding.code).toBe('plist-too-large');
    expect(finding.message).toMatch(/built to expand to 199 MB/);
    expect(finding.message).toMatch(/download the profile again from Intune/);
  });

  it('refuses a CMS-signed file wrapping a byte-order mark and exponentially shared arrays', async () => {
    const signer = await makeSigner(
      work.dir,
      'Bomb Signer',
      new Date(Date.now() - 1000),
      new Date(Date.now() + 86_400_000),
    );
    const signed = await signBytes(work.dir, withBom(exponentialArrays(40)), signer);
    expect(signed.length).toBeLessThan(2500);
    const result = await loadProfile(signed, 'signed-bomb.mobileconfig');
    expect(result.fileKind).toBe('signed-profile');
    const finding = refusal(result);
    expect(finding.code).toBe('plist-too-large');
    expect(finding.message).toMatch(/built to expand to (more than 1,000 TB|[\d.]+ TB)/);
  });

  it('measures the same bomb behind whitespace, behind a BOM outside CMS, and with no wrapper', async () => {
    const bomb = exponentialArrays(40);
    for (const bytes of [bomb, withBom(bomb), new Uint8Array([0x20, 0x0a, ...bomb])]) {
      expect(refusal(await loadProfile(bytes)).code).toBe('plist-too-large');
    }
  });

  it('refuses a harmless binary plist behind a byte-order mark, saying why', async () => {
    const finding = refusal(await loadProfile(withBom(binaryBytes(profileDict()))));
    expect(finding.code).toBe('plist-malformed');
    expect(finding.message).toMatch(/does not start at its first byte/);
  });

  it('counts values: a wide flat binary plist and an XML plist with too many elements are refused', async () => {
    const many: Record<string, number> = {};
    for (let i = 0; i < MAX_PLIST_VALUES; i++) many[`k${i}`] = i;
    const xml = `<?xml version="1.0"?><plist><dict><key>PayloadType</key><string>Configuration</string><key>many</key><array>${'<true/>'.repeat(MAX_PLIST_VALUES)}</array></dict></plist>`;
    for (const bytes of [
      binaryBytes({ PayloadType: 'Configuration', many }),
      new TextEncoder().encode(xml),
    ]) {
      const finding = refusal(await loadProfile(bytes));
      expect(finding.code).toBe('plist-too-large');
      expect(finding.message).toMatch(/holds [\d,]+ values once read/);
    }
  });

  it('gives XML its own, smaller budget of text and references', async () => {
    const long = xmlBytes({ PayloadType: 'Configuration', Blob: 'x'.repeat(MAX_XML_CHARS) });
    expect(refusal(await loadProfile(long)).message).toMatch(/is 1\.0 MB of text/);
    const refs = xmlBytes({ PayloadType: 'Configuration', Blob: '<'.repeat(MAX_XML_REFERENCES + 1) });
    expect(refusal(await loadProfile(refs)).message).toMatch(/20,00\d entity references/);
  });

  it('refuses deep nesting in both formats, and XML entity declarations', async () => {
    const deepXml = `<?xml version="1.0"?><plist><dict><key>a</key>${'<array>'.repeat(5000)}${'</array>'.repeat(5000)}</dict></plist>`;
    expect(refusal(await loadProfile(new TextEncoder().encode(deepXml))).message).toMatch(
      /5,001 levels deep/,
    );
    const chain = bplist([...Array.from({ length: 100 }, (_, i) => ({ array: [i + 1] })), { bytes: [0x09] }]);
    expect(refusal(await loadProfile(chain)).message).toMatch(/100 levels deep/);
    const entity =
      '<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY a "aaaaaaaa">]><plist><dict><key>k</key><string>&a;</string></dict></plist>';
    expect(parsePlist(new TextEncoder().encode(entity))).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('answers `profile inspect` on the 200 KB bomb with a refusal (exit 1), not a hang', async () => {
    const file = path.join(work.dir, 'bomb.mobileconfig');
    await writeFile(file, sharedStringBomb());
    let out = '';
    const code = await runProfileCommand(['inspect', file], {
      out: (t) => (out += t),
      err: (t) => (out += t),
      now: () => new Date(),
    });
    expect(code).toBe(1);
    expect(out).toMatch(/REFUSED/);
    expect(out).toMatch(/199 MB/);
  });

  it('keeps shared objects shared and still reads an ordinary binary profile in full', () => {
    const parsed = parsePlist(binaryBytes(profileDict()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.root.PayloadType).toBe('Configuration');
    expect(Array.isArray(parsed.root.PayloadContent)).toBe(true);
  });
});
