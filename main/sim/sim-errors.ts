/**
 * Errors the simulated world throws at the operator's hand (the app's simulator controls, the `sim` CLI).
 *
 * They are `BenchError`s with code `invalid-request` so the UI shows their words: anything else is reported as a
 * generic "internal" error with the text kept for the log only (see main/errors/bench-error.ts).
 */
import { BenchError } from '../errors/bench-error';

/** Every simulated USB port is in use, so no more devices can be plugged in. */
export function portsTakenError(free: number, wanted: number): BenchError {
  const detail =
    free === 0
      ? 'Unplug some simulated devices first, then plug in again.'
      : `Only ${free} simulated USB ${free === 1 ? 'port is' : 'ports are'} free for ${wanted} devices. ` +
        'Unplug some simulated devices first, or ask for fewer.';
  return new BenchError({
    code: 'invalid-request',
    title: 'Every simulated USB port is taken',
    detail,
    retryable: false,
  });
}

/** A cart request that cannot be met as asked; `detail` says which value to change. */
export function cartRequestError(detail: string): BenchError {
  return new BenchError({
    code: 'invalid-request',
    title: 'The simulated cart cannot arrive like that',
    detail,
    retryable: false,
  });
}

/** A scenario file that cannot be used; `detail` names the file, the problem and the fix. */
export function scenarioError(detail: string): BenchError {
  return new BenchError({
    code: 'invalid-request',
    title: 'The simulator scenario cannot be used',
    detail,
    retryable: false,
  });
}
