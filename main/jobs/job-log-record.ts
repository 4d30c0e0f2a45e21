/**
 * The bench log's record of a finished job, from the job's state and what the bench knew of its device: the
 * one pure function behind every `job-ended` journal entry (main/jobs/journal-entry.ts), so the log cannot
 * disagree with the journal. Never carries a secret: only names, codes and times.
 */
import type { JobView, Workflow } from '../../preload/jobs-domain';
import type { EnrollmentPath, LogOutcome, LogRecord } from '../../preload/log-domain';

export interface LogRecordContext {
  readonly workflowName?: string;
  readonly profileIdentifier?: string;
  readonly organization?: string;
  readonly enrollmentPath?: EnrollmentPath;
  readonly udid?: string;
  readonly deviceType?: string;
  readonly model?: string;
  readonly iosVersion?: string;
  readonly portLabel?: string;
  readonly overrides?: readonly string[];
  readonly stationName: string;
  readonly appVersion: string;
  readonly sessionId: string;
}

/** Which path a workflow enrolls by, from its steps: `prepare-ade` is ADE, installing the profile is direct. */
export function enrollmentPathOf(workflow: Pick<Workflow, 'steps'>): EnrollmentPath | undefined {
  const kinds = workflow.steps.map((s) => s.kind);
  if (kinds.includes('prepare-ade')) return 'ade';
  if (kinds.includes('install-enrollment-profile')) return 'direct';
  return undefined;
}

/** The context field for a workflow's path; nothing when it enrolls neither way. */
export function enrollmentPathField(workflow: Pick<Workflow, 'steps'>): { enrollmentPath?: EnrollmentPath } {
  const path = enrollmentPathOf(workflow);
  return path ? { enrollmentPath: path } : {};
}

function outcomeOf(view: JobView): LogOutcome {
  switch (view.phase) {
    case 'succeeded':
    case 'failed':
    case 'skipped':
    case 'cancelled':
    case 'interrupted':
      return view.phase;
    case 'countdown':
    case 'queued':
    case 'running':
    case 'waiting-for-operator':
    case 'waiting-for-reattach':
      return 'interrupted';
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

export function logRecordFor(view: JobView, context: LogRecordContext, now: number): LogRecord {
  const finishedAt = view.endedAt ?? now;
  const startedAt = view.startedAt ?? view.steps[0]?.startedAt ?? finishedAt;
  const outcome = outcomeOf(view);
  return {
    jobId: view.jobId,
    startedAt,
    finishedAt,
    durationMs: Math.max(0, finishedAt - startedAt),
    ecid: view.ecid,
    ...optional('serialNumber', view.serialNumber),
    ...optional('udid', context.udid),
    ...optional('deviceType', context.deviceType),
    ...optional('model', context.model),
    ...optional('iosVersion', context.iosVersion),
    ...optional('finalName', view.finalName),
    workflowId: view.workflowId,
    ...optional('workflowName', context.workflowName),
    ...optional('profileIdentifier', context.profileIdentifier),
    ...optional('organization', context.organization),
    ...optional('enrollmentPath', context.enrollmentPath),
    ...optional('portLabel', context.portLabel),
    outcome,
    ...(outcome === 'succeeded' || !view.error
      ? {}
      : { errorCode: view.error.code, errorMessage: view.error.title }),
    overrides: [...(context.overrides ?? [])],
    steps: view.steps.map((s) => ({ step: s.step, outcome: s.outcome ?? 'interrupted' })),
    stationName: context.stationName,
    appVersion: context.appVersion,
    sessionId: context.sessionId,
  };
}
