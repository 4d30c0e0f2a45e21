/**
 * How a step ends a job other than by succeeding: a failure with the error to show, or a skip with its
 * reason. Thrown inside the runner, turned into reducer events at one place (job-runner.ts).
 */
import type { ErrorCode, ErrorInfo } from '../../preload/domain';
import type { SkipReason } from '../../preload/jobs-domain';
import { CfgutilError, errorInfo } from '../cfgutil/cfgutil-error';

export class JobFailure extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.title);
    this.name = 'JobFailure';
  }
}

export class JobSkip extends Error {
  constructor(readonly reason: SkipReason) {
    super(reason);
    this.name = 'JobSkip';
  }
}

/** A failure in our own words (title and detail), with the closest code. */
export function failure(code: ErrorCode, title: string, detail: string, retryable = true): JobFailure {
  return new JobFailure({ code, title, detail, retryable });
}

export function failureFrom(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  if (error instanceof CfgutilError) return new JobFailure(error.info);
  return new JobFailure(
    errorInfo('internal', { originalMessage: error instanceof Error ? error.message : String(error) }),
  );
}

/** The code of a cfgutil failure, or undefined for anything else (which is then not retried). */
export function cfgutilCode(error: unknown): ErrorCode | undefined {
  return error instanceof CfgutilError ? error.info.code : undefined;
}

/**
 * What a step rethrows from a failed command: the change guard's skip stays a skip (it was raised before the
 * command was sent), anything else becomes a failure.
 */
export function endingFrom(error: unknown): JobFailure | JobSkip {
  return error instanceof JobSkip ? error : failureFrom(error);
}
