import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eventChannelNames, invokeChannelNames, type BenchApi } from '../../preload/contract';
import { createElectronFake } from '../fakes/electron';

const fake = createElectronFake();
vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    await import('../../preload/index');
  });

  it('exposes exactly one window.bench with a method per invoke channel plus on()', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledWith('bench', expect.any(Object));
    const api = fake.exposed.bench as BenchApi;
    expect(Object.keys(api).sort()).toEqual(
      [...Object.keys(invokeChannelNames), 'on', 'onMenuCommand'].sort(),
    );
    expect(Object.keys(fake.exposed)).toEqual(['bench']);
  });

  it('invokes the namespaced channel with the arguments as given', async () => {
    const api = fake.exposed.bench as BenchApi;
    await api.simulate({ type: 'detach-all' });
    expect(fake.invoked.at(-1)).toEqual({ channel: 'bench:simulate', args: [{ type: 'detach-all' }] });
  });

  it('delivers event payloads without the IPC event object and unsubscribes', () => {
    const api = fake.exposed.bench as BenchApi;
    const seen: unknown[] = [];
    const off = api.on('devicesChanged', (payload) => seen.push(payload));
    fake.renderer.emit('bench:devicesChanged', { sender: 'secret-ipc-event' }, { seq: 1, devices: [] });
    off();
    fake.renderer.emit('bench:devicesChanged', {}, { seq: 2, devices: [] });
    expect(seen).toEqual([{ seq: 1, devices: [] }]);
    expect(Object.keys(eventChannelNames)).toContain('devicesChanged');
  });

  it('refuses to subscribe to a channel outside the contract', () => {
    const api = fake.exposed.bench as BenchApi;
    expect(() => api.on('not-a-channel' as 'devicesChanged', () => {})).toThrow(/Unknown event channel/);
  });

  it('passes on only the menu commands the contract names, and unsubscribes', () => {
    const api = fake.exposed.bench as BenchApi;
    const seen: unknown[] = [];
    const off = api.onMenuCommand?.((command) => seen.push(command));
    fake.renderer.emit('bench-window:menuCommand', {}, 'open-settings');
    fake.renderer.emit('bench-window:menuCommand', {}, 'format-disk');
    off?.();
    fake.renderer.emit('bench-window:menuCommand', {}, 'open-preflight');
    expect(seen).toEqual(['open-settings']);
  });
});
