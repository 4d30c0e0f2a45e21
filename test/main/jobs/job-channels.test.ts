/**
 * `continue` through the jobs area's channel: the operator's answer to a wait is checked against the
 * device. "I approved it" before the approval keeps the wait (with a note that the device does not show it
 * yet); after the approval it goes on; an answer meant for another instruction is refused.
 */
import { describe, expect, it, vi } from 'vitest';
import { INSTRUCTIONS } from '../../../main/jobs/guidance';
import { JobChannels } from '../../../main/jobs/job-channels';
import { NOT_SEEN_YET } from '../../../main/jobs/step-kit';
import { ENROLL_IN_PLACE } from '../../../main/jobs/workflow/presets';
import type { JobBoard } from '../../../main/jobs/job-board';
import type { JobView } from '../../../preload/jobs-domain';
import { jobOf, jobsBench, until } from './jobs-sim-harness';

describe('JobChannels: continue', () => {
  it('"I approved it" re-reads the device: not yet approved keeps the wait, approved goes on', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE });
    const channels = new JobChannels(() => bench.board);
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'approve-profile');

    const early = await channels.jobAction({
      ecid: device.ecid,
      action: 'continue',
      answers: 'approve-profile',
    });
    expect(early.ok).toBe(true);
    const kept = await until(
      bench,
      (j) => jobOf(j, device.ecid)?.waiting?.instruction?.includes(NOT_SEEN_YET) === true,
    );
    expect(jobOf(kept, device.ecid)?.waiting?.instruction).toBe(
      `${INSTRUCTIONS['approve-profile']} ${NOT_SEEN_YET}`,
    );
    expect(jobOf(kept, device.ecid)?.phase).toBe('waiting-for-operator');

    // Approved on the device: the bench's own re-read goes on, no second press needed.
    bench.handle.world.approveProfile(device.ecid);
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
  }, 60_000);

  it('refuses an answer meant for another instruction, and continue on a job that does not wait', async () => {
    const bench = await jobsBench({ workflowId: ENROLL_IN_PLACE });
    const channels = new JobChannels(() => bench.board);
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.waiting?.reason === 'approve-profile');
    await expect(
      channels.jobAction({ ecid: device.ecid, action: 'continue', answers: 'tap-trust' }),
    ).rejects.toMatchObject({ info: { title: 'It now waits for something else' } });
    expect(jobOf(bench.board.views(), device.ecid)?.phase).toBe('waiting-for-operator');

    bench.handle.world.approveProfile(device.ecid);
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded');
    await expect(channels.jobAction({ ecid: device.ecid, action: 'continue' })).rejects.toMatchObject({
      info: { title: 'Not waiting for you' },
    });
  });
});

describe('JobChannels: an action chosen for the phase the operator saw', () => {
  const view = (phase: JobView['phase']): JobView => ({
    jobId: 'j',
    ecid: '0x1A2B',
    workflowId: 'w',
    phase,
    stepCount: 1,
    progress: 0,
    attempt: 1,
    steps: [],
  });
  const boardIn = (phase: JobView['phase']) => {
    const jobAction = vi.fn(() => view('running'));
    const board = { views: () => [view(phase)], jobAction } as unknown as JobBoard;
    return { channels: new JobChannels(() => board), jobAction };
  };

  it('acts when the job is still in that phase', async () => {
    const { channels, jobAction } = boardIn('countdown');
    const result = await channels.jobAction({ ecid: '0x1A2B', action: 'start-now', seen: 'countdown' });
    expect(result.ok).toBe(true);
    expect(jobAction).toHaveBeenCalledWith('0x1A2B', 'start-now');
  });

  it('refuses, touching nothing, when the job has moved on (a bulk Start now never answers the in-use question)', async () => {
    const { channels, jobAction } = boardIn('waiting-for-operator');
    await expect(
      channels.jobAction({ ecid: '0x1A2B', action: 'start-now', seen: 'countdown' }),
    ).rejects.toMatchObject({ info: { title: 'The card changed' } });
    expect(jobAction).not.toHaveBeenCalled();
  });
});
