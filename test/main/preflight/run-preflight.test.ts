import { presetWorkflows } from '../../../main/jobs/workflow/presets';
import { simulatedReachability } from '../../../main/preflight/activation-reachability';
import { describe, expect, it } from 'vitest';
import type { PreflightCheckId } from '../../../preload/preflight-domain';
import { runPreflight } from '../../../main/preflight/run-preflight';
import { CfgutilError } from '../../../main/cfgutil/cfgutil-error';
import { cfgutilError } from '../../../main/cfgutil/cfgutil-error';
import { DAY, healthyDeps, identity, NOW, profile, reachable } from './preflight-fakes';

async function line(id: PreflightCheckId, deps = healthyDeps()) {
  const report = await runPreflight(deps);
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} line`);
  return found;
}

describe('runPreflight', () => {
  it('is all ok on a Mac with everything in order, with the version and the ages in the sentences', async () => {
    const report = await runPreflight(healthyDeps());
    expect(report.overall).toBe('ok');
    expect(report.checks.map((c) => c.status)).toEqual(report.checks.map(() => 'ok'));
    expect(report.checks).toHaveLength(10);
    expect(report.checks.find((c) => c.id === 'cfgutil-version')?.sentence).toBe(
      'cfgutil reports version 2.20 (1001.5).',
    );
    expect(report.checks.find((c) => c.id === 'supervision-identity')?.sentence).toContain('400 days left');
    expect(report.checks.find((c) => c.id === 'enrollment-profile')?.sentence).toContain(
      '3 days old, 11 days left',
    );
  });

  it('names each problem with its fix, and the overall status is the worst', async () => {
    const report = await runPreflight(
      healthyDeps({
        engine: () => ({ kind: 'missing', searched: ['/usr/local/bin/cfgutil'] }),
        cfgutilVersion: () => undefined,
        identity: () => null,
        profile: () => null,
        reachability: reachable('no-name'),
      }),
    );
    expect(report.overall).toBe('problem');
    const problems = report.checks.filter((c) => c.status === 'problem');
    expect(problems.map((c) => c.id)).toEqual([
      'cfgutil-found',
      'cfgutil-version',
      'cfgutil-signature',
      'supervision-identity',
      'enrollment-profile',
      'mac-online',
    ]);
    for (const p of problems) expect(p.fix).toMatch(/\w/);
  });

  it('says "cannot check here" for the signature and the Automation Tools off macOS', async () => {
    const deps = healthyDeps({ platform: 'linux', signature: { verify: async () => 'unavailable' } });
    expect(await line('cfgutil-signature', deps)).toMatchObject({
      status: 'warning',
      sentence: expect.stringMatching(/^Cannot check here/),
    });
    expect(await line('automation-tools', deps)).toMatchObject({
      status: 'warning',
      sentence: expect.stringMatching(/^Cannot check here/),
    });
  });

  it("refuses a cfgutil that is not Apple's", async () => {
    const deps = healthyDeps({ signature: { verify: async () => 'not-apple' } });
    expect(await line('cfgutil-signature', deps)).toMatchObject({ status: 'problem' });
  });

  it('warns when cfgutil runs from inside Apple Configurator without the Automation Tools', async () => {
    const deps = healthyDeps({
      checkFile: async (p) => (p === '/usr/local/bin/cfgutil' ? 'missing' : 'executable'),
    });
    expect((await line('automation-tools', deps)).status).toBe('warning');
  });

  it('tells a cfgutil that cannot start from one that does not say its version', async () => {
    const cannotStart = healthyDeps({
      cfgutilVersion: () => async () => {
        throw cfgutilError('cfgutil-missing', { originalMessage: 'ENOENT' });
      },
    });
    expect(cfgutilError('cfgutil-missing', {})).toBeInstanceOf(CfgutilError);
    expect((await line('cfgutil-version', cannotStart)).status).toBe('problem');
    const silent = healthyDeps({ cfgutilVersion: () => async () => ({ raw: '' }) });
    expect((await line('cfgutil-version', silent)).status).toBe('warning');
  });

  it('judges the identity by its dates', async () => {
    const soon = healthyDeps({ identity: () => identity({ notAfter: NOW + 10 * DAY }) });
    expect(await line('supervision-identity', soon)).toMatchObject({
      status: 'warning',
      sentence: expect.stringContaining('10 days left'),
    });
    const expired = healthyDeps({ identity: () => identity({ notAfter: NOW - DAY }) });
    expect((await line('supervision-identity', expired)).status).toBe('problem');
  });

  it('judges the profile by its verdict and age', async () => {
    const expired = healthyDeps({ profile: () => profile({ verdict: 'expired', headline: 'Expired.' }) });
    expect((await line('enrollment-profile', expired)).status).toBe('problem');
    const expiring = profile();
    const ageing = healthyDeps({
      profile: () => ({
        ...expiring,
        age: { ...expiring.age!, state: 'expiring', ageDays: 13, daysLeft: 1 },
      }),
    });
    expect(await line('enrollment-profile', ageing)).toMatchObject({
      status: 'warning',
      sentence: expect.stringContaining('13 days old, 1 day left'),
    });
  });

  it('measures free space against what a restore needs', async () => {
    const low = healthyDeps({ freeSpace: async () => 4e9 });
    expect((await line('disk-cfgutil-temp', low)).status).toBe('problem');
    expect((await line('disk-data-folder', low)).status).toBe('warning');
    expect((await line('disk-cfgutil-temp', healthyDeps({ freeSpace: async () => 12e9 }))).status).toBe(
      'warning',
    );
  });

  it('bounds a check that never answers, and says so', async () => {
    const stuck = healthyDeps({ signature: { verify: () => new Promise(() => {}) } });
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const pending = runPreflight(stuck);
      await vi.advanceTimersByTimeAsync(8_001);
      const report = await pending;
      expect(report.checks.find((c) => c.id === 'cfgutil-signature')).toMatchObject({
        status: 'warning',
        sentence: 'This check did not finish within 8 seconds.',
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a simulated bench as a warning, never as ok', async () => {
    const deps = healthyDeps({ engine: () => ({ kind: 'simulator', reason: 'not-macos' }) });
    expect((await line('cfgutil-found', deps)).status).toBe('warning');
    expect((await line('cfgutil-signature', deps)).status).toBe('warning');
    // `enroll-bench preflight` on Linux: a simulated engine, but no world to ask.
    const headless = healthyDeps({
      engine: () => ({ kind: 'simulator', reason: 'not-macos' }),
      cfgutilVersion: () => undefined,
    });
    expect((await line('cfgutil-version', headless)).status).toBe('warning');
  });
});

describe('an ADE workflow selected (issue 26)', () => {
  const ade = presetWorkflows.find((w) => w.id === 'ade-reenroll');
  const direct = presetWorkflows.find((w) => w.id === 'supervise-and-enroll');

  it('says before the cart starts that prepare --dep needs the Internet, as a problem when the Mac is offline', async () => {
    const offline = simulatedReachability(() => false);
    const adeOffline = await runPreflight(
      healthyDeps({ reachability: offline, selectedWorkflow: async () => ade }),
    );
    const line = adeOffline.checks.find((c) => c.id === 'mac-online');
    expect(line?.status).toBe('problem');
    expect(line?.sentence).toMatch(/ADE workflow needs the Internet before the cart starts/);
    const directOffline = await runPreflight(
      healthyDeps({ reachability: offline, selectedWorkflow: async () => direct }),
    );
    expect(directOffline.checks.find((c) => c.id === 'mac-online')?.sentence).not.toMatch(/ADE/);
  });

  it('says the ADE workflow can fetch configurations when the Mac is online, and ignores a failing lookup', async () => {
    const online = simulatedReachability(() => true);
    const ok = await runPreflight(healthyDeps({ reachability: online, selectedWorkflow: async () => ade }));
    const line = ok.checks.find((c) => c.id === 'mac-online');
    expect(line?.status).toBe('ok');
    expect(line?.sentence).toMatch(/ADE workflow can fetch/);
    const broken = await runPreflight(
      healthyDeps({
        reachability: online,
        selectedWorkflow: async () => {
          throw new Error('store gone');
        },
      }),
    );
    expect(broken.checks.find((c) => c.id === 'mac-online')?.status).toBe('ok');
  });
});
