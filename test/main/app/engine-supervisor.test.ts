import { describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import { EngineSupervisor } from '../../../main/app/engine-supervisor';
import { chooseEngine, type LocateOutcome } from '../../../main/engine/choose-engine';
import { invalidRequest } from '../../../main/errors/bench-error';
import { composeHandlers } from '../../../main/app/compose-handlers';
import { SimulatorChannels } from '../../../main/app/simulator-channels';
import { createInvokeDispatcher } from '../../../main/ipc/dispatch-invoke';
import { FakeEngine, fakeFactory } from '../../fakes/fake-engine';
import { ManualTimers, settle } from '../../fakes/manual-timers';

function setup(engine: Parameters<typeof chooseEngine>[0]) {
  const simulator = FakeEngine.simulated();
  const real = new FakeEngine();
  const factory = fakeFactory({ simulator, cfgutil: real });
  const timers = new ManualTimers();
  const located: { outcome: LocateOutcome } = {
    outcome: { kind: 'missing', searched: ['/usr/local/bin/cfgutil'] },
  };
  const locator = {
    find: async () => located.outcome,
    choose: async (path: string) => {
      if (!path.endsWith('cfgutil')) throw invalidRequest(`not cfgutil: ${path}`);
      return path;
    },
  };
  const service = new EngineSupervisor({
    engine: chooseEngine(engine),
    factory,
    timers,
    debounceMs: 100,
    locator,
  });
  const events: BenchEvent[] = [];
  service.hub.subscribe((e) => events.push(e));
  const dispatch = createInvokeDispatcher(
    composeHandlers({ engines: service, simulator: new SimulatorChannels(() => service.runningEngine()) }),
  );
  return { service, simulator, real, factory, timers, events, dispatch, located };
}

describe('chooseEngine', () => {
  it('prefers real cfgutil, shows preflight on a Mac without it, simulates elsewhere', () => {
    const found = { kind: 'found', path: '/usr/local/bin/cfgutil' } as const;
    const missing = { kind: 'missing', searched: ['/usr/local/bin/cfgutil'] } as const;
    expect(chooseEngine({ simulate: false, located: found, platform: 'darwin' })).toEqual({
      kind: 'cfgutil',
      path: found.path,
    });
    expect(chooseEngine({ simulate: true, located: found, platform: 'darwin' })).toEqual({
      kind: 'simulator',
      reason: 'requested',
    });
    expect(chooseEngine({ simulate: false, located: missing, platform: 'darwin' })).toEqual({
      kind: 'missing',
      searched: missing.searched,
    });
    expect(chooseEngine({ simulate: false, located: missing, platform: 'linux' })).toEqual({
      kind: 'simulator',
      reason: 'not-macos',
    });
  });
});

describe('EngineSupervisor', () => {
  it('shows simulated devices live, with sequence numbers newer than the snapshot', async () => {
    const t = setup({ simulate: true, located: { kind: 'missing', searched: [] }, platform: 'linux' });
    await t.service.start();
    await settle();
    const before = await t.service.getSnapshot();
    expect(before.ok && before.value).toMatchObject({
      devices: [],
      engine: { kind: 'simulator', reason: 'requested' },
    });
    const attached = await t.dispatch('simulate', [{ type: 'cart', count: 3, overSeconds: 0 }]);
    expect(attached).toEqual({ ok: true, value: [] });
    await t.timers.advance(100);
    const snapshot = await t.service.getSnapshot();
    expect(snapshot.ok && snapshot.value.devices).toHaveLength(3);
    const last = t.events.filter((e) => e.channel === 'devicesChanged').at(-1);
    expect(last?.payload.seq).toBe(snapshot.ok ? snapshot.value.seq : -1);
    expect(before.ok && last && last.payload.seq > before.value.seq).toBe(true);
  });

  it('refuses simulator actions on a real bench, as a Result', async () => {
    const t = setup({ simulate: false, located: { kind: 'found', path: '/x/cfgutil' }, platform: 'darwin' });
    await t.service.start();
    const result = await t.dispatch('simulate', [{ type: 'attach' }]);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', title: 'Not a simulated bench' },
    });
    expect(await t.dispatch('useSimulator', [])).toMatchObject({
      ok: false,
      error: { title: 'Real cfgutil is in use' },
    });
  });

  it('starts nothing on a Mac without cfgutil until the operator chooses the simulator', async () => {
    const t = setup({
      simulate: false,
      located: { kind: 'missing', searched: ['/usr/local/bin/cfgutil'] },
      platform: 'darwin',
    });
    await t.service.start();
    expect(t.factory.started).toEqual([]);
    const chosen = await t.dispatch('useSimulator', []);
    expect(chosen).toEqual({ ok: true, value: { kind: 'simulator', reason: 'operator-chose' } });
    expect(t.factory.started).toEqual(['simulator']);
    expect(t.events.some((e) => e.channel === 'engineChanged' && e.payload.engine.kind === 'simulator')).toBe(
      true,
    );
  });

  it('closes the engine and stops watching', async () => {
    const t = setup({ simulate: true, located: { kind: 'missing', searched: [] }, platform: 'linux' });
    await t.service.start();
    await settle();
    await t.service.close();
    expect(t.simulator.closed).toBe(true);
    const events = t.events.length;
    t.simulator.listed.push({ ecid: '0xBEEF' });
    t.simulator.fire('attach');
    await t.timers.advance(60_000);
    expect(t.events).toHaveLength(events);
  });

  it('runs concurrent engine switches one after the other, leaving exactly one engine running', async () => {
    const t = setup({ simulate: false, located: { kind: 'missing', searched: [] }, platform: 'darwin' });
    await t.service.start();
    const [a, b] = await Promise.all([t.dispatch('useSimulator', []), t.dispatch('useSimulator', [])]);
    expect(a.ok && b.ok).toBe(true);
    expect(t.factory.started).toEqual(['simulator']);
  });

  it('falls back to the preflight screen when the chosen engine fails to start, so every choice stays open', async () => {
    const simulator = FakeEngine.simulated();
    const factory = fakeFactory({ simulator });
    const service = new EngineSupervisor({
      engine: { kind: 'missing', searched: ['/usr/local/bin/cfgutil'] },
      factory,
      timers: new ManualTimers(),
      locator: { find: async () => ({ kind: 'missing', searched: [] }), choose: async (path) => path },
    });
    const dispatch = createInvokeDispatcher(
      composeHandlers({ engines: service, simulator: new SimulatorChannels(() => service.runningEngine()) }),
    );
    const failed = await dispatch('chooseCfgutil', [{ path: '/opt/broken/cfgutil' }]);
    expect(failed.ok).toBe(false);
    const snapshot = await service.getSnapshot();
    expect(snapshot.ok && snapshot.value.engine).toEqual({
      kind: 'missing',
      searched: ['/usr/local/bin/cfgutil'],
    });
    expect(await dispatch('useSimulator', [])).toEqual({
      ok: true,
      value: { kind: 'simulator', reason: 'operator-chose' },
    });
  });

  it('finds cfgutil after Automation Tools are installed, and keeps looking until then', async () => {
    const t = setup({ simulate: false, located: { kind: 'missing', searched: [] }, platform: 'darwin' });
    await t.service.start();
    t.located.outcome = { kind: 'missing', searched: ['/usr/local/bin/cfgutil', '/Applications/x'] };
    expect(await t.dispatch('recheckEngine', [])).toEqual({
      ok: true,
      value: { kind: 'missing', searched: ['/usr/local/bin/cfgutil', '/Applications/x'] },
    });
    expect(t.factory.started).toEqual([]);
    t.located.outcome = { kind: 'found', path: '/usr/local/bin/cfgutil' };
    expect(await t.dispatch('recheckEngine', [])).toEqual({
      ok: true,
      value: { kind: 'cfgutil', path: '/usr/local/bin/cfgutil' },
    });
    expect(t.factory.started).toEqual(['cfgutil:/usr/local/bin/cfgutil']);
  });

  it('switches from the simulator to a cfgutil path the operator chose, clearing simulated devices', async () => {
    const t = setup({ simulate: false, located: { kind: 'missing', searched: [] }, platform: 'darwin' });
    await t.service.start();
    await t.dispatch('useSimulator', []);
    await t.dispatch('simulate', [{ type: 'attach' }]);
    await t.timers.advance(100);
    expect((await t.service.getSnapshot()).ok && (await t.service.getSnapshot())).toMatchObject({
      value: { devices: [{}] },
    });
    const refused = await t.dispatch('chooseCfgutil', [{ path: '/opt/tools/other' }]);
    expect(refused).toMatchObject({ ok: false, error: { detail: 'not cfgutil: /opt/tools/other' } });
    expect(await t.dispatch('chooseCfgutil', [{ path: 'relative/cfgutil' }])).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const chosen = await t.dispatch('chooseCfgutil', [{ path: '/opt/tools/cfgutil' }]);
    expect(chosen).toEqual({ ok: true, value: { kind: 'cfgutil', path: '/opt/tools/cfgutil' } });
    expect(t.simulator.closed).toBe(true);
    const snapshot = await t.service.getSnapshot();
    expect(snapshot.ok && snapshot.value).toMatchObject({
      devices: [],
      engine: { kind: 'cfgutil', path: '/opt/tools/cfgutil' },
    });
  });
});
