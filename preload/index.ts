/**
 * The sandboxed preload: exposes `window.bench`, derived from the contract, and nothing else.
 *
 * Bundled into one CommonJS file that requires only `electron` (sandboxed preloads may not load other
 * modules). No raw `ipcRenderer`, no `send`: one method per invoke channel, and `on()` for the event
 * channels in the allow-list, which never hands the IPC event object to the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  invokeChannelNames,
  ipcChannel,
  isEventChannel,
  type BenchApi,
  type EventChannelName,
  type EventPayload,
  type InvokeChannelName,
  type InvokeChannels,
} from './contract';

export function buildBenchApi(): BenchApi {
  const invokers = Object.fromEntries(
    (Object.keys(invokeChannelNames) as InvokeChannelName[]).map((name) => [
      name,
      (...args: unknown[]) => ipcRenderer.invoke(ipcChannel(name), ...args),
    ]),
  ) as unknown as InvokeChannels;
  return {
    ...invokers,
    on<K extends EventChannelName>(channel: K, listener: (payload: EventPayload<K>) => void): () => void {
      if (!isEventChannel(channel)) throw new Error(`Unknown event channel ${String(channel)}`);
      const handler = (_event: IpcRendererEvent, payload: EventPayload<K>) => listener(payload);
      ipcRenderer.on(ipcChannel(channel), handler);
      return () => {
        ipcRenderer.removeListener(ipcChannel(channel), handler);
      };
    },
  };
}

contextBridge.exposeInMainWorld('bench', buildBenchApi());
