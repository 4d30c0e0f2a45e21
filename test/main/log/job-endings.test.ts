import { describe, expect, it } from 'vitest';
import { jobEndings } from '../../../main/log/job-endings';
import { jobView, runStatus, scriptedBench } from '../../fakes/job-events';

function watched() {
  const bench = scriptedBench();
  let endings = 0;
  bench.hub.subscribe(jobEndings(() => (endings += 1)));
  return { bench, endings: () => endings };
}

describe('jobEndings', () => {
  it('counts each job once when it reaches a final phase, not its later changes', () => {
    const { bench, endings } = watched();
    bench.job(jobView('a', 'running'));
    bench.job(jobView('b', 'countdown'));
    bench.run(runStatus());
    expect(endings()).toBe(0);
    bench.job(jobView('a', 'succeeded'));
    bench.job(jobView('a', 'succeeded', { finalName: 'CART-A-01' }));
    expect(endings()).toBe(1);
    for (const phase of ['failed', 'skipped', 'cancelled', 'interrupted'] as const) {
      bench.job(jobView(`x-${phase}`, phase));
    }
    expect(endings()).toBe(5);
  });

  it('counts a retried job that ends again, and the next job of a device plugged in again', () => {
    const { bench, endings } = watched();
    bench.job(jobView('a', 'failed'));
    bench.job(jobView('a', 'running', { attempt: 2 }));
    bench.job(jobView('a', 'succeeded', { attempt: 2 }));
    expect(endings()).toBe(2);
    bench.removed('a');
    bench.job(jobView('a', 'succeeded', { jobId: 'job-a-2' }));
    expect(endings()).toBe(3);
  });
});
