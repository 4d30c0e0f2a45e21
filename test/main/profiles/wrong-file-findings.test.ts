/**
 * Issue 21 item 5: Intune's Setup Assistant enrollment link gets one refusal, word for word, whichever way it
 * reaches the bench: the window's drop, file chooser and paste all send bytes to `importProfile`, and
 * `enroll-bench profile import` reads a file; both end in the same ProfileService.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runProfileImportCommand } from '../../../main/cli/profile-import-command';
import { IdentityService } from '../../../main/identity/identity-service';
import { ProfileChannels } from '../../../main/profiles/profile-channels';
import { ProfileService } from '../../../main/profiles/profile-service';
import { SETUP_ASSISTANT_LINK_REFUSAL, wrongFileFinding } from '../../../main/profiles/wrong-file-findings';

const EXPECTED =
  "This is Intune's Setup Assistant enrollment link; cfgutil cannot enroll with it. Download the Direct enrollment profile instead: Intune ▸ Devices ▸ iOS/iPadOS ▸ Enrollment ▸ Apple Configurator ▸ Profiles ▸ your profile ▸ Export profile ▸ Download profile.";
const LINK =
  'https://appleconfigurator2.manage.microsoft.com/MDMServiceConfig?id=0f1e2d3c&AADTenantId=4b5a6978';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'eb-link-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const messages = (summary: { readonly findings: readonly { readonly message: string }[] }) =>
  summary.findings.map((f) => f.message);

describe('the Setup Assistant enrollment link', () => {
  it('is refused in exactly the words of issue 21', () => {
    expect(SETUP_ASSISTANT_LINK_REFUSAL).toBe(EXPECTED);
    expect(wrongFileFinding('file-url-text', { host: 'appleconfigurator2.manage.microsoft.com' })).toEqual({
      severity: 'error',
      code: 'file-url-text',
      message: EXPECTED,
    });
  });

  it('a web address on another host keeps the general words, naming the host', () => {
    const finding = wrongFileFinding('file-url-text', { host: 'mdm.example.org' });
    expect(finding.message).not.toBe(EXPECTED);
    expect(finding.message).toContain('mdm.example.org');
  });

  it.each([
    ['a dropped or chosen .txt file', 'Profile URL.txt', `${LINK}\n`],
    ['pasted text (the window sends it as a file)', 'Pasted text.txt', LINK],
    ['a .mobileconfig name around the link', 'Contoso.mobileconfig', `  ${LINK}  `],
  ])('reaches the window through importProfile: %s', async (_what, fileName, text) => {
    const channels = new ProfileChannels(new ProfileService({ dataDir }), new IdentityService({ dataDir }));
    const result = await channels.importProfile({
      fileName,
      dataBase64: Buffer.from(text).toString('base64'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.verdict).toBe('unusable');
    expect(messages(result.value)).toContain(EXPECTED);
    // The link's tenant id is not echoed back.
    expect(JSON.stringify(result.value)).not.toContain('4b5a6978');
  });

  it('reaches `enroll-bench profile import`, exit 1 and nothing saved', async () => {
    const file = path.join(dataDir, 'intune-link.txt');
    await writeFile(file, `${LINK}\n`);
    let out = '';
    let err = '';
    const code = await runProfileImportCommand([file, '--json'], {
      out: (t) => (out += t),
      err: (t) => (err += t),
      env: { ENROLL_BENCH_DATA: path.join(dataDir, 'data') },
    });
    expect(code).toBe(1);
    const printed = JSON.parse(out) as { saved: boolean; profile: { findings: { message: string }[] } };
    expect(printed.saved).toBe(false);
    expect(messages(printed.profile)).toContain(EXPECTED);
    expect(err).toMatch(/refused and not saved/);
  });
});
