/**
 * Reads the bench's events for the moments a job ends: a `jobChanged` into a final phase (the phases a log
 * record's outcome can take) that this job was not in already. Later changes of an ended job (its facts,
 * the unplug) are not new endings; a retried job that ends again is.
 */
import type { BenchEvent } from '../../preload/contract';
import type { Ecid } from '../../preload/domain';
import { logOutcomes } from './log-record-schema';

export function jobEndings(onEnded: () => void): (event: BenchEvent) => void {
  /** Per device, the job id of its job while that job has ended. */
  const ended = new Map<Ecid, string>();
  return (event) => {
    if (event.channel === 'jobRemoved') {
      ended.delete(event.payload.ecid);
      return;
    }
    if (event.channel !== 'jobChanged') return;
    const { ecid, jobId, phase } = event.payload.job;
    if (!Object.hasOwn(logOutcomes, phase)) {
      ended.delete(ecid);
      return;
    }
    if (ended.get(ecid) === jobId) return;
    ended.set(ecid, jobId);
    onEnded();
  };
}
