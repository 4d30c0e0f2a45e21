/**
 * The operator's hand in a simulated bench (`simulate`): plug devices in and out, tap Trust, approve the
 * profile, unlock, finish Setup Assistant. Only the simulated world offers a hand; on a real bench every
 * action is refused with a plain reason.
 */
import type { InvokeChannels } from '../../preload/contract';
import type { Ecid, Result, SimulatorAction } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import type { RunningEngine } from '../engine/engine';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export class SimulatorChannels implements Pick<InvokeChannels, 'simulate'> {
  /** `running` is read on every call: the engine changes when the operator switches it. */
  constructor(private readonly running: () => RunningEngine | undefined) {}

  async simulate(action: SimulatorAction): Promise<Result<Ecid[]>> {
    const control = this.running()?.simulator;
    if (!control) {
      throw new BenchError({
        code: 'invalid-request',
        title: 'Not a simulated bench',
        detail: 'Simulated devices can only be plugged in while the bench runs the simulator.',
        retryable: false,
      });
    }
    let ecids: Ecid[] = [];
    switch (action.type) {
      case 'attach':
        ecids = [control.attach(action.deviceClass)];
        break;
      case 'detach':
        control.detach(action.ecid);
        ecids = [action.ecid];
        break;
      case 'cart':
        control.cart(action.count, action.overSeconds);
        break;
      case 'detach-all':
        control.detachAll();
        break;
      case 'trust':
      case 'deny-trust':
        control.tapTrust(action.ecid, action.type === 'trust');
        ecids = [action.ecid];
        break;
      case 'approve-profile':
        if (!control.approveProfile(action.ecid)) {
          throw new BenchError({
            code: 'no-such-profile',
            title: 'No profile is waiting on this device',
            detail:
              'Nothing to approve in Settings yet: the bench has not sent the profile, or it was approved already.',
            retryable: false,
            ecid: action.ecid,
          });
        }
        ecids = [action.ecid];
        break;
      case 'unlock':
        control.unlock(action.ecid);
        ecids = [action.ecid];
        break;
      case 'finish-setup-assistant':
        if (!control.finishSetupAssistant(action.ecid)) {
          throw new BenchError({
            code: 'invalid-request',
            title: 'Setup Assistant is already finished',
            detail: 'This device is not in Setup Assistant: there is nothing left to tap through.',
            retryable: false,
            ecid: action.ecid,
          });
        }
        ecids = [action.ecid];
        break;
    }
    return ok(ecids);
  }
}
