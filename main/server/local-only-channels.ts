/**
 * Which channels the headless server answers to a browser that is not on the Mac itself.
 *
 * The server speaks plain HTTP and WebSocket. On loopback nothing crosses a network; with `--host 0.0.0.0`
 * everything does, unencrypted, and anyone on that network who learns the token can send frames. So every
 * channel says here whether another screen may call it: a `Record` over the contract's channel names, so a
 * new channel that does not say is a compile error (secure by default means nobody can forget).
 *
 * - 'any': reads what the bench already shows on every screen (snapshot, profile and identity summaries,
 *   workflows, name previews, the bench log).
 * - 'local': changes what happens to devices or what the bench trusts. Some of these the operator may open
 *   to other screens with `serve --allow-remote-control` ({@link remoteControlChannels}); the rest carry a
 *   profile, a .p12 and its password, the identity that supervises every device, an override of a safety
 *   check, or the executable the bench runs, and stay on the Mac whatever the flags.
 *
 * Which screen is "the Mac itself" is not read from the peer address alone: behind an SSH tunnel
 * (`ssh -L 8080:127.0.0.1:<port> mac`) a screen anywhere arrives from 127.0.0.1. So the Mac's own page
 * proves it with a second secret, the control token (`controlProven`), which `serve` puts only in the URL it
 * prints for this Mac's browser and never in the watch URL meant for other screens; and the peer must still be
 * loopback, so the control token copied to another machine is of no use over `--host`. A screen with the
 * watch URL, tunnelled or not, is another screen: it may call the 'any' channels, and the
 * {@link remoteControlChannels} only when the bench runs with `--allow-remote-control`. Electron's window
 * does not use this server at all (it talks over IPC) and is always the Mac.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { isInvokeChannel, type InvokeChannelName } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import { macOnlyJobActions } from '../../preload/jobs-domain';

export type ChannelReach = 'local' | 'any';

export const localOnlyChannels: Readonly<Record<InvokeChannelName, ChannelReach>> = {
  getSnapshot: 'any',
  getProfile: 'any',
  getSupervisionIdentity: 'any',
  listWorkflows: 'any',
  previewNames: 'any',
  // The pane names the workflow editor shows: what this cfgutil's own help says, nothing private.
  listSkipPanes: 'any',
  queryLog: 'any',
  // The same records queryLog pages through; refusing the file would protect nothing.
  exportLog: 'any',
  getPreflight: 'any',
  getSettings: 'any',
  useSimulator: 'local',
  simulate: 'local',
  recheckEngine: 'local',
  setArmed: 'local',
  setPaused: 'local',
  selectWorkflow: 'local',
  jobAction: 'local',
  retryFailed: 'local',
  // Erases every in-use device at once: decided at the Mac, never opened by --allow-remote-control.
  answerInUse: 'local',
  saveWorkflow: 'local',
  deleteWorkflow: 'local',
  chooseCfgutil: 'local',
  importProfile: 'local',
  // What every later install puts on devices: decided at the Mac, like importProfile.
  useTrainingProfile: 'local',
  overrideProfileAge: 'local',
  importSupervisionIdentity: 'local',
  createSupervisionIdentity: 'local',
  // Deleting files on the Mac, and what every run does, are decided on the Mac itself.
  cleanRestoreLeftovers: 'local',
  saveSettings: 'local',
  // Intune (issue 24): the status is what every screen may see; signing in, reading the tenant and
  // replacing the profile happen on the Mac only (the sign-in opens this Mac's browser).
  getIntuneStatus: 'any',
  connectIntune: 'local',
  disconnectIntune: 'local',
  listIntuneProfiles: 'local',
  pullIntuneProfile: 'local',
  setIntuneRefreshDays: 'local',
  // Issue 25: turning serial push on writes to the tenant; the states are what every screen may see.
  setIntunePushSerials: 'local',
  getIntuneEnrollments: 'any',
};

/** The 'local' channels that `--allow-remote-control` opens to other screens: running the bench, not trusting. */
export const remoteControlChannels = [
  'useSimulator',
  'simulate',
  'recheckEngine',
  'setArmed',
  'setPaused',
  'selectWorkflow',
  'jobAction',
  'retryFailed',
  'saveWorkflow',
  'deleteWorkflow',
] as const satisfies readonly InvokeChannelName[];

export interface RemotePolicy {
  /** `serve --allow-remote-control`: other screens may also run jobs and change workflows. */
  readonly allowRemoteControl?: boolean;
  /** This connection offered the server's control token (the Mac's own page); see the file comment. */
  readonly controlProven?: boolean;
}

export const localOnlyRefusal: ErrorInfo = {
  code: 'invalid-request',
  title: 'Only allowed on the Mac itself',
  detail:
    'Importing a profile or a supervision identity, creating one, overriding the profile age, choosing cfgutil, changing the settings, deleting restore leftovers, or signing in to Intune and pulling its profile is only allowed on the Mac itself: the connection from another screen is not encrypted. On the Mac, open the address `enroll-bench serve` printed for this Mac (the watch address, even through a tunnel, is another screen).',
  retryable: false,
};

export const remoteControlRefusal: ErrorInfo = {
  code: 'invalid-request',
  title: 'This screen can watch the bench, not control it',
  detail:
    'Starting, pausing or changing jobs and workflows from another screen is off. Use the Mac itself, or restart the bench with `enroll-bench serve --allow-remote-control` on a network you trust.',
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

/** `args` of a `jobAction` frame (`[{ ecid, action }]`) naming an action that stays on the Mac. */
function isMacOnlyJobAction(args: unknown): boolean {
  const first: unknown = Array.isArray(args) ? args[0] : undefined;
  if (typeof first !== 'object' || first === null) return false;
  const action: unknown = (first as { action?: unknown }).action;
  return typeof action === 'string' && (macOnlyJobActions as readonly string[]).includes(action);
}

/**
 * The refusal for this channel from this peer, or `undefined` when it may go ahead. Unknown channel names
 * are left to the dispatcher, which refuses them with its own message.
 */
export function localOnlyRefusalFor(
  channel: unknown,
  peerAddress: string | undefined,
  policy: RemotePolicy = {},
  args?: unknown,
): ErrorInfo | undefined {
  if (!isInvokeChannel(channel) || localOnlyChannels[channel] === 'any') return undefined;
  // The Mac itself needs both: its control token, and a loopback peer. An unknown peer (the socket already
  // gone) is treated as remote: refusing costs nothing then.
  if (policy.controlProven === true && isLoopbackAddress(peerAddress)) return undefined;
  // Switching a device to another workflow is decided at the Mac, whatever the flags (contract: macOnlyJobActions).
  if (channel === 'jobAction' && isMacOnlyJobAction(args)) return localOnlyRefusal;
  const openedByFlag = (remoteControlChannels as readonly string[]).includes(channel);
  if (!openedByFlag) return localOnlyRefusal;
  return policy.allowRemoteControl ? undefined : remoteControlRefusal;
}
