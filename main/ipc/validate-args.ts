/**
 * Runtime validation of every invoke channel's arguments.
 *
 * Arguments come from a renderer or a WebSocket client, so they are untrusted. The map is typed from the
 * contract: a channel without a validator, or a validator returning the wrong tuple, does not compile.
 */
import type { InvokeChannelName, InvokeChannels } from '../../preload/contract';
import { simulatorActionTypes, type OnDeviceHand, type SimulatorAction } from '../../preload/domain';
import { invalidRequest } from '../errors/bench-error';
import { boundedInteger, ecidArg, isRecord } from './arg-shapes';
import { intuneArgValidators } from './validate-intune-args';
import { jobArgValidators } from './validate-job-args';
import { preflightArgValidators } from './validate-preflight-args';
import { profileArgValidators } from './validate-profile-args';

export type ArgValidators = {
  readonly [K in InvokeChannelName]: (args: readonly unknown[]) => Parameters<InvokeChannels[K]>;
};

function expectCount(args: readonly unknown[], count: number, channel: string): void {
  if (args.length !== count) {
    throw invalidRequest(`${channel} takes ${count} argument(s), got ${args.length}.`);
  }
}

function simulatorAction(value: unknown): SimulatorAction {
  if (!isRecord(value) || !simulatorActionTypes.includes(value.type as SimulatorAction['type'])) {
    throw invalidRequest(
      `simulate needs an action whose type is one of: ${simulatorActionTypes.join(', ')}.`,
    );
  }
  switch (value.type as SimulatorAction['type']) {
    case 'attach': {
      const deviceClass = value.deviceClass;
      if (deviceClass !== undefined && deviceClass !== 'iPad' && deviceClass !== 'iPhone') {
        throw invalidRequest('attach.deviceClass must be "iPad" or "iPhone".');
      }
      return deviceClass ? { type: 'attach', deviceClass } : { type: 'attach' };
    }
    case 'detach':
      return { type: 'detach', ecid: ecidArg(value.ecid) };
    case 'cart':
      return {
        type: 'cart',
        count: boundedInteger(value.count, 'cart.count', 1, 64),
        overSeconds: boundedInteger(value.overSeconds, 'cart.overSeconds', 0, 600),
      };
    case 'detach-all':
      return { type: 'detach-all' };
    case 'trust':
    case 'deny-trust':
    case 'approve-profile':
    case 'unlock':
    case 'finish-setup-assistant':
      return { type: value.type as OnDeviceHand, ecid: ecidArg(value.ecid) };
  }
}

export const argValidators: ArgValidators = {
  getSnapshot: (args) => {
    expectCount(args, 0, 'getSnapshot');
    return [];
  },
  useSimulator: (args) => {
    expectCount(args, 0, 'useSimulator');
    return [];
  },
  simulate: (args) => {
    expectCount(args, 1, 'simulate');
    return [simulatorAction(args[0])];
  },
  recheckEngine: (args) => {
    expectCount(args, 0, 'recheckEngine');
    return [];
  },
  chooseCfgutil: (args) => {
    expectCount(args, 1, 'chooseCfgutil');
    const request = args[0];
    if (
      !isRecord(request) ||
      typeof request.path !== 'string' ||
      !request.path.startsWith('/') ||
      request.path.length > 1024
    ) {
      throw invalidRequest(
        'chooseCfgutil needs { path } with the absolute path of cfgutil, such as /usr/local/bin/cfgutil.',
      );
    }
    return [{ path: request.path }];
  },
  ...profileArgValidators,
  ...jobArgValidators,
  ...preflightArgValidators,
  ...intuneArgValidators,
};
