/**
 * Scripted job events through the bench's real event hub, as the jobs area will send them.
 */
import { countJobs } from '../../preload/counts';
import { EventHub } from '../../main/events/event-hub';
import type { JobCounts, JobPhase, JobView, OperatorReason, RunStatus } from '../../preload/jobs-domain';
import type { ErrorInfo } from '../../preload/domain';

export function jobView(ecid: string, phase: JobPhase, extra: Partial<JobView> = {}): JobView {
  return {
    jobId: `job-${ecid}`,
    ecid,
    serialNumber: `SER${ecid.toUpperCase()}`,
    workflowId: 'supervise-and-enroll',
    phase,
    stepCount: 5,
    progress: 0.2,
    attempt: 1,
    steps: [],
    ...extra,
  };
}

export function waiting(ecid: string, reason: OperatorReason, instruction: string): JobView {
  return jobView(ecid, 'waiting-for-operator', { waiting: { reason, instruction, since: 1 } });
}

export function failed(ecid: string, title: string): JobView {
  const error: ErrorInfo = { code: 'unknown', title, detail: 'detail', retryable: true };
  return jobView(ecid, 'failed', { error });
}

const noCounts: JobCounts = countJobs([]);

export function runStatus(counts: Partial<JobCounts> = {}): RunStatus {
  return {
    armed: true,
    paused: false,
    workflowId: 'supervise-and-enroll',
    countdownSeconds: 5,
    concurrency: 8,
    counts: { ...noCounts, ...counts },
  };
}

/** The hub plus one-line emitters for the three events the macOS touches read. */
export function scriptedBench() {
  const hub = new EventHub();
  return {
    hub,
    job: (job: JobView) => hub.emit('jobChanged', { job }),
    removed: (ecid: string) => hub.emit('jobRemoved', { ecid }),
    run: (run: RunStatus) => hub.emit('runChanged', { run }),
  };
}
