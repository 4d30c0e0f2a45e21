import { expect } from 'vitest';
import type { ErrorCode } from '../../../preload/domain';
import { CfgutilError } from '../../../main/cfgutil/cfgutil-error';

/** Awaits the rejection and checks it is a `CfgutilError` with `code`. */
export async function rejectsWith(promise: Promise<unknown>, code: ErrorCode): Promise<CfgutilError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CfgutilError);
  expect((error as CfgutilError).code).toBe(code);
  return error as CfgutilError;
}
