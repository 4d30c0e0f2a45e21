import { describe, expect, it } from 'vitest';
import { trackJobActivity } from '../../../main/attention/job-activity';
import { keepAwakeWhileJobsRun } from '../../../main/electron/power-guard';
import { jobView, runStatus, scriptedBench, waiting } from '../../fakes/job-events';

function fakeBlocker() {
  const active = new Set<number>();
  let next = 1;
  const log: string[] = [];
  return {
    active,
    log,
    start(type: string) {
      log.push(`start ${type}`);
      active.add(next);
      return next++;
    },
    stop(id: number) {
      log.push(`stop ${id}`);
      active.delete(id);
    },
  };
}

describe('keepAwakeWhileJobsRun', () => {
  it('blocks system sleep once while any job is in progress, and releases it when the last one ends', () => {
    const bench = scriptedBench();
    const blocker = fakeBlocker();
    keepAwakeWhileJobsRun(trackJobActivity(bench.hub), blocker);
    expect(blocker.active.size).toBe(0);
    bench.job(jobView('a', 'running'));
    bench.job(waiting('b', 'tap-trust', 'Tap Trust'));
    expect(blocker.log).toEqual(['start prevent-app-suspension']);
    bench.job(jobView('a', 'succeeded'));
    expect(blocker.active.size).toBe(1);
    bench.job(jobView('b', 'failed'));
    expect(blocker.active.size).toBe(0);
    bench.run(runStatus({ queued: 1 }));
    expect(blocker.log).toEqual(['start prevent-app-suspension', 'stop 1', 'start prevent-app-suspension']);
  });

  it('releases the block when stopped', () => {
    const bench = scriptedBench();
    const blocker = fakeBlocker();
    const stop = keepAwakeWhileJobsRun(trackJobActivity(bench.hub), blocker);
    bench.job(jobView('a', 'running'));
    stop();
    expect(blocker.active.size).toBe(0);
    bench.job(jobView('b', 'running'));
    expect(blocker.active.size).toBe(0);
  });
});
