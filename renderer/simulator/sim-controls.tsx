import type { SimulatorAction } from '../../preload/domain';

export interface SimControlsProps {
  readonly onAction: (action: SimulatorAction) => void;
  readonly deviceCount: number;
}

/** A cart arrives over a few seconds, as when someone plugs in row after row. */
export const cartAction: SimulatorAction = { type: 'cart', count: 30, overSeconds: 6 };

/** The operator's hand in the simulated bench. Shown only while simulated. */
export function SimControls({ onAction, deviceCount }: SimControlsProps) {
  return (
    <section className="sim-controls" aria-label="Simulator controls">
      <button type="button" onClick={() => onAction({ type: 'attach', deviceClass: 'iPad' })}>
        Plug in an iPad
      </button>
      <button type="button" onClick={() => onAction({ type: 'attach', deviceClass: 'iPhone' })}>
        Plug in an iPhone
      </button>
      <button type="button" onClick={() => onAction(cartAction)}>
        Cart of 30 iPads
      </button>
      <button type="button" onClick={() => onAction({ type: 'detach-all' })} disabled={deviceCount === 0}>
        Unplug all
      </button>
    </section>
  );
}
