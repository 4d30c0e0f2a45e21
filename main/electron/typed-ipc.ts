/**
 * The only place that touches Electron IPC in main: invoke handlers and event sends for one window.
 *
 * Handlers are registered on the window's own `webContents.ipc` (not the global `ipcMain`), so no other
 * WebContents can reach them; each call's sender frame is checked, then the shared dispatcher validates
 * the arguments, exactly as it does for the WebSocket.
 */
import type { WebContents } from 'electron';
import {
  invokeChannelNames,
  ipcChannel,
  MENU_COMMAND_CHANNEL,
  type InvokeChannelName,
  type MenuCommand,
} from '../../preload/contract';
import type { BenchHost } from '../events/bench-host';
import { invalidRequest, toErrorInfo } from '../errors/bench-error';
import { isTrustedSender } from './trusted-sender';

export function registerBenchIpc(
  webContents: WebContents,
  host: BenchHost,
  rendererIndexUrl: string,
): () => void {
  const names = Object.keys(invokeChannelNames) as InvokeChannelName[];
  for (const name of names) {
    webContents.ipc.handle(ipcChannel(name), async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, rendererIndexUrl)) {
        return {
          ok: false,
          error: toErrorInfo(invalidRequest('This page is not allowed to control the bench.')),
        };
      }
      return host.dispatch(name, args);
    });
  }
  const unsubscribe = host.subscribe((event) => {
    // A closed window must not take the bench down with it.
    if (!webContents.isDestroyed()) webContents.send(ipcChannel(event.channel), event.payload);
  });
  return () => {
    unsubscribe();
    for (const name of names) webContents.ipc.removeHandler(ipcChannel(name));
  };
}

/** The window-only menu channel of the contract: a menu item asks the window's page to open a panel. */
export function sendMenuCommand(webContents: WebContents, command: MenuCommand): void {
  if (!webContents.isDestroyed()) webContents.send(MENU_COMMAND_CHANNEL, command);
}
