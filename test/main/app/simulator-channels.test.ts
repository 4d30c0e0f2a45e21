/**
 * The person's hands on a simulated device (issue 10, item 7): validated at the boundary, mapped to the
 * world's verbs, refused with a reason where the world has no verb yet.
 */
import { describe, expect, it } from 'vitest';
import { EngineSupervisor } from '../../../main/app/engine-supervisor';
import { composeHandlers } from '../../../main/app/compose-handlers';
import { SimulatorChannels } from '../../../main/app/simulator-channels';
import { argValidators } from '../../../main/ipc/validate-args';
import { createInvokeDispatcher } from '../../../main/ipc/dispatch-invoke';
import { FakeEngine, fakeFactory } from '../../fakes/fake-engine';
import { ManualTimers, settle } from '../../fakes/manual-timers';

async function simulatedBench() {
  const simulator = FakeEngine.simulated();
  const service = new EngineSupervisor({
    engine: { kind: 'simulator', reason: 'requested' },
    factory: fakeFactory({ simulator }),
    timers: new ManualTimers(),
  });
  await service.start();
  await settle();
  return {
    simulator,
    dispatch: createInvokeDispatcher(
      composeHandlers({ engines: service, simulator: new SimulatorChannels(() => service.runningEngine()) }),
    ),
  };
}

describe('simulate: on-device hands', () => {
  it("maps Trust, Don't Trust, Approve profile and Unlock to the world, with the ECID normalised", async () => {
    const t = await simulatedBench();
    t.simulator.pendingProfiles.add('0x1001');
    expect(await t.dispatch('simulate', [{ type: 'trust', ecid: '0x0000001001' }])).toEqual({
      ok: true,
      value: ['0x1001'],
    });
    await t.dispatch('simulate', [{ type: 'deny-trust', ecid: '0x1002' }]);
    expect(await t.dispatch('simulate', [{ type: 'approve-profile', ecid: '0x1001' }])).toMatchObject({
      ok: true,
    });
    await t.dispatch('simulate', [{ type: 'unlock', ecid: '0x1003' }]);
    expect(t.simulator.hands).toEqual([
      'trust 0x1001',
      'deny-trust 0x1002',
      'approve 0x1001',
      'unlock 0x1003',
    ]);
  });

  it('says so when no profile is waiting to approve', async () => {
    const t = await simulatedBench();
    const result = await t.dispatch('simulate', [{ type: 'approve-profile', ecid: '0x1001' }]);
    expect(result).toMatchObject({ ok: false, error: { title: 'No profile is waiting on this device' } });
  });

  it('plays the person finishing Setup Assistant through the world', async () => {
    const t = await simulatedBench();
    const result = await t.dispatch('simulate', [{ type: 'finish-setup-assistant', ecid: '0x1001' }]);
    expect(result).toMatchObject({ ok: true, value: ['0x1001'] });
    expect(t.simulator.hands).toEqual(['finish-setup 0x1001']);
  });

  it.each([
    ['no ECID', { type: 'trust' }],
    ['a bad ECID', { type: 'unlock', ecid: 'iPad; rm -rf /' }],
  ])('refuses a hand with %s', (_name, action) => {
    expect(() => argValidators.simulate([action])).toThrow(/ECID/);
  });

  it('drops fields the action does not have', () => {
    expect(argValidators.simulate([{ type: 'approve-profile', ecid: '0x1001', identifier: 'x' }])).toEqual([
      { type: 'approve-profile', ecid: '0x1001' },
    ]);
  });
});
