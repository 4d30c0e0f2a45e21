import { describe, expect, it } from 'vitest';
import { showWaitingOnDock } from '../../../main/electron/dock-badge';
import { trackJobActivity } from '../../../main/electron/job-activity';
import { jobView, scriptedBench, waiting } from '../../fakes/job-events';

describe('showWaitingOnDock', () => {
  it('shows how many devices wait for a person, and no badge when none does', () => {
    const bench = scriptedBench();
    const badges: string[] = [];
    const stop = showWaitingOnDock(trackJobActivity(bench.hub), { setBadge: (text) => badges.push(text) });
    bench.job(waiting('a', 'tap-trust', 'Tap Trust'));
    bench.job(waiting('b', 'unlock-device', 'Unlock it'));
    bench.job(jobView('c', 'running')); // no change: no call
    bench.job(jobView('a', 'running'));
    bench.removed('b');
    expect(badges).toEqual(['1', '2', '1', '']);
    bench.job(waiting('c', 'approve-profile', 'Approve'));
    stop();
    expect(badges.slice(4)).toEqual(['1', '']);
  });

  it('does nothing where there is no Dock', () => {
    const bench = scriptedBench();
    expect(() => showWaitingOnDock(trackJobActivity(bench.hub), undefined)()).not.toThrow();
  });
});
