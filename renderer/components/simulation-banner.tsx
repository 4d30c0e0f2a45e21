import type { EngineStatus } from '../../preload/domain';

type SimulatorReason = Extract<EngineStatus, { kind: 'simulator' }>['reason'];

const reasons: Readonly<Record<SimulatorReason, string>> = {
  requested: 'The bench was started with --simulate.',
  'not-macos': "This computer is not a Mac, so Apple's cfgutil cannot run here.",
  'operator-chose': 'You chose the simulator because cfgutil is not installed on this Mac.',
};

/** Always on while simulated, so nobody mistakes a demo for a real enrollment run. */
export function SimulationBanner({ reason }: { readonly reason: SimulatorReason }) {
  return (
    <section className="simulation-banner" aria-labelledby="simulation-title">
      <h2 id="simulation-title">Simulation</h2>
      <p>
        No real iPhone or iPad is being changed: every device here is simulated. {reasons[reason]}
      </p>
    </section>
  );
}
