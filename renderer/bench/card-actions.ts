/**
 * What a card can ask of the bench, handed down once through context so the memoised cards take no
 * callback props that could change identity and re-render all 40 of them.
 */
import { createContext } from 'react';
import type { Device, Ecid, Result, SimulatorAction } from '../../preload/domain';
import type { JobAction, JobPhase, OperatorReason } from '../../preload/jobs-domain';

export interface CardActions {
  /** `answers`: with `continue`, the wait the button answered (a stale click is refused by main). */
  readonly onJobAction: (ecid: Ecid, action: JobAction, answers?: OperatorReason) => void;
  readonly onDismissError: (ecid: Ecid) => void;
  /**
   * The same action as onJobAction, for the grid's bulk actions: resolves with main's answer, so the
   * selection bar can say which devices were refused and why (each refusal also goes on its card). `seen`:
   * the phase the card showed when the action was chosen; main refuses the action if the job moved on.
   */
  readonly runJobAction?: (ecid: Ecid, action: JobAction, seen?: JobPhase) => Promise<Result<unknown>>;
  /** Present only in simulation. */
  readonly onSimulate?: (action: SimulatorAction) => void;
  readonly onUnplug?: (device: Device) => void;
  /** A full cart's card opens the device's full card. */
  readonly onDetails?: (ecid: Ecid) => void;
}

const nothing = (): void => {};

export const CardActionsContext = createContext<CardActions>({
  onJobAction: nothing,
  onDismissError: nothing,
});
