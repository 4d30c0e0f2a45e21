/**
 * The person's hands in the simulated bench, on the card that waits for them: the training bench walks
 * through every guidance path, and E2E tests press the same buttons. Shown only in simulation.
 */
import type { Ecid, SimulatorAction } from '../../preload/domain';
import type { OperatorReason } from '../../preload/jobs-domain';

interface Hand {
  readonly label: string;
  /** For a full cart's narrow card; the accessible name keeps the whole label. */
  readonly short?: string;
  readonly action: SimulatorAction;
}

export function handsFor(reason: OperatorReason, ecid: Ecid): readonly Hand[] {
  switch (reason) {
    case 'tap-trust':
      return [
        { label: 'Trust', action: { type: 'trust', ecid } },
        { label: "Don't Trust", action: { type: 'deny-trust', ecid } },
      ];
    case 'approve-profile':
      return [{ label: 'Approve profile', short: 'Approve', action: { type: 'approve-profile', ecid } }];
    case 'unlock-device':
      return [{ label: 'Unlock', action: { type: 'unlock', ecid } }];
    case 'finish-setup-assistant':
      return [
        {
          label: 'Finish Setup Assistant',
          short: 'Finish',
          action: { type: 'finish-setup-assistant', ecid },
        },
      ];
    case 'activation-lock':
    case 'reconnect-device':
    case 'mac-offline':
    case 'confirm-rerun':
    case 'in-use':
    case 'cannot-tell':
      return [];
  }
}

export interface SimHandsProps {
  readonly ecid: Ecid;
  readonly reason: OperatorReason;
  /** The device in words ("iPad 3 at Port 1 › 3"), so each button's name says which device it acts on. */
  readonly target: string;
  readonly onSimulate: (action: SimulatorAction) => void;
  /** `first`: only the hand that lets the job go on (a full cart's card has room for one button). */
  readonly only?: 'first';
}

export function SimHands({ ecid, reason, target, onSimulate, only }: SimHandsProps) {
  const hands = handsFor(reason, ecid);
  return (
    <>
      {(only ? hands.slice(0, 1) : hands).map((hand) => (
        <button
          key={hand.label}
          type="button"
          className="sim-hand"
          title="Simulated: plays the person's hand on the device"
          aria-label={`${hand.label}: ${target}`}
          onClick={() => onSimulate(hand.action)}
        >
          {only ? (hand.short ?? hand.label) : hand.label}
        </button>
      ))}
    </>
  );
}
