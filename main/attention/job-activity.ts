/**
 * What the attention rules (./watch-attention.ts) and the macOS touches (no-sleep, quit warning) need to know
 * about the jobs, kept from the bench's own events: `jobChanged`, `jobRemoved` and `runChanged` from the event
 * hub, the same output-only subscription every UI uses.
 *
 * No Electron here: the touches read this, and tests drive it with scripted events.
 */
import type { BenchEvent } from '../../preload/contract';
import type { Ecid } from '../../preload/domain';
import type { JobPhase, JobView, RunStatus } from '../../preload/jobs-domain';

/** Where bench events come from: the bench host (`bench.host`) is one. */
export interface BenchEventSource {
  subscribe(listener: (event: BenchEvent) => void): () => void;
}

export type ActivityChange =
  | { readonly kind: 'job'; readonly job: JobView; readonly previous?: JobView }
  | { readonly kind: 'removed'; readonly ecid: Ecid }
  | { readonly kind: 'run'; readonly run: RunStatus };

export interface JobActivity {
  /** Devices whose job waits for a person (Trust, approve, unlock…). */
  waitingForPerson(): number;
  /** Jobs not yet finished: queued, counting down, running or waiting. Zero means nothing would be cut off. */
  jobsInProgress(): number;
  /** The latest view of every job this tracker has seen and that is still on the bench. */
  jobs(): readonly JobView[];
  /** Called after every change, with what changed. */
  onChange(listener: (change: ActivityChange) => void): () => void;
  dispose(): void;
}

const FINISHED: ReadonlySet<JobPhase> = new Set([
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
  'skipped',
]);

export function isInProgress(phase: JobPhase): boolean {
  return !FINISHED.has(phase);
}

export function trackJobActivity(source: BenchEventSource): JobActivity {
  const jobs = new Map<Ecid, JobView>();
  let run: RunStatus | undefined;
  const listeners = new Set<(change: ActivityChange) => void>();
  const tell = (change: ActivityChange) => {
    for (const listener of [...listeners]) listener(change);
  };
  const unsubscribe = source.subscribe((event) => {
    // Only the three job events matter here; devices, profile and the rest are the window's business.
    if (event.channel === 'jobChanged') {
      const { job } = event.payload;
      const previous = jobs.get(job.ecid);
      jobs.set(job.ecid, job);
      tell(previous ? { kind: 'job', job, previous } : { kind: 'job', job });
    } else if (event.channel === 'jobRemoved') {
      if (jobs.delete(event.payload.ecid)) tell({ kind: 'removed', ecid: event.payload.ecid });
    } else if (event.channel === 'runChanged') {
      run = event.payload.run;
      tell({ kind: 'run', run });
    }
  });
  const count = (test: (job: JobView) => boolean) => [...jobs.values()].filter(test).length;
  return {
    waitingForPerson: () => count((job) => job.phase === 'waiting-for-operator'),
    jobsInProgress: () => {
      // The run's counts cover jobs this tracker has not seen (it may have started late): take the larger.
      const counts = run?.counts;
      const fromRun = counts ? counts.queued + counts.running + counts.waitingForOperator : 0;
      return Math.max(
        count((job) => isInProgress(job.phase)),
        fromRun,
      );
    },
    jobs: () => [...jobs.values()],
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribe();
      listeners.clear();
    },
  };
}
