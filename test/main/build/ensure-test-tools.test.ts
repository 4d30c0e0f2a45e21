/**
 * The check the test scripts run first: a usable CHROMIUM_PATH or ZSH_PATH passes, a wrong one stops with its
 * name, and an unknown tool is named. (The apt branch is not run here: it would install packages.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function run(env: Record<string, string>, tools: string[] = ['chromium']) {
  return spawnSync(process.execPath, ['main/build/ensure-test-tools.mjs', ...tools], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

describe('ensure-test-tools', () => {
  it('accepts an executable CHROMIUM_PATH', () => {
    expect(run({ CHROMIUM_PATH: '/bin/sh' }).status).toBe(0);
  });

  it('stops and names a CHROMIUM_PATH that is not a program', () => {
    const result = run({ CHROMIUM_PATH: '/etc/hostname-does-not-exist' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CHROMIUM_PATH is set to /etc/hostname-does-not-exist');
  });

  it('checks zsh the same way, through ZSH_PATH', () => {
    expect(run({ ZSH_PATH: '/bin/sh' }, ['zsh']).status).toBe(0);
    const result = run({ ZSH_PATH: '/nope/zsh' }, ['zsh']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ZSH_PATH is set to /nope/zsh');
  });

  it('names a tool it does not know', () => {
    const result = run({}, ['fish']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown tool "fish"');
  });
});
