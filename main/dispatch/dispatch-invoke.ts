/**
 * Routes one invoke request (from Electron IPC or the WebSocket) to the bench's handlers.
 *
 * Both transports call this one function, so they share the channel allow-list, argument validation and
 * error conversion: whatever a client sends, the answer is a `Result`, never a rejection or a crash.
 */
import { isInvokeChannel, type InvokeChannels } from '../../preload/contract';
import type { Result } from '../../preload/domain';
import { BenchError, invalidRequest, toErrorInfo } from '../errors/bench-error';
import { sanitizeText } from '../text/sanitize-text';
import { argValidators, type ArgValidators } from './validate-args';

export type InvokeDispatcher = (channel: unknown, args: readonly unknown[]) => Promise<Result<unknown>>;

/** Called with every failure that is not a plain validation refusal, so main can log it in full. */
export type DispatchErrorListener = (channel: string, error: unknown) => void;

export function createInvokeDispatcher(
  handlers: InvokeChannels,
  onError: DispatchErrorListener = () => {},
  validators: ArgValidators = argValidators,
): InvokeDispatcher {
  return async (channel, args) => {
    if (!isInvokeChannel(channel)) {
      // The name is the client's text: sanitised and capped before it is echoed in the refusal.
      const named = sanitizeText(channel, { maxLength: 80 });
      return { ok: false, error: toErrorInfo(invalidRequest(`Unknown channel "${named}".`)) };
    }
    try {
      if (!Array.isArray(args)) throw invalidRequest(`${channel} arguments must be a list.`);
      // One generic call site: the validator returns exactly the handler's parameter tuple.
      const validated = validators[channel](args) as never[];
      const handler = handlers[channel] as (...a: never[]) => Promise<Result<unknown>>;
      return await handler.apply(handlers, validated);
    } catch (error) {
      // A refused request is the client's problem and is answered in full; logging each one would let any
      // client flood the log.
      if (!(error instanceof BenchError && error.code === 'invalid-request')) onError(channel, error);
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
