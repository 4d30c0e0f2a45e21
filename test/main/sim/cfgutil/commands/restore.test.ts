import { describe, expect, it } from 'vitest';
import { cfgutil, fastWorld, json } from '../../sim-test-kit';

/** A finished progress line as cfgutil prints it: the bar fills the line to 80 columns. */
const full = (label: string): string => `${label} [${'*'.repeat(80 - label.length - 9)}]  100%`;
describe('restore and update', () => {
  it('restores a DFU device with the four steps and brings it back in normal mode at Setup Assistant', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ bootedState: 'Recovery' });
    const events: string[] = [];
    const back = new Promise<void>((resolve) => {
      handle.world.onDetached((e) => events.push(`detach ${e.device.bootedState}`));
      handle.world.onAttached(() => {
        events.push('attach');
        resolve();
      });
    });
    const run = await cfgutil(handle, ['-e', d.ecid, 'restore']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual([
      full('Waiting for the device [1/4]'),
      full('Step 2 of 4: Downloading iOS [2/4]'),
      full('Step 3 of 4: Unzipping iOS [3/4]'),
      full('Step 4 of 4: Installing iOS [4/4]'),
      `Restored System on ${d.name} (ECID: ${d.ecid}).`,
      '',
      '--- Summary ---',
      'Operation "restore" succeeded on 1 devices.',
      '',
    ]);
    await back;
    // It leaves USB from the Restore state and comes back booted.
    expect(events).toEqual(['detach Restore', 'attach']);
    expect(handle.world.device(d.ecid)).toMatchObject({
      bootedState: 'Booted',
      activationState: 'Unactivated',
      atSetupAssistant: true,
      freshlyErased: true,
      locationID: d.locationID,
    });
  });

  it('takes about eleven minutes of device time', async () => {
    // 1 simulated s = 1 ms: the 660 s restore needs well over half a second of real time.
    const handle = await fastWorld({ timings: { jitter: 0 } });
    const d = handle.world.attach({ paired: true });
    const t0 = handle.world.clock.now();
    expect((await cfgutil(handle, ['-e', d.ecid, 'update', '-I', 'iPad.ipsw'])).code).toBe(0);
    expect(handle.world.clock.now() - t0).toBeGreaterThanOrEqual(600_000);
  });

  it('refuses other commands in Recovery, and reports an injected 2006', async () => {
    const handle = await fastWorld();
    const d = handle.world.attach({ bootedState: 'Recovery' });
    expect(json(await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'erase']))).toMatchObject({
      Type: 'Error',
      Code: 1,
    });
    handle.world.injectFault({ kind: 'error', error: 'restoreFailed' }, { command: 'restore' });
    const failed = await cfgutil(handle, ['--format', 'JSON', '-e', d.ecid, 'restore']);
    expect([failed.code, json(failed).Code]).toEqual([1, 2006]);
    expect(handle.world.device(d.ecid)?.bootedState).toBe('Recovery');
    const bad = await cfgutil(handle, ['-e', d.ecid, 'restore', '--everything']);
    expect([bad.code, bad.stderr]).toEqual([1, 'cfgutil: error: restore takes only -I <ipsw>\n']);
  });
});
