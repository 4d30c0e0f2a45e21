import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../preload/domain';
import { runProfileCommand } from '../../../main/cli/profile-command';
import { toErrorInfo } from '../../../main/errors/bench-error';
import { IdentityService, type IdentityLogEntry } from '../../../main/identity/identity-service';
import { formatProfileSummary } from '../../../main/profiles/format-profile-summary';
import { ProfileService, type ProfileLogEntry } from '../../../main/profiles/profile-service';
import { DAY_MS } from '../../../main/profiles/profile-age';
import {
  CHALLENGE,
  makeP12,
  makeSigner,
  makeWorkDir,
  P12_PASSWORD,
  pdfBytes,
  profileDict,
  scepPayload,
  signBytes,
  wifiOnlyDict,
  xmlBytes,
} from './profile-fixtures';

const SECRETS = [CHALLENGE, P12_PASSWORD];

function expectNoSecret(text: string, where: string): void {
  for (const secret of SECRETS) expect(text.includes(secret), `${secret} leaked into ${where}`).toBe(false);
}

let work: Awaited<ReturnType<typeof makeWorkDir>>;
let fixtures: { name: string; bytes: Uint8Array }[];

beforeAll(async () => {
  work = await makeWorkDir();
  const p12 = await makeP12(work.dir, P12_PASSWORD);
  const withP12 = profileDict();
  const content = withP12.PayloadContent as { [k: string]: unknown }[];
  content.push({
    PayloadType: 'com.apple.security.pkcs12',
    PayloadUUID: 'P12-1',
    PayloadIdentifier: 'p12',
    PayloadVersion: 1,
    Password: P12_PASSWORD,
    PayloadContent: p12,
  });
  const oddPlaces = profileDict({ serverUrl: `https://i.manage.microsoft.com/x?c=${CHALLENGE}` });
  oddPlaces.PayloadDisplayName = `Enroll ${CHALLENGE}`;
  const signer = await makeSigner(
    work.dir,
    'Redaction Signer',
    new Date(Date.now() - DAY_MS),
    new Date(Date.now() + 30 * DAY_MS),
  );
  fixtures = [
    { name: 'scep-with-p12.mobileconfig', bytes: xmlBytes(withP12 as never) },
    { name: 'signed.mobileconfig', bytes: await signBytes(work.dir, xmlBytes(withP12 as never), signer) },
    { name: 'acme.mobileconfig', bytes: xmlBytes(profileDict({ variant: 'acme' })) },
    { name: 'odd-places.mobileconfig', bytes: xmlBytes(oddPlaces) },
    { name: 'wifi.mobileconfig', bytes: xmlBytes(wifiOnlyDict()) },
    {
      name: 'broken-identity.mobileconfig',
      bytes: xmlBytes(profileDict({ payloads: [scepPayload('OTHER')] })),
    },
  ];
  // The fixtures really contain the secrets, so the assertions below can fail.
  for (const f of fixtures)
    expect(Buffer.from(f.bytes).includes(Buffer.from(CHALLENGE)) || f.name.startsWith('signed')).toBe(true);
});
afterAll(async () => {
  await work.cleanup();
});

describe('secrets never leave the profile', () => {
  it('are absent from summaries, text output, log entries, events and run-gate errors', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-redact-'));
    const logs: ProfileLogEntry[] = [];
    const events: (ProfileSummary | null)[] = [];
    let clock = Date.now();
    const service = new ProfileService({ dataDir, now: () => new Date(clock), log: (e) => logs.push(e) });
    service.onChanged((p) => events.push(p));
    try {
      for (const f of fixtures) {
        const summary = await service.importBytes({ fileName: f.name, bytes: f.bytes, source: 'renderer' });
        expectNoSecret(JSON.stringify(summary), `summary of ${f.name}`);
        expectNoSecret(formatProfileSummary(summary), `text of ${f.name}`);
      }
      clock += 15 * DAY_MS;
      const gate = service.canStartRun();
      expectNoSecret(JSON.stringify(gate), 'run gate');
      await service.overrideAge(`operator pasted ${CHALLENGE} by mistake`);
      expectNoSecret(JSON.stringify(service.current()), 'current after override');
      expectNoSecret(JSON.stringify(logs), 'log entries');
      expectNoSecret(JSON.stringify(events), 'change events');
      expect(logs.length).toBeGreaterThanOrEqual(fixtures.length + 1);
      expect(events.length).toBeGreaterThan(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('redacts a secret that an author put into a displayed field', async () => {
    const service = new ProfileService({ dataDir: work.dir });
    const odd = fixtures.find((f) => f.name === 'odd-places.mobileconfig');
    const summary = await service.importBytes({
      fileName: 'odd.mobileconfig',
      bytes: odd?.bytes ?? new Uint8Array(),
      source: 'renderer',
    });
    expect(summary.displayName).toBe('Enroll (same as a secret in this file)');
    const reuse = summary.findings.find((f) => f.code === 'secret-reused');
    expect(reuse?.severity).toBe('warning');
    expect(reuse?.message).toMatch(
      /Challenge in the com\.apple\.security\.scep payload also appears as the display name/,
    );
  });

  it('keeps the MDM host and its warnings visible when a Wi-Fi password equals the host name', async () => {
    const host = 'mdm.contoso-lab.example';
    const dict = profileDict({
      serverUrl: `https://${host}/ioshandler.ashx`,
      checkInUrl: `https://${host}/checkin.ashx`,
    });
    (dict.PayloadContent as { [k: string]: unknown }[]).push({
      PayloadType: 'com.apple.wifi.managed',
      PayloadUUID: 'WIFI-1',
      PayloadIdentifier: 'wifi',
      PayloadVersion: 1,
      SSID_STR: 'Cart',
      Password: host,
    });
    const service = new ProfileService({ dataDir: work.dir });
    const summary = await service.importBytes({
      fileName: 'same.mobileconfig',
      bytes: xmlBytes(dict),
      source: 'renderer',
    });
    expect(summary.mdmHost).toBe(host);
    const notIntune = summary.findings.filter((f) => /not-intune$/.test(f.code));
    expect(notIntune.map((f) => f.code).sort()).toEqual(['check-in-url-not-intune', 'server-url-not-intune']);
    for (const f of notIntune) expect(f.message).toContain(host);
    expect(JSON.stringify(summary)).not.toContain('[redacted]');
    const reuse = summary.findings.find((f) => f.code === 'secret-reused');
    expect(reuse?.message).toMatch(/Password in the com\.apple\.wifi\.managed payload also appears as the/);
    expect(summary.verdict).toBe('ready-with-warnings');
    expect(formatProfileSummary(summary)).toMatch(new RegExp(`MDM host:\\s+${host.replace(/\./g, '\\.')}`));
  });

  it('shows a displayed value that equals a secret as "(same as a secret in this file)", with a warning', async () => {
    const dict = profileDict();
    dict.PayloadOrganization = CHALLENGE;
    const service = new ProfileService({ dataDir: work.dir });
    const summary = await service.importBytes({
      fileName: 'org.mobileconfig',
      bytes: xmlBytes(dict),
      source: 'renderer',
    });
    expect(summary.organization).toBe('(same as a secret in this file)');
    expect(summary.findings.some((f) => f.code === 'secret-reused' && f.severity === 'warning')).toBe(true);
    expect(summary.verdict).toBe('ready-with-warnings');
    expectNoSecret(JSON.stringify(summary), 'summary with the secret as organization');
  });

  it('are absent from the CLI output, as text and as JSON', async () => {
    for (const f of fixtures) {
      const file = path.join(work.dir, f.name);
      await writeFile(file, f.bytes);
      for (const args of [
        ['inspect', file],
        ['inspect', file, '--json'],
      ]) {
        let output = '';
        await runProfileCommand(args, {
          out: (t) => (output += t),
          err: (t) => (output += t),
          now: () => new Date(),
        });
        expect(output.length).toBeGreaterThan(100);
        expectNoSecret(output, `CLI ${args.join(' ')}`);
      }
    }
  });
});

describe('the .p12 password never leaves the identity import', () => {
  /** Every form an error takes on its way to a UI or a log. */
  function expectNoPasswordIn(error: unknown, where: string, password: string): void {
    expect(error, `${where} should fail`).toBeInstanceOf(Error);
    const e = error as Error;
    for (const text of [
      e.message,
      String(e),
      e.stack ?? '',
      JSON.stringify(e),
      JSON.stringify(toErrorInfo(e)),
    ])
      expect(text.includes(password), `${password} leaked into ${where}`).toBe(false);
  }

  it('is absent from log entries, the summary, change events and every refusal', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-redact-identity-'));
    const logs: IdentityLogEntry[] = [];
    const service = new IdentityService({ dataDir, log: (e) => logs.push(e) });
    const events: unknown[] = [];
    service.onChanged((i) => events.push(i));
    try {
      for (const legacy of [false, true]) {
        const p12 = await makeP12(work.dir, P12_PASSWORD, { legacy });
        // A typo that contains the real password, so echoing the attempt would also leak the secret.
        const typo = `${P12_PASSWORD}!`;
        const wrong = await service
          .importP12({ fileName: 'x.p12', bytes: p12, password: typo })
          .catch((e: unknown) => e);
        expect((wrong as Error).message).toMatch(/The password is wrong/);
        expectNoPasswordIn(wrong, `wrong-password error (legacy ${legacy})`, typo);
        expectNoPasswordIn(wrong, `wrong-password error (legacy ${legacy})`, P12_PASSWORD);
        const summary = await service.importP12({ fileName: 'x.p12', bytes: p12, password: P12_PASSWORD });
        expectNoSecret(JSON.stringify(summary), 'identity summary');
      }
      for (const [label, bytes] of [
        ['a PDF', pdfBytes()],
        ['a truncated .p12', (await makeP12(work.dir, P12_PASSWORD)).subarray(0, 200)],
      ] as const) {
        const error = await service
          .importP12({ fileName: 'x.p12', bytes, password: P12_PASSWORD })
          .catch((e: unknown) => e);
        expectNoPasswordIn(error, label, P12_PASSWORD);
      }
      expect(logs.length).toBe(2);
      expectNoSecret(JSON.stringify(logs), 'identity log entries');
      expectNoSecret(JSON.stringify(events), 'identity change events');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
