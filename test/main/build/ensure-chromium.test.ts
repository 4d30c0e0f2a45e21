/**
 * The check `npm run test:e2e` runs first: a usable CHROMIUM_PATH passes, a wrong one stops with its name.
 * (The apt branch is not run here: it would install a browser.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(env: Record<string, string>) {
  return spawnSync(process.execPath, ['main/build/ensure-chromium.mjs'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('ensure-chromium', () => {
  it('accepts an executable CHROMIUM_PATH', () => {
    expect(run({ CHROMIUM_PATH: '/bin/sh' }).status).toBe(0);
  });

  it('stops and names a CHROMIUM_PATH that is not a program', () => {
    const result = run({ CHROMIUM_PATH: '/etc/hostname-does-not-exist' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is set to /etc/hostname-does-not-exist');
  });
});
