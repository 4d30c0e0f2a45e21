import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { filterArgs, filterEnv, filterText } from '../../../main/record/secret-filter';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the secret filter', () => {
  it('records files as their name and SHA-256 only, never their folder or contents', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'secret-'));
    dirs.push(dir);
    const key = path.join(dir, 'supervision-key.der');
    await writeFile(key, 'PRIVATE-KEY-BYTES');
    const sha = createHash('sha256').update('PRIVATE-KEY-BYTES').digest('hex');
    const args = await filterArgs([
      '-K',
      key,
      '-e',
      '0x1',
      'install-profile',
      path.join(dir, 'missing.mobileconfig'),
    ]);
    expect(args).toEqual([
      '-K',
      `<file:supervision-key.der sha256:${sha}>`,
      '-e',
      '0x1',
      'install-profile',
      '<file:missing.mobileconfig sha256:unreadable>',
    ]);
    expect(args.join(' ')).not.toContain(dir);
  });

  it('replaces the value of any password- or token-like option, separate or inline', async () => {
    expect(
      await filterArgs(['--password', 'hunter2', '--api-token=abc', '-p', 'pin1', 'get', 'name']),
    ).toEqual(['--password', '<secret>', '--api-token=<secret>', '-p', '<secret>', 'get', 'name']);
  });

  it('drops secret-named environment variables and reduces paths to names', () => {
    expect(filterEnv({ ECID: '0x1', API_TOKEN: 't', HOME_FILE: '/Users/ann/x.txt' })).toEqual({
      ECID: '0x1',
      HOME_FILE: '<file:x.txt>',
    });
    expect(filterEnv({ SECRET: 'x' })).toBeUndefined();
  });

  it('removes private keys and password values from output text', () => {
    const text =
      'a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\npassword: hunter2 b';
    const out = filterText(text);
    expect(out).not.toMatch(/MIIE|hunter2/);
    expect(out).toContain('<private key removed>');
    expect(out).toMatch(/^a\n/);
  });
});
