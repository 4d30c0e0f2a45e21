import { utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../preload/domain';
import { runCli } from '../../../main/cli/cli';
import { runProfileCommand } from '../../../main/cli/profile-command';
import { UsageError } from '../../../main/text/parse-flags';
import { DAY_MS } from '../../../main/profiles/profile-age';
import {
  makeSigner,
  makeWorkDir,
  pdfBytes,
  profileDict,
  signBytes,
  tamper,
  xmlBytes,
} from './profile-fixtures';

let work: Awaited<ReturnType<typeof makeWorkDir>>;
beforeAll(async () => {
  work = await makeWorkDir();
});
afterAll(async () => {
  await work.cleanup();
});

async function inspect(name: string, bytes: Uint8Array, extra: string[] = [], mtime?: Date) {
  const file = path.join(work.dir, name);
  await writeFile(file, bytes);
  if (mtime) await utimes(file, mtime, mtime);
  let out = '';
  let err = '';
  const code = await runProfileCommand(['inspect', file, ...extra], {
    out: (t) => (out += t),
    err: (t) => (err += t),
    now: () => new Date(),
  });
  return { code, out, err };
}

describe('enroll-bench profile inspect', () => {
  it('prints the summary and every finding, exit 0 for a usable profile', async () => {
    const { code, out } = await inspect('good.mobileconfig', xmlBytes(profileDict()));
    expect(code).toBe(0);
    expect(out).toMatch(/Verdict: +READY: \d+ days left\./);
    expect(out).toMatch(/Organization: +Contoso Ltd/);
    expect(out).toMatch(/MDM host: +i\.manage\.microsoft\.com/);
    expect(out).toMatch(/Type: +SCEP/);
    expect(out).toMatch(/Signed by: +not signed/);
    expect(out).toMatch(/Verify looks for: +com\.microsoft\.intune\.enrollment\.3f1c7a2e/);
    expect(out).toMatch(/OK +SCEP profile/);
  });

  it('exits 0 with warnings for ACME and for a non-Intune host', async () => {
    const acme = await inspect('acme.mobileconfig', xmlBytes(profileDict({ variant: 'acme' })));
    expect(acme.code).toBe(0);
    expect(acme.out).toMatch(/WARNING +ACME profile/);
    const other = await inspect(
      'other.mobileconfig',
      xmlBytes(profileDict({ serverUrl: 'https://mdm.example.org/s' })),
    );
    expect(other.code).toBe(0);
    expect(other.out).toMatch(/WARNING +Not an Intune profile/);
  });

  it('exits 1 for a refused file and names it', async () => {
    const { code, out } = await inspect('manual.pdf', pdfBytes());
    expect(code).toBe(1);
    expect(out).toMatch(/Verdict: +REFUSED: This is a PDF document/);
  });

  it('exits 1 for a tampered signed profile', async () => {
    const signer = await makeSigner(
      work.dir,
      'CLI Signer',
      new Date(Date.now() - DAY_MS),
      new Date(Date.now() + 30 * DAY_MS),
    );
    const { code, out } = await inspect(
      'tampered.mobileconfig',
      tamper(await signBytes(work.dir, xmlBytes(profileDict()), signer)),
    );
    expect(code).toBe(1);
    expect(out).toMatch(/SIGNATURE DOES NOT MATCH/);
  });

  it('exits 1 for a file modified more than two weeks ago', async () => {
    const { code, out } = await inspect(
      'old.mobileconfig',
      xmlBytes(profileDict()),
      [],
      new Date(Date.now() - 15 * DAY_MS),
    );
    expect(code).toBe(1);
    expect(out).toMatch(/EXPIRED/);
  });

  it('prints the summary as JSON with --json', async () => {
    const { code, out } = await inspect('json.mobileconfig', xmlBytes(profileDict({ variant: 'acme' })), [
      '--json',
    ]);
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as ProfileSummary;
    expect(parsed.variant).toBe('acme');
    expect(parsed.findings.map((f) => f.code)).toContain('variant-acme');
  });

  it('exits 2 for a missing file and rejects bad usage', async () => {
    let err = '';
    const code = await runProfileCommand(['inspect', path.join(work.dir, 'nope')], {
      out: () => {},
      err: (t) => (err += t),
      now: () => new Date(),
    });
    expect(code).toBe(2);
    expect(err).toMatch(/could not be read\. .*nope: there is no file at that path/);
    await expect(runProfileCommand(['check', 'x'])).rejects.toBeInstanceOf(UsageError);
    await expect(runProfileCommand(['inspect'])).rejects.toBeInstanceOf(UsageError);
    await expect(runProfileCommand(['inspect', 'a', '--yaml'])).rejects.toBeInstanceOf(UsageError);
  });

  it('is registered in the enroll-bench command table', async () => {
    const file = path.join(work.dir, 'via-cli.mobileconfig');
    await writeFile(file, xmlBytes(profileDict()));
    // The command's default output is the CLI's sanitised stdout writer.
    const log = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const errors: string[] = [];
    const io = { out: () => {}, err: (t: string) => void errors.push(t), env: {} };
    try {
      expect(await runCli(['profile', 'inspect', file], io)).toBe(0);
      expect(String(log.mock.calls[0]?.[0])).toMatch(/Contoso Ltd/);
      expect(await runCli(['profile'], io)).toBe(2);
    } finally {
      log.mockRestore();
    }
  });
});
