import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../main/cli/cli';

describe('runCli', () => {
  afterEach(() => vi.restoreAllMocks());

  function capture() {
    const out: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    return out;
  }

  it('prints usage with every command for --help', async () => {
    const out = capture();
    expect(await runCli(['--help'])).toBe(0);
    for (const command of ['start', 'serve', 'sim', 'profile', 'identity', 'workflow'])
      expect(out.join('\n')).toContain(`  ${command}`);
  });

  it('exits 2 for an unknown command or flag', async () => {
    const out = capture();
    expect(await runCli(['frobnicate'])).toBe(2);
    expect(await runCli(['serve', '--bogus'])).toBe(2);
    expect(out.join('\n')).toMatch(/unknown command "frobnicate"[\s\S]*unknown option --bogus/);
  });

  it('explains a --cfgutil path that does not exist, without a stack trace', async () => {
    const out = capture();
    expect(await runCli(['serve', '--cfgutil', '/no/such/cfgutil', '--port', '0'])).toBe(1);
    expect(out.join('\n')).toContain('/no/such/cfgutil');
    expect(out.join('\n')).not.toMatch(/\n\s+at /);
  });
});
