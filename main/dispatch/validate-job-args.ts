/**
 * Argument validators for the provisioning and bench-log channels.
 *
 * Shapes and bounds only. A workflow's content is judged by the workflow schema in main/jobs/ (which names
 * the field at fault); here it must merely be an object of bounded size, so a huge request costs nothing.
 */
import type { JobInvokeChannels, LogInvokeChannels } from '../../preload/contract';
import {
  jobActions,
  jobPhases,
  operatorReasons,
  type JobAction,
  type JobPhase,
  type OperatorReason,
  type Workflow,
} from '../../preload/jobs-domain';
import type { LogExportFormat, LogOutcome, LogQuery } from '../../preload/log-domain';
import { invalidRequest } from '../errors/bench-error';
import { ecidArg, isRecord, none, one } from './arg-shapes';

type Channels = JobInvokeChannels & LogInvokeChannels;
type Validators = {
  readonly [K in keyof Channels]: (args: readonly unknown[]) => Parameters<Channels[K]>;
};

const MAX_WORKFLOW_JSON = 64 * 1024;
const logOutcomes: readonly (LogOutcome | 'all')[] = [
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
  'interrupted',
  'all',
];
const exportFormats: readonly LogExportFormat[] = ['csv', 'intune', 'json'];

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw invalidRequest(`${field} must be true or false.`);
  return value;
}

function workflowId(value: unknown): string {
  if (typeof value !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(value)) {
    throw invalidRequest('workflowId must be lower-case letters, digits and dashes (at most 64).');
  }
  return value;
}

function optionalTime(value: unknown, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw invalidRequest(`${field} must be a time in epoch milliseconds.`);
  }
  return value;
}

function optionalOutcome(value: unknown): LogOutcome | 'all' | undefined {
  if (value === undefined) return undefined;
  if (!logOutcomes.includes(value as LogOutcome)) {
    throw invalidRequest(`outcome must be one of: ${logOutcomes.join(', ')}.`);
  }
  return value as LogOutcome | 'all';
}

function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max) {
    throw invalidRequest(`${field} must be text of at most ${max} characters.`);
  }
  return value;
}

function optionalCount(value: unknown, field: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalidRequest(`${field} must be a whole number from 0 to ${max}.`);
  }
  return value;
}

/** Drops undefined fields so `exactOptionalPropertyTypes` holds and nothing unexpected passes through. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function logQuery(req: Record<string, unknown>): LogQuery {
  return defined({
    search: optionalText(req.search, 'search', 200),
    from: optionalTime(req.from, 'from'),
    to: optionalTime(req.to, 'to'),
    outcome: optionalOutcome(req.outcome),
    sessionId: optionalText(req.sessionId, 'sessionId', 100),
    offset: optionalCount(req.offset, 'offset', 10_000_000),
    limit: optionalCount(req.limit, 'limit', 500),
  });
}

export const jobArgValidators: Validators = {
  setArmed: (args) => [{ armed: flag(one(args, 'setArmed').armed, 'armed') }],
  setPaused: (args) => [{ paused: flag(one(args, 'setPaused').paused, 'paused') }],
  selectWorkflow: (args) => [{ workflowId: workflowId(one(args, 'selectWorkflow').workflowId) }],
  jobAction: (args) => {
    const req = one(args, 'jobAction');
    if (!jobActions.includes(req.action as JobAction)) {
      throw invalidRequest(`action must be one of: ${jobActions.join(', ')}.`);
    }
    if (req.seen !== undefined && !jobPhases.includes(req.seen as JobPhase)) {
      throw invalidRequest(`seen must be one of: ${jobPhases.join(', ')}.`);
    }
    const seen = req.seen === undefined ? {} : { seen: req.seen as JobPhase };
    if (req.answers === undefined)
      return [{ ecid: ecidArg(req.ecid), action: req.action as JobAction, ...seen }];
    if (req.action !== 'continue' || !operatorReasons.includes(req.answers as OperatorReason)) {
      throw invalidRequest(
        `answers goes with action continue and must be one of: ${operatorReasons.join(', ')}.`,
      );
    }
    return [{ ecid: ecidArg(req.ecid), action: 'continue', answers: req.answers as OperatorReason, ...seen }];
  },
  retryFailed: (args) => none(args, 'retryFailed'),
  answerInUse: (args) => none(args, 'answerInUse'),
  listWorkflows: (args) => none(args, 'listWorkflows'),
  listSkipPanes: (args) => none(args, 'listSkipPanes'),
  saveWorkflow: (args) => {
    const req = one(args, 'saveWorkflow');
    if (!isRecord(req.workflow)) throw invalidRequest('saveWorkflow needs { workflow } as an object.');
    if (JSON.stringify(req.workflow).length > MAX_WORKFLOW_JSON) {
      throw invalidRequest('The workflow is larger than 64 KB; a workflow is a short list of steps.');
    }
    // The workflow schema (main/jobs/) checks every field and names the one at fault.
    return [{ workflow: req.workflow as unknown as Workflow }];
  },
  deleteWorkflow: (args) => [{ workflowId: workflowId(one(args, 'deleteWorkflow').workflowId) }],
  previewNames: (args) => {
    const template = optionalText(one(args, 'previewNames').template, 'template', 200);
    if (template === undefined) throw invalidRequest('previewNames needs { template } as text.');
    return [{ template }];
  },
  queryLog: (args) => [logQuery(one(args, 'queryLog'))],
  exportLog: (args) => {
    const req = one(args, 'exportLog');
    if (!exportFormats.includes(req.format as LogExportFormat)) {
      throw invalidRequest(`format must be one of: ${exportFormats.join(', ')}.`);
    }
    return [
      defined({
        format: req.format as LogExportFormat,
        from: optionalTime(req.from, 'from'),
        to: optionalTime(req.to, 'to'),
        outcome: optionalOutcome(req.outcome),
        search: optionalText(req.search, 'search', 200),
        sessionId: optionalText(req.sessionId, 'sessionId', 100),
      }),
    ];
  },
};
