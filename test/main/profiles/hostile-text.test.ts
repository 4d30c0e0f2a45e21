import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProfileCommand } from '../../../main/cli/profile-command';
import { loadProfile } from '../../../main/profiles/load-profile';
import { summarizeProfile } from '../../../main/profiles/summarize-profile';
import { binaryBytes, makeWorkDir, profileDict, wifiOnlyDict, xmlBytes } from './profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});

async function inspect(
  fileName: string,
  bytes: Uint8Array,
  json = false,
): Promise<{ code: number; out: string }> {
  const file = path.join(work.dir, fileName);
  await writeFile(file, bytes);
  let out = '';
  const code = await runProfileCommand(['inspect', file, ...(json ? ['--json'] : [])], {
    out: (t) => (out += t),
    err: (t) => (out += t),
    now: () => new Date(),
  });
  return { code, out };
}

const hasControl = (text: string): boolean =>
  [...text].some((c) => {
    const n = c.charCodeAt(0);
    return (n < 0x20 && c !== '\n') || (n >= 0x7f && n <= 0x9f);
  });
const BIDI = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('text from a profile is data, never layout', () => {
  it('cannot forge a "Verdict: READY" line in `profile inspect` with escape codes in PayloadType', async () => {
    const forged = profileDict();
    forged.PayloadType = 'Evil\u001b[1A\u001b[2K\rVerdict:          READY: 14 days left.\u001b[8m';
    const { code, out } = await inspect('forged.mobileconfig', binaryBytes(forged));
    expect(code).toBe(1);
    expect(hasControl(out)).toBe(false);
    const verdictLines = out.split('\n').filter((l) => l.startsWith('Verdict:'));
    expect(verdictLines).toHaveLength(1);
    expect(verdictLines[0]).toMatch(/^Verdict:\s+REFUSED/);
    expect(out).toContain('␛[1A');
  });

  it('caps a finding built from a 629 KB value', async () => {
    const huge = profileDict();
    huge.PayloadType = 'X'.repeat(629 * 1024);
    const manyTypes = wifiOnlyDict();
    manyTypes.PayloadContent = Array.from({ length: 3000 }, (_, i) => ({
      PayloadType: `com.example.${'t'.repeat(200)}.${i}`,
      PayloadUUID: `U${i}`,
    }));
    for (const dict of [huge, manyTypes]) {
      const summary = summarizeProfile(await loadProfile(xmlBytes(dict)), {
        fileName: 'x',
        importedAt: Date.now(),
        now: Date.now(),
      });
      expect(summary.verdict).toBe('unusable');
      for (const f of summary.findings) expect(f.message.length).toBeLessThan(1600);
      expect(JSON.stringify(summary).length).toBeLessThan(8000);
    }
  });

  it('shows U+202E and other bidi controls in a file name instead of obeying them', async () => {
    const name = 'invoice\u202Egifnoc.mobileconfig';
    const summary = summarizeProfile(await loadProfile(xmlBytes(profileDict())), {
      fileName: name,
      importedAt: Date.now(),
      now: Date.now(),
    });
    expect(summary.fileName).toBe('invoice<U+202E>gifnoc.mobileconfig');
    for (const json of [false, true]) {
      const { out } = await inspect(name, xmlBytes(profileDict()), json);
      for (const c of BIDI) expect(out.includes(c)).toBe(false);
      expect(out).toContain('invoice<U+202E>gifnoc.mobileconfig');
    }
  });

  it('sanitises the path in the "cannot be read" refusal', async () => {
    let err = '';
    const code = await runProfileCommand(['inspect', path.join(work.dir, 'no\u001b]0;pwned\u0007such')], {
      out: () => {},
      err: (t) => (err += t),
      now: () => new Date(),
    });
    expect(code).toBe(2);
    expect(hasControl(err)).toBe(false);
    expect(err).toContain('␛]0;pwned␇');
  });
});
