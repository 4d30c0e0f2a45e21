/**
 * Decides which engine runs the bench, from the flags, what the locator found and the platform.
 *
 * Real cfgutil whenever it is found (unless simulation was asked for). On a Mac without it the operator
 * gets the preflight screen (install Automation Tools, or choose the simulator). Anywhere else cfgutil
 * cannot exist, so the bench is simulated, and the UI says so permanently.
 */
import type { EngineStatus } from '../../preload/domain';

export type LocateOutcome =
  | { readonly kind: 'found'; readonly path: string }
  | { readonly kind: 'missing'; readonly searched: readonly string[] };

export function chooseEngine(input: {
  readonly simulate: boolean;
  readonly located: LocateOutcome;
  readonly platform: NodeJS.Platform;
}): EngineStatus {
  if (input.simulate) return { kind: 'simulator', reason: 'requested' };
  if (input.located.kind === 'found') return { kind: 'cfgutil', path: input.located.path };
  if (input.platform === 'darwin') return { kind: 'missing', searched: input.located.searched };
  return { kind: 'simulator', reason: 'not-macos' };
}
