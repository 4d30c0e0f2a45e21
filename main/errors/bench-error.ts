/**
 * The one error type services throw, and the one converter to the data that crosses a process boundary.
 *
 * Electron's invoke drops custom error properties (electron/electron#24427), so errors never cross as
 * exceptions: the IPC and WebSocket edges turn them into `ErrorInfo` with {@link toErrorInfo}.
 */
import type { ErrorCode, ErrorInfo } from '../../preload/domain';

export class BenchError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(`${info.title}: ${info.detail}`);
    this.name = 'BenchError';
  }

  get code(): ErrorCode {
    return this.info.code;
  }
}

/** A request from a UI that fails validation. The detail names the argument and the expected shape. */
export function invalidRequest(detail: string): BenchError {
  return new BenchError({
    code: 'invalid-request',
    title: 'The request was refused',
    detail,
    retryable: false,
  });
}

/**
 * Converts anything thrown into `ErrorInfo`.
 *
 * Unknown errors become `internal` with a generic text: their message and stack may hold paths or
 * secrets, so they go to the log on the main side and never to a UI.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof BenchError) return error.info;
  return {
    code: 'internal',
    title: 'Something went wrong inside Enroll Bench',
    detail: 'The bench log has the technical details. Try again; if it keeps happening, restart the app.',
    retryable: true,
  };
}
