import { describe, expect, it } from 'vitest';
import { trackJobActivity, type ActivityChange } from '../../../main/attention/job-activity';
import { jobView, runStatus, scriptedBench, waiting } from '../../fakes/job-events';

describe('trackJobActivity', () => {
  it('counts devices waiting for a person and jobs in progress from jobChanged and jobRemoved', () => {
    const bench = scriptedBench();
    const activity = trackJobActivity(bench.hub);
    bench.job(jobView('a', 'running'));
    bench.job(waiting('b', 'tap-trust', 'Tap Trust on the device'));
    bench.job(jobView('c', 'succeeded'));
    expect(activity.waitingForPerson()).toBe(1);
    expect(activity.jobsInProgress()).toBe(2);

    bench.job(jobView('b', 'running'));
    bench.removed('a');
    expect(activity.waitingForPerson()).toBe(0);
    expect(activity.jobsInProgress()).toBe(1);
  });

  it('takes the run status counts when they know of more jobs than it has seen', () => {
    const bench = scriptedBench();
    const activity = trackJobActivity(bench.hub);
    bench.run(runStatus({ running: 2, queued: 1, succeeded: 9 }));
    expect(activity.jobsInProgress()).toBe(3);
    bench.run(runStatus({ succeeded: 12 }));
    expect(activity.jobsInProgress()).toBe(0);
  });

  it('tells listeners what changed, with the job as it was before', () => {
    const bench = scriptedBench();
    const activity = trackJobActivity(bench.hub);
    const changes: ActivityChange[] = [];
    activity.onChange((change) => changes.push(change));
    bench.job(jobView('a', 'queued'));
    bench.job(jobView('a', 'running'));
    bench.hub.emit('devicesChanged', { devices: [] });
    bench.removed('a');
    bench.removed('never-seen');
    expect(changes.map((c) => [c.kind, c.kind === 'job' ? c.previous?.phase : undefined])).toEqual([
      ['job', undefined],
      ['job', 'queued'],
      ['removed', undefined],
    ]);
  });

  it('stops listening when disposed', () => {
    const bench = scriptedBench();
    const activity = trackJobActivity(bench.hub);
    activity.dispose();
    bench.job(jobView('a', 'running'));
    expect(activity.jobsInProgress()).toBe(0);
  });
});
