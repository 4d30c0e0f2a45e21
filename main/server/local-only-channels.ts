/**
 * Channels the headless server answers only to a browser on the Mac itself.
 *
 * The server speaks plain HTTP and WebSocket. On loopback nothing crosses a network; with `--host 0.0.0.0`
 * everything does, unencrypted. These channels carry a .p12 file and its password, create the identity that
 * supervises every device, or pick the executable the bench will run, so they must not travel over the LAN
 * or be reachable by anyone on it who learned the token.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { InvokeChannelName } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';

export const localOnlyChannels = [
  'importSupervisionIdentity',
  'createSupervisionIdentity',
  'chooseCfgutil',
] as const satisfies readonly InvokeChannelName[];

export const localOnlyRefusal: ErrorInfo = {
  code: 'invalid-request',
  title: 'The request was refused',
  detail:
    'Importing a supervision identity, creating one, or choosing cfgutil is only allowed on the Mac itself: the connection from another screen is not encrypted.',
  retryable: false,
};

/** 127.0.0.0/8, ::1 and IPv4-mapped 127.x (how a dual-stack socket reports an IPv4 loopback peer). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const lower = address.toLowerCase();
  const v4 = lower.startsWith('::ffff:') ? lower.slice('::ffff:'.length) : lower;
  if (isIPv4(v4)) return v4.startsWith('127.');
  return isIPv6(lower) && (lower === '::1' || lower === '0:0:0:0:0:0:0:1');
}

/** The refusal for this channel from this peer, or `undefined` when it may go ahead. */
export function localOnlyRefusalFor(
  channel: unknown,
  peerAddress: string | undefined,
): ErrorInfo | undefined {
  const localOnly = (localOnlyChannels as readonly unknown[]).includes(channel);
  // An unknown peer (the socket already gone) is treated as remote: refusing costs nothing then.
  return localOnly && !isLoopbackAddress(peerAddress) ? localOnlyRefusal : undefined;
}
