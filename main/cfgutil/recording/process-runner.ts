/**
 * The process's cfgutil runner decorator: how `--record DIR` reaches every cfgutil client without threading a
 * runner through each composition path (the app, `serve`, `run`, `field-check`, the headless preflight).
 *
 * A recording belongs to the process (one flag, one bundle), so this is one process-wide slot: the command sets
 * it before it composes the bench and clears it on the way out. Clients created with an explicit `runner` (tests)
 * are never decorated.
 */
import type { CfgutilRunner } from '../run-cfgutil';

type Decorator = (inner: CfgutilRunner) => CfgutilRunner;

let current: Decorator | undefined;

/** Installs `decorator` for clients created from now on; returns the function that removes it. */
export function setCfgutilRunnerDecorator(decorator: Decorator): () => void {
  if (current !== undefined) throw new Error('a cfgutil runner decorator is already installed');
  current = decorator;
  return () => {
    if (current === decorator) current = undefined;
  };
}

/** `base`, decorated when a recording is active. */
export function processCfgutilRunner(base: CfgutilRunner): CfgutilRunner {
  return current === undefined ? base : current(base);
}
