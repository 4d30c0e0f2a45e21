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
  isMenuCommand,
  MENU_COMMAND_CHANNEL,
  type BenchApi,
  type EventChannelName,
  type EventPayload,
  type InvokeChannelName,
  type InvokeChannels,
  type MenuCommand,
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
    onMenuCommand(listener: (command: MenuCommand) => void): () => void {
      // Only the commands the contract names reach the page, and never the IPC event object.
      const handler = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command);
      };
      ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
      return () => {
        ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
      };
    },
  };
}

contextBridge.exposeInMainWorld('bench', buildBenchApi());
