import type { ReactNode } from 'react';
import type { EngineStatus } from '../../preload/domain';

type SimulatorReason = Extract<EngineStatus, { kind: 'simulator' }>['reason'];

const reasons: Readonly<Record<SimulatorReason, ReactNode>> = {
  requested: (
    <>
      Started with <code className="nowrap">--simulate</code>.
    </>
  ),
  'not-macos': 'This computer is not a Mac, so cfgutil cannot run here.',
  'operator-chose': 'You chose the simulator because cfgutil is not installed.',
};

/** Always on while simulated, so nobody mistakes a demo for a real enrollment run. */
export function SimulationBanner({ reason }: { readonly reason: SimulatorReason }) {
  return (
    <section className="simulation-banner" aria-labelledby="simulation-title">
      <h2 id="simulation-title">Simulation</h2>
      <p>Every device here is simulated: no real iPhone or iPad is changed. {reasons[reason]}</p>
    </section>
  );
}
