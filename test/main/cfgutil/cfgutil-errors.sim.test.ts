/**
 * Every error code the client can produce, provoked for real in the simulator; concurrency (parallel ECIDs
 * work, the same ECID is busy); and localisation (French and German messages, same classification).
 */
import { chmod } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../preload/domain';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import type { SimLanguage } from '../../../main/sim/index';
import { type Bench, eventually, identityIn, profileIn, rejectsWith, simBench } from './sim-harness';
import { signalFails } from './process-helpers';

interface Scenario {
  readonly name: string;
  readonly code: ErrorCode;
  /** What a localised run gives: the same code, or `unknown` when only English text identifies it (§7.1). */
  readonly localized: 'same' | 'unknown';
  readonly provoke: (bench: Bench) => Promise<unknown>;
}

const scenarios: Scenario[] = [
  {
    name: 'prepare on a device that is already set up',
    code: 'already-prepared',
    localized: 'same',
    provoke: ({ handle, client }) =>
      client.prepare(handle.world.attach({ paired: true }).ecid, { dep: true }),
  },
  {
    name: 'prepare --dep without an ADE assignment',
    code: 'configuration-unavailable',
    localized: 'same',
    provoke: ({ handle, client }) =>
      client.prepare(handle.world.attach({ state: 'erased', dep: 'none' }).ecid, { dep: true }),
  },
  {
    // No code is known for this failure (§6.1 has only the English Detail), so a localised run is `unknown`.
    name: 'prepare when the Mac is offline',
    code: 'network-unavailable',
    localized: 'unknown',
    provoke: ({ handle, client }) => {
      handle.world.setOnline(false);
      return client.prepare(handle.world.attach({ state: 'erased' }).ecid, { supervised: true });
    },
  },
  {
    name: 'prepare when activation is refused',
    code: 'not-activated',
    localized: 'unknown',
    provoke: ({ handle, client }) => {
      // With Activation Lock checked at erase (S5's reading), a locked device that got erased will not activate.
      handle.world.setQuirks({ activationLockAt: 'erase' });
      return client.prepare(handle.world.attach({ state: 'erased', findMy: true }).ecid, {
        supervised: true,
      });
    },
  },
  {
    name: 'pair on a locked device',
    code: 'passcode-locked',
    localized: 'same',
    provoke: ({ handle, client }) => client.pair(handle.world.attach({ passcodeLocked: true }).ecid),
  },
  {
    name: 'pair while the Trust dialog waits',
    code: 'trust-pending',
    localized: 'same',
    provoke: ({ handle, client }) => client.pair(handle.world.attach({}).ecid),
  },
  {
    name: "pair after Don't Trust",
    code: 'trust-denied',
    localized: 'same',
    provoke: async ({ handle, client }) => {
      const { ecid } = handle.world.attach({});
      handle.world.tapTrust(ecid, false);
      return client.pair(ecid);
    },
  },
  {
    // Activation Lock shows at activation (AGREED-SIM 7); only English text identifies it.
    name: 'prepare under Activation Lock',
    code: 'activation-locked',
    localized: 'unknown',
    provoke: ({ handle, client }) =>
      client.prepare(handle.world.attach({ state: 'erased', findMy: true }).ecid, { supervised: true }),
  },
  {
    name: 'erase under Activation Lock when the switch puts it there',
    code: 'activation-locked',
    localized: 'unknown',
    provoke: ({ handle, client }) => {
      handle.world.setQuirks({ activationLockAt: 'erase' });
      return client.erase(handle.world.attach({ paired: true, findMy: true }).ecid);
    },
  },
  {
    name: 'a Mac too old for the device',
    code: 'mac-out-of-date',
    localized: 'same',
    provoke: ({ handle, client }) => {
      handle.world.injectFault({ kind: 'error', error: 'macOutOfDate' }, { command: 'erase' });
      return client.erase(handle.world.attach({ paired: true }).ecid);
    },
  },
  {
    name: 'the device dropping off USB mid-command (−402653052)',
    code: 'device-disconnected',
    localized: 'same',
    provoke: ({ handle, client }) => {
      handle.world.injectFault({ kind: 'disconnect' }, { command: 'erase' });
      return client.erase(handle.world.attach({ paired: true }).ecid);
    },
  },
  {
    name: 'the device state becoming unknown (603)',
    code: 'device-disconnected',
    localized: 'same',
    provoke: ({ handle, client }) => {
      handle.world.setQuirks({ disconnectCode: 603 });
      handle.world.injectFault({ kind: 'disconnect', effectApplied: true }, { command: 'rename' });
      return client.rename(handle.world.attach({ paired: true }).ecid, 'x');
    },
  },
  {
    name: 'an ECID that is not attached',
    code: 'no-devices-found',
    localized: 'same',
    provoke: ({ client }) => client.get('0x1234567890ABC', ['name']),
  },
  {
    name: 'rename blocked by a restrictions profile',
    code: 'set-prohibited',
    localized: 'same',
    provoke: async ({ handle, client, dir }) => {
      const identity = await identityIn(dir);
      const { ecid } = handle.world.attach({
        paired: true,
        supervisedBy: { organizationName: 'C', certificate: identity.certBytes },
      });
      await client.installProfile(
        ecid,
        await profileIn(dir, 'r', ['com.apple.applicationaccess'], { allowDeviceNameModification: false }),
        { identity },
      );
      return client.rename(ecid, 'new name');
    },
  },
  {
    name: 'remove-profile of a profile that is not installed',
    code: 'no-such-profile',
    localized: 'same',
    provoke: ({ handle, client }) =>
      client.removeProfile(handle.world.attach({ paired: true }).ecid, 'com.example.none'),
  },
  {
    name: 'garbage on stdout',
    code: 'output-unparseable',
    localized: 'same',
    provoke: ({ handle, client }) => {
      handle.world.injectFault({ kind: 'garbage' }, { command: 'list' });
      return client.list();
    },
  },
  {
    name: 'cfgutil dying from a signal',
    code: 'unknown',
    localized: 'same',
    provoke: ({ handle, client }) => {
      handle.world.injectFault({ kind: 'crash', signal: 'SIGABRT' }, { command: 'get' });
      return client.get(handle.world.attach({ paired: true }).ecid, ['name']);
    },
  },
  {
    name: 'a restore error the bench has no code for (2006)',
    code: 'unknown',
    localized: 'same',
    provoke: ({ handle, client }) => {
      handle.world.injectFault({ kind: 'error', error: 'restoreFailed' }, { command: 'erase' });
      return client.erase(handle.world.attach({ paired: true }).ecid);
    },
  },
];

describe('error codes provoked in the simulator (English)', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const bench = await simBench();
    const error = await rejectsWith(scenario.provoke(bench), scenario.code);
    expect(error.run?.argv[0]).toBe(bench.handle.cfgutilPath);
  });

  it('classifies a locked device per property when reading it', async () => {
    const { handle, client } = await simBench();
    const { ecid } = handle.world.attach({ paired: true, passcodeLocked: true });
    const result = await client.get(ecid, ['serialNumber', 'isSupervised']);
    expect(result.errors.serialNumber?.code).toBe('passcode-locked');
    expect(result.errors.isSupervised?.code).toBe('passcode-locked');
  });

  it('treats 625 on install-profile as awaiting approval, not as a failure', async () => {
    const bench = await simBench();
    const { ecid } = bench.handle.world.attach({ paired: true });
    await expect(
      bench.client.installProfile(ecid, await profileIn(bench.dir, 'p', ['com.apple.mdm'])),
    ).resolves.toBe('awaiting-user-approval');
  });
});

describe.each<SimLanguage>(['fr', 'de'])('error codes with %s messages', (language) => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const bench = await simBench({ quirks: { language } });
    const expected = scenario.localized === 'same' ? scenario.code : 'unknown';
    const error = await rejectsWith(scenario.provoke(bench), expected);
    if (scenario.localized === 'unknown') {
      expect(error.info.cfgutilCode).toBeTypeOf('number');
      expect(error.info.originalMessage).not.toMatch(
        /not activated|already in use|complete the activation process|network communication/i,
      );
    }
  });

  it('still reads 625 as awaiting approval', async () => {
    const bench = await simBench({ quirks: { language } });
    const { ecid } = bench.handle.world.attach({ paired: true });
    await expect(
      bench.client.installProfile(ecid, await profileIn(bench.dir, 'p', ['com.apple.mdm'])),
    ).resolves.toBe('awaiting-user-approval');
  });
});

describe('the spawn boundary with the simulator', () => {
  it('reports cfgutil-missing when the Automation Tools are not installed', async () => {
    const { client } = await simBench({ toolsInstalled: false });
    await rejectsWith(client.list(), 'cfgutil-missing');
  });

  it('reports cfgutil-not-executable when the file lost its execute permission', async () => {
    const { handle, client } = await simBench();
    await chmod(handle.cfgutilPath, 0o644);
    await rejectsWith(client.list(), 'cfgutil-not-executable');
  });

  it('times out a hanging cfgutil and leaves no process behind', async () => {
    const { handle } = await simBench();
    const client = createCfgutilClient({ cfgutilPath: handle.cfgutilPath, timeoutsMs: { list: 400 } });
    handle.world.injectFault({ kind: 'hang' }, { command: 'list' });
    const error = await rejectsWith(client.list(), 'timed-out');
    expect(error.run?.outcome).toBe('timed-out');
    expect(signalFails(error.run?.pid ?? 0)).toBe(true);
  });

  it('cancels a running prepare on abort and leaves no process behind', async () => {
    const { handle, client } = await simBench({ timeScale: 0.05 });
    const { ecid } = handle.world.attach({ state: 'erased' });
    const controller = new AbortController();
    const running = rejectsWith(
      client.prepare(ecid, { supervised: true }, { signal: controller.signal }),
      'cancelled',
    );
    await eventually(() => handle.world.device(ecid)?.busy === true);
    controller.abort();
    const error = await running;
    expect(signalFails(error.run?.pid ?? 0)).toBe(true);
    await eventually(() => handle.world.device(ecid)?.busy === false);
  });
});

describe('concurrency (§9)', () => {
  it('runs commands on different ECIDs in parallel', async () => {
    const { handle, client } = await simBench({ timeScale: 0.005 });
    const devices = [1, 2, 3].map(() => handle.world.attach({ state: 'erased' }));
    await Promise.all(devices.map((d) => client.prepare(d.ecid, { supervised: true, name: 'Contoso' })));
    expect(devices.map((d) => handle.world.device(d.ecid)?.isSupervised)).toEqual([true, true, true]);
  });

  it('reports device-busy for a second command on the same ECID, while the first one succeeds', async () => {
    const { handle, client } = await simBench({ timeScale: 0.05 });
    const { ecid } = handle.world.attach({ state: 'erased' });
    const first = client.prepare(ecid, { supervised: true });
    await eventually(() => handle.world.device(ecid)?.busy === true);
    const error = await rejectsWith(client.get(ecid, ['name']), 'device-busy');
    expect(error.ecid).toBe(ecid);
    await first;
    expect(handle.world.device(ecid)?.isSupervised).toBe(true);
  });

  it('cannot classify a busy device from French text alone: unknown, with code and message kept', async () => {
    const { handle, client } = await simBench({ timeScale: 0.05, quirks: { language: 'fr' } });
    const { ecid } = handle.world.attach({ state: 'erased' });
    const first = client.prepare(ecid, { supervised: true });
    await eventually(() => handle.world.device(ecid)?.busy === true);
    const error = await rejectsWith(client.erase(ecid), 'unknown');
    expect(error.info.originalMessage).toContain('déjà utilisé');
    await first;
  });
});
