/**
 * Resume without harm (issue 22 item 1): a job cut off in its erase step, after the erase went through, is
 * continued at that step; the step first reads the device, sees it erased, and does not erase it again.
 */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../../main/jobs/journal-entry';
import { foldJournal } from '../../../../main/jobs/job-journal';
import { jobOf, jobsBench, until } from '../jobs-sim-harness';

describe('erase on a resumed job', () => {
  it('is not sent again to a device that already shows it was erased', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true });
    const erases = () => bench.runs.filter((r) => r.ecid === device.ecid && r.command === 'erase');
    // The crash: the erase command has returned, the job is still in its erase step (waiting for the device
    // to come back), so the journal on disk says "running erase".
    await until(bench, (j) => jobOf(j, device.ecid)?.step === 'erase' && erases().length === 1, 30_000);
    const onDisk = foldJournal([...(bench.journal.entries as JournalEntry[])]);
    expect(onDisk.lastByEcid.get(device.ecid)).toMatchObject({ ended: false, stepIndex: 0 });
    await bench.board.close();

    const board = await bench.restart(onDisk);
    await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'interrupted', 30_000);
    // Give the erase time to land on the device (it restarts into Setup Assistant), then the operator resumes.
    await new Promise((resolve) => setTimeout(resolve, 500));
    board.jobAction(device.ecid, 'retry');
    const done = await until({ board }, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    expect(jobOf(done, device.ecid)?.steps[0]).toMatchObject({ step: 'erase', outcome: 'succeeded' });
    expect(erases()).toHaveLength(1);
  }, 60_000);

  it('is still sent to a device that is set up (activated)', async () => {
    const bench = await jobsBench({ world: { quirks: { mdmSilentOnSupervised: true } } });
    const device = bench.handle.world.attach({ paired: true });
    await until(bench, (j) => jobOf(j, device.ecid)?.phase === 'succeeded', 30_000);
    expect(bench.runs.filter((r) => r.ecid === device.ecid && r.command === 'erase')).toHaveLength(1);
  }, 60_000);
});
