import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchEvent } from '../../../preload/contract';
import type { BenchSnapshot, Device } from '../../../preload/domain';
import { createBench, type Bench } from '../../../main/app/create-bench';
import { simulatorSignalSource } from '../../../main/engine/simulator-engine';
import type { DeviceSignal } from '../../../main/devices/device-watcher';
import { SimWorld } from '../../../main/sim/index';
import { settingsFile } from '../../../main/settings/bench-settings';
import { SettingsStore } from '../../../main/settings/settings-store';

/** The whole Node side, for real: simulated world, generated cfgutil executable, spawn, parse, watcher. */
async function startBench(
  settings?: Parameters<SettingsStore['update']>[0],
): Promise<{ bench: Bench; events: BenchEvent[]; dataDir: string }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-bench-'));
  if (settings) await new SettingsStore(settingsFile(dataDir)).update(settings);
  const bench = await createBench({ simulate: true, dataDir, timeScale: 0.01, log: () => {} });
  const events: BenchEvent[] = [];
  bench.host.subscribe((e) => events.push(e));
  return { bench, events, dataDir };
}

async function devicesWhen(events: BenchEvent[], count: number): Promise<readonly Device[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const last = events.filter((e) => e.channel === 'devicesChanged').at(-1);
    if (last?.channel === 'devicesChanged' && last.payload.devices.length === count)
      return last.payload.devices;
    if (Date.now() > deadline) throw new Error(`never saw ${count} devices`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('createBench in simulation', () => {
  let bench: Bench | undefined;
  afterEach(async () => {
    await bench?.close();
    bench = undefined;
  });

  it('shows simulated devices arriving and leaving through the real cfgutil path', async () => {
    const started = await startBench();
    bench = started.bench;
    expect(bench.engine).toEqual({ kind: 'simulator', reason: 'requested' });
    const ipad = await bench.host.dispatch('simulate', [{ type: 'attach', deviceClass: 'iPad' }]);
    const phone = await bench.host.dispatch('simulate', [{ type: 'attach', deviceClass: 'iPhone' }]);
    expect(ipad.ok && phone.ok).toBe(true);
    const devices = await devicesWhen(started.events, 2);
    expect(devices.map((d) => d.portLabel)).toEqual(['Port 1 › 1', 'Port 1 › 2']);
    expect(devices[0]?.model).toMatch(/^iPad/);
    expect(devices[1]?.model).toMatch(/^iPhone/);
    expect(devices.every((d) => d.mode === 'normal' && /^00008\w{3}-/.test(d.udid ?? ''))).toBe(true);

    const phoneEcid = phone.ok ? (phone.value as string[])[0] : '';
    await bench.host.dispatch('simulate', [{ type: 'detach', ecid: phoneEcid }]);
    const after = await devicesWhen(started.events, 1);
    expect(after[0]?.ecid).toBe(ipad.ok ? (ipad.value as string[])[0] : '');

    // The snapshot is as new as the device list it shows, and no newer than the last event sent (the bench
    // may send more, a run status for one, while the snapshot is on its way).
    const shownAt = started.events.filter((e) => e.channel === 'devicesChanged').at(-1)?.payload.seq ?? 0;
    const snapshot = await bench.host.dispatch('getSnapshot', []);
    const lastSeq = started.events.at(-1)?.payload.seq ?? 0;
    expect(snapshot).toMatchObject({ ok: true, value: { devices: [{ ecid: after[0]?.ecid }] } });
    const seq = snapshot.ok ? (snapshot.value as { seq: number }).seq : -1;
    expect(seq).toBeGreaterThanOrEqual(shownAt);
    expect(seq).toBeLessThanOrEqual(lastSeq);
  });

  it('applies saved settings to the running bench: the run status shows the new cap and countdown', async () => {
    const started = await startBench();
    bench = started.bench;
    const saved = await bench.host.dispatch('saveSettings', [
      { patch: { concurrency: 3, countdownSeconds: 20 } },
    ]);
    expect(saved).toMatchObject({ ok: true, value: { saved: true } });
    // The Mac app reads its notification switches here when a notification is due (main/attention/).
    expect(bench.currentSettings()).toMatchObject({ concurrency: 3, notify: true, sounds: false });
    const snapshot = await bench.host.dispatch('getSnapshot', []);
    expect(snapshot).toMatchObject({
      ok: true,
      value: { jobs: { run: { concurrency: 3, countdownSeconds: 20 } } },
    });
    const runEvent = started.events.filter((e) => e.channel === 'runChanged').at(-1);
    expect(runEvent?.channel === 'runChanged' && runEvent.payload.run.concurrency).toBe(3);
    // The settings file changed too, and the bench follows it: the same save is applied once, not twice.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const applied = started.events.filter(
      (e) => e.channel === 'runChanged' && e.payload.run.concurrency === 3,
    );
    expect(applied).toHaveLength(1);
    await bench.host.dispatch('saveSettings', [{ patch: { notify: false, sounds: true } }]);
    expect(bench.currentSettings()).toMatchObject({ concurrency: 3, notify: false, sounds: true });
  });

  it('takes the ignore list, cap and station name from settings.json (the same composition as run)', async () => {
    // The app's simulated world starts from seed 1: its first iPad is this one.
    const first = new SimWorld({ timeScale: 0.01 }).attach({ deviceClass: 'iPad' });
    const started = await startBench({
      ignore: { serials: [], ecids: [first.ecid] },
      concurrency: 3,
      stationName: 'Cart Room 2',
    });
    bench = started.bench;
    const attached = await bench.host.dispatch('simulate', [{ type: 'attach', deviceClass: 'iPad' }]);
    expect(attached).toEqual({ ok: true, value: [first.ecid] });
    const deadline = Date.now() + 10_000;
    let jobs: unknown = [];
    while (Date.now() < deadline) {
      const snapshot = await bench.host.dispatch('getSnapshot', []);
      jobs = snapshot.ok ? (snapshot.value as { jobs: unknown }).jobs : undefined;
      if ((jobs as { jobs: { phase: string }[] }).jobs[0]?.phase === 'skipped') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(jobs).toMatchObject({
      jobs: [{ ecid: first.ecid, phase: 'skipped', skipReason: 'ignore-list' }],
      run: { concurrency: 3 },
    });
    await bench.close();
    bench = undefined;
    const journal = await readFile(
      path.join(started.dataDir, 'journal', (await readdir(path.join(started.dataDir, 'journal')))[0] ?? ''),
      'utf8',
    );
    expect(journal).toContain('"stationName":"Cart Room 2"');
  });

  it('follows its settings file: a change from another process (settings set) applies without a restart', async () => {
    const started = await startBench();
    bench = started.bench;
    await new SettingsStore(settingsFile(started.dataDir)).update({ countdownSeconds: 42 });
    const deadline = Date.now() + 10_000;
    let run: unknown;
    while (Date.now() < deadline) {
      const snapshot = await bench.host.dispatch('getSnapshot', []);
      run = snapshot.ok ? (snapshot.value as { jobs: { run: unknown } }).jobs.run : undefined;
      if ((run as { countdownSeconds?: number } | undefined)?.countdownSeconds === 42) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(run).toMatchObject({ countdownSeconds: 42 });
    expect(bench.currentSettings().countdownSeconds).toBe(42);
  });

  it('carries the profile, the identity summary and the workflows in the snapshot, as their channels answer', async () => {
    const started = await startBench();
    bench = started.bench;
    const created = await bench.host.dispatch('createSupervisionIdentity', [
      { organizationName: 'Contoso IT' },
    ]);
    expect(created).toMatchObject({ ok: true, value: { organizationName: 'Contoso IT' } });
    const snapshot = await bench.host.dispatch('getSnapshot', []);
    if (!snapshot.ok) throw new Error('no snapshot');
    const value = snapshot.value as BenchSnapshot;
    expect(value.identity).toEqual(created.ok ? created.value : undefined);
    expect({ ok: true, value: value.profile }).toEqual(await bench.host.dispatch('getProfile', []));
    expect({ ok: true, value: value.identity }).toEqual(
      await bench.host.dispatch('getSupervisionIdentity', []),
    );
    expect({ ok: true, value: value.workflows }).toEqual(await bench.host.dispatch('listWorkflows', []));
    expect(value.workflows.workflows.length).toBeGreaterThan(0);
    // A summary only: the identity's key never reaches a UI.
    expect(JSON.stringify(value)).not.toMatch(/PRIVATE KEY|privateKey|password/i);
  });

  it('refuses invalid requests from a client without disturbing the bench', async () => {
    const started = await startBench();
    bench = started.bench;
    const refused = await bench.host.dispatch('simulate', [{ type: 'cart', count: -1, overSeconds: 0 }]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await bench.host.dispatch('getSnapshot', [])).toMatchObject({ ok: true });
  });
});

describe('createBench diagnostics and the cfgutil choice', () => {
  let bench: Bench | undefined;
  afterEach(async () => {
    await bench?.close();
    bench = undefined;
  });

  it('refuses /bin/sh and a forged path from the UI, saves nothing, and logs each refusal as one JSON line', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-bench-'));
    bench = await createBench({ simulate: true, dataDir, timeScale: 0.01, platform: 'linux' });
    expect(bench.logPath).toBe(path.join(dataDir, 'logs', 'diagnostics.jsonl'));
    const forged =
      '/tmp/cfgutil\n[2026-01-01T00:00:00.000Z] cfgutil.chosen: /usr/local/bin/cfgutil\n' +
      '{"time":"2026-01-01T00:00:00.000Z","event":"cfgutil.chosen","detail":{"path":"/tmp/evil"}}';
    for (const chosen of ['/bin/sh', forged]) {
      expect(await bench.host.dispatch('chooseCfgutil', [{ path: chosen }])).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', title: 'cfgutil cannot be chosen from this screen' },
      });
    }
    expect(await bench.host.dispatch('getSnapshot', [])).toMatchObject({
      ok: true,
      value: { engine: { kind: 'simulator' } },
    });
    await bench.close();
    bench = undefined;
    const settings = await readFile(path.join(dataDir, 'settings.json'), 'utf8').catch(() => '{}');
    expect(settings).not.toContain('cfgutil');
    const lines = (await readFile(path.join(dataDir, 'logs', 'diagnostics.jsonl'), 'utf8'))
      .split('\n')
      .filter((line) => line !== '');
    const records = lines.map(
      (line) => JSON.parse(line) as { time: string; event: string; detail?: unknown },
    );
    expect(records.filter((r) => r.event === 'cfgutil.chosen')).toEqual([]);
    expect(records.some((r) => r.time.startsWith('2026-01-01'))).toBe(false);
    const refusals = records.filter((r) => r.event === 'cfgutil.choose-refused');
    expect(refusals.map((r) => (r.detail as { path: string }).path)).toEqual([
      '/bin/sh',
      forged.replace(/\n/g, ' '),
    ]);
  });
});

describe('simulatorSignalSource', () => {
  it('reports a device in Recovery as recovery at its port, like a USB product ID would', () => {
    const world = new SimWorld({ seed: 3 });
    const signals: DeviceSignal[] = [];
    const source = simulatorSignalSource(world);
    source.start((s) => signals.push(s));
    const device = world.attach({ bootedState: 'Recovery' });
    world.detach(device.ecid);
    source.stop();
    world.attach();
    expect(signals).toEqual([
      { kind: 'attach', locationId: device.locationID, mode: 'recovery' },
      { kind: 'detach', locationId: device.locationID, mode: 'recovery' },
    ]);
    world.close();
  });
});
