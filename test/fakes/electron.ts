import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** Minimal doubles of the Electron APIs the shell uses; the real module is never loaded in tests. */
export function createElectronFake() {
  const exposed: Record<string, unknown> = {};
  const renderer = new EventEmitter();
  const invoked: { channel: string; args: unknown[] }[] = [];
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => {
      invoked.push({ channel, args });
      return { ok: true, value: channel };
    }),
    on: vi.fn((channel: string, handler: (...a: unknown[]) => void) => renderer.on(channel, handler)),
    removeListener: vi.fn((channel: string, handler: (...a: unknown[]) => void) =>
      renderer.removeListener(channel, handler),
    ),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed[key] = api;
    }),
  };
  return { exposed, renderer, invoked, ipcRenderer, contextBridge };
}

/** A WebContents double with its own `ipc` handler table, as `webContents.ipc.handle` provides. */
export function createWebContentsFake() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const sent: { channel: string; payload: unknown }[] = [];
  let destroyed = false;
  return {
    handlers,
    sent,
    destroy: () => (destroyed = true),
    isDestroyed: () => destroyed,
    send: (channel: string, payload: unknown) => sent.push({ channel, payload }),
    ipc: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
  };
}
