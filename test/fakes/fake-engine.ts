import type { EngineFactory, RunningEngine, SimulatorControl } from '../../main/engine/engine';
import type { DeviceListEntry } from '../../main/devices/device-registry';
import type { DeviceSignal } from '../../main/devices/device-watcher';

/** An in-memory engine: a device list the test edits, a signal it fires, a simulator hand. */
export class FakeEngine implements RunningEngine {
  listed: DeviceListEntry[] = [];
  closed = false;
  /** The person's hands played on devices (`trust 0x1001`, `approve 0x1001`…), in order. */
  readonly hands: string[] = [];
  /** ECIDs with a profile waiting for approval (approveProfile answers false for the others). */
  readonly pendingProfiles = new Set<string>();
  private signal: (s: DeviceSignal) => void = () => {};
  private next = 1;

  readonly lister = { list: async () => [...this.listed] };
  readonly source = {
    start: (listener: (s: DeviceSignal) => void) => (this.signal = listener),
    stop: () => (this.signal = () => {}),
  };

  constructor(readonly simulator?: SimulatorControl) {}

  fire(kind: 'attach' | 'detach' = 'attach'): void {
    this.signal({ kind });
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** A simulator hand that edits this engine's list and fires a signal, like the world does. */
  static simulated(): FakeEngine {
    const engine: FakeEngine = new FakeEngine({
      attach: (deviceClass = 'iPad') => {
        const ecid = `0x${(0x1000 + engine.next++).toString(16).toUpperCase()}`;
        engine.listed.push({
          ecid,
          name: deviceClass,
          deviceType: deviceClass === 'iPad' ? 'iPad13,18' : 'iPhone15,2',
        });
        engine.fire('attach');
        return ecid;
      },
      detach: (ecid) => {
        engine.listed = engine.listed.filter((d) => d.ecid !== ecid);
        engine.fire('detach');
      },
      cart: (count) => {
        for (let i = 0; i < count; i++) engine.simulator?.attach('iPad');
      },
      detachAll: () => {
        engine.listed = [];
        engine.fire('detach');
      },
      tapTrust: (ecid, accept) => void engine.hands.push(`${accept ? 'trust' : 'deny-trust'} ${ecid}`),
      approveProfile: (ecid) => {
        engine.hands.push(`approve ${ecid}`);
        return engine.pendingProfiles.delete(ecid);
      },
      unlock: (ecid) => void engine.hands.push(`unlock ${ecid}`),
      finishSetupAssistant: (ecid) => {
        engine.hands.push(`finish-setup ${ecid}`);
        return true;
      },
    });
    return engine;
  }
}

export function fakeFactory(engines: {
  cfgutil?: FakeEngine;
  simulator?: FakeEngine;
}): EngineFactory & { started: string[] } {
  const started: string[] = [];
  return {
    started,
    startCfgutil: async (path) => {
      started.push(`cfgutil:${path}`);
      if (!engines.cfgutil) throw new Error('no cfgutil engine in this test');
      return engines.cfgutil;
    },
    startSimulator: async () => {
      started.push('simulator');
      if (!engines.simulator) throw new Error('no simulator in this test');
      return engines.simulator;
    },
  };
}
