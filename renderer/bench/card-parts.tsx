/**
 * The pieces the full card (./device-card.tsx) and a full cart's card (./compact-device-card.tsx) draw the
 * same way: the progress bar, and the row of job actions with the simulated hands beside them.
 */
import type { Ecid, SimulatorAction } from '../../preload/domain';
import type { JobAction, OperatorReason } from '../../preload/jobs-domain';
import { actionLabel } from './job-status';
import { SimHands } from '../simulator/sim-hands';

/** `target` is the device in words ("iPad 3 at Port 1 › 3"), so the bar's name says whose progress it is. */
export function ProgressBar({ target, percent }: { readonly target: string; readonly percent: number }) {
  return (
    <div
      className="device-progress"
      role="progressbar"
      aria-label={`${target}: progress`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div className="device-progress-fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

export interface CardActionRowProps {
  readonly ecid: Ecid;
  /** The device in words, so each button's name says which device it acts on. */
  readonly target: string;
  readonly actions: readonly JobAction[];
  /** Why the job waits for a person, when it does. */
  readonly waitingFor?: OperatorReason | undefined;
  readonly onJobAction?: ((ecid: string, action: JobAction, answers?: OperatorReason) => void) | undefined;
  readonly onSimulate?: ((action: SimulatorAction) => void) | undefined;
  /** `first`: only the hand that lets the job go on (a full cart's card has room for one button). */
  readonly onlyFirstHand?: boolean;
}

/** Nothing when there is nothing to press. */
export function CardActionRow(props: CardActionRowProps) {
  const { ecid, target, actions, waitingFor, onJobAction, onSimulate } = props;
  if (actions.length === 0 && !(waitingFor && onSimulate)) return null;
  return (
    <div className="device-actions">
      {onJobAction &&
        actions.map((action) => {
          // A device in use waits for the person's word to erase it: the button says so.
          const words =
            waitingFor === 'in-use' && action === 'start-now' ? 'Erase' : actionLabel(action, waitingFor);
          return (
            <button
              key={action}
              type="button"
              className={`job-action action-${action}`}
              onClick={() =>
                action === 'continue' ? onJobAction(ecid, action, waitingFor) : onJobAction(ecid, action)
              }
              aria-label={`${words}: ${target}`}
            >
              {words}
            </button>
          );
        })}
      {/* A full cart's card has room for one button: the operator's answer goes before the simulated hand. */}
      {waitingFor && onSimulate && !(props.onlyFirstHand && onJobAction && actions.length > 0) && (
        <SimHands
          ecid={ecid}
          reason={waitingFor}
          target={target}
          onSimulate={onSimulate}
          {...(props.onlyFirstHand ? { only: 'first' as const } : {})}
        />
      )}
    </div>
  );
}

/**
 * A card's select box (a cart's bulk actions). A real checkbox, so Space on it selects by keyboard; a click
 * with Shift selects the range from the last click. The label around it makes the target 24 px or more.
 */
export function SelectBox(props: {
  readonly ecid: Ecid;
  readonly target: string;
  readonly selected: boolean;
  readonly onSelect: (ecid: string, range: boolean) => void;
}) {
  return (
    <label className="card-select" title="Select (Shift: select the range from the last one)">
      <input
        type="checkbox"
        checked={props.selected}
        aria-label={`Select ${props.target}`}
        onChange={(event) => props.onSelect(props.ecid, (event.nativeEvent as MouseEvent).shiftKey === true)}
      />
    </label>
  );
}
