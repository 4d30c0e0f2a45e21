/**
 * Issue 14 item 1 at the workflow's steps: on a cart running supervise-and-enroll, one device per fault has
 * cfgutil misbehave at erase, prepare, install-profile or rename: unplugged mid-command (and left out),
 * crashed, garbage on stdout, or an error inside a success envelope. Each faulted device must end in a clear
 * state (done, or failed / waiting with the words to act on), the clean device of the cart must be done,
 * and no job may be left running.
 */
import { describe, expect, it } from 'vitest';
import type { JobView } from '../../preload/jobs-domain';
import type { SimFault } from '../../main/sim/index';
import { jobsBench, until } from '../main/jobs/jobs-sim-harness';
import { recordFigures } from './figures';

const faults: [string, SimFault][] = [
  ['unplugged mid-command', { kind: 'disconnect' }],
  ['crash', { kind: 'crash', signal: 'SIGSEGV' }],
  ['garbage', { kind: 'garbage' }],
  ['error in a success envelope', { kind: 'bare-error', error: 'deviceStateUnknown' }],
];
const commands = ['erase', 'prepare', 'install-profile', 'rename'];
const settledPhases = new Set(['succeeded', 'failed', 'waiting-for-operator', 'skipped']);
const outcomes: Record<string, string> = {};

/** What the operator is told, or '' when the job says nothing. */
function instructionOf(job: JobView): string {
  if (job.phase === 'waiting-for-operator') return job.waiting?.instruction ?? '';
  if (job.phase === 'failed') return `${job.error?.title ?? ''} ${job.error?.detail ?? ''}`.trim();
  return 'done';
}

describe.each(commands)('faults at %s on a running cart', (command) => {
  it('ends every faulted device in a clear state with words to act on, and the rest of the cart is done', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const ecids = faults.map(
      (_, i) => `0x${(0xa11ce00 + commands.indexOf(command) * 16 + i).toString(16).toUpperCase()}`,
    );
    faults.forEach(([, fault], i) => bench.handle.world.injectFault(fault, { ecid: ecids[i], command }));
    for (const ecid of ecids) bench.handle.world.attach({ ecid, deviceClass: 'iPad', paired: true });
    const clean = bench.handle.world.attach({ deviceClass: 'iPad', paired: true }).ecid;
    // The bound is a wedge detector: every wait in a job has its own (scaled) limit, far inside it.
    const jobs = await until(
      bench,
      (all) => all.length === faults.length + 1 && all.every((j) => settledPhases.has(j.phase)),
      60_000,
    );
    expect(jobs.find((j) => j.ecid === clean)?.phase).toBe('succeeded');
    faults.forEach(([name], i) => {
      const job = jobs.find((j) => j.ecid === ecids[i]);
      expect(job, name).toBeDefined();
      if (!job) return;
      expect(instructionOf(job).length, `${command} / ${name}: ${job.phase} says what to do`).toBeGreaterThan(
        3,
      );
      // Done means done on the device: a re-read, not an exit code, decided it.
      if (job.phase === 'succeeded')
        expect(bench.handle.world.device(job.ecid)?.isSupervised, name).toBe(true);
      outcomes[`${command} / ${name}`] =
        job.phase === 'succeeded'
          ? 'succeeded'
          : `${job.phase} (${job.error?.code ?? job.waiting?.reason ?? ''})`;
    });
    recordFigures('job-faults', { scenarios: Object.keys(outcomes).length, outcomes });
  }, 90_000);
});
