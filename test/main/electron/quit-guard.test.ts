import { describe, expect, it, vi } from 'vitest';
import { trackJobActivity } from '../../../main/attention/job-activity';
import { createQuitGuard, quitQuestion } from '../../../main/electron/quit-guard';
import { jobView, scriptedBench } from '../../fakes/job-events';

describe('createQuitGuard', () => {
  it('lets the app quit without asking when no job is in progress', () => {
    const bench = scriptedBench();
    const ask = vi.fn(() => 0);
    bench.job(jobView('a', 'succeeded'));
    expect(createQuitGuard(trackJobActivity(bench.hub), ask).allowQuit()).toBe(true);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks while jobs run; Keep Running (the default) keeps the app open', () => {
    const bench = scriptedBench();
    const guard = createQuitGuard(trackJobActivity(bench.hub), () => 0);
    bench.job(jobView('a', 'running'));
    bench.job(jobView('b', 'queued'));
    expect(guard.allowQuit()).toBe(false);
  });

  it('Quit Anyway quits, and is not asked a second time (window close, then Quit)', () => {
    const bench = scriptedBench();
    const activity = trackJobActivity(bench.hub);
    bench.job(jobView('a', 'running'));
    const ask = vi.fn(() => 1);
    const guard = createQuitGuard(activity, ask);
    expect(guard.allowQuit()).toBe(true);
    expect(guard.allowQuit()).toBe(true);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith(quitQuestion(1));
  });

  it('names how many devices would be cut off', () => {
    expect(quitQuestion(1).message).toBe('1 device is still being prepared');
    expect(quitQuestion(12).message).toBe('12 devices are still being prepared');
    expect(quitQuestion(3).buttons).toEqual(['Keep Running', 'Quit Anyway']);
  });
});
