/**
 * A full cart's details line, in the grid's dock: the device pointed at, focused, or selected alone, in full
 * ("Port 2 › 3 · SERIAL · Failed: <title>. <fix>"), so a narrow card's cut reason is never all there is. The
 * device details dialog (./device-details.tsx) still has everything.
 */
import type { Ecid } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';
import { useBench } from '../state/bench-store';
import { benchDevice } from '../state/bench-devices';
import type { BenchDevice } from '../state/bench-devices';
import { awayNote, noJobLook } from './device-card-model';
import { describeJob, finalNameLine } from './job-status';

/** A sentence ends once: "title" + ". " unless it already ends in a stop. */
const sentence = (text: string): string => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The device's state in full words, for the strip (pure, tested). */
export function fullStateLine(device: BenchDevice, job: JobView | undefined, armed?: boolean): string {
  const serial = device.serialNumber ?? job?.serialNumber;
  const where = [device.portLabel ?? 'Port unknown', serial ?? device.ecid];
  const look = job ? describeJob(job, undefined, armed) : noJobLook(device);
  let state: string = look.word;
  if (job?.error && (job.phase === 'failed' || job.phase === 'interrupted'))
    state = `${look.word}: ${sentence(job.error.title)} ${job.error.detail}`;
  else if (job?.phase === 'waiting-for-operator' && job.waiting)
    state = `${look.word}: ${job.waiting.instruction}`;
  else if (job?.phase === 'succeeded' && job.finalName) state = `${look.word} · ${finalNameLine(job)}`;
  const away = awayNote(device, job);
  return [...where, ...(away ? [away] : []), state].join(' · ');
}

export function DetailsStrip({ ecid }: { readonly ecid: Ecid | undefined }) {
  const device = useBench((s) => (ecid === undefined ? undefined : benchDevice(s, ecid)));
  const job = useBench((s) => (ecid === undefined ? undefined : s.jobs[ecid]));
  const armed = useBench((s) => s.run?.armed);
  return (
    // Always there (a live region must exist before it speaks); empty, it takes no room.
    <p className="details-strip" aria-live="polite">
      {device ? fullStateLine(device, job, armed) : ''}
    </p>
  );
}
