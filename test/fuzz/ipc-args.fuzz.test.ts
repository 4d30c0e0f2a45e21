/**
 * IPC argument validation under arbitrary arguments, for every invoke channel (device, profile, identity, job
 * and log channels alike): each validator either returns the handler's tuple or throws an `invalid-request`
 * `BenchError`, and the dispatcher answers everything, unknown channels included, with a typed `Result` whose
 * words are safe text. Work is bounded by the argument: validators only look, so no run may take long.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invokeChannelNames, type InvokeChannelName, type InvokeChannels } from '../../preload/contract';
import { BenchError } from '../../main/errors/bench-error';
import { createInvokeDispatcher } from '../../main/dispatch/dispatch-invoke';
import { argValidators } from '../../main/dispatch/validate-args';
import { FUZZ_TIMEOUT_MS, fuzzParameters, isSafeText } from './fuzz-settings';

const channels = Object.keys(invokeChannelNames) as InvokeChannelName[];

/** Arguments shaped like real ones (objects with the right keys, ECIDs, paths) as well as anything at all. */
const plausible = fc.oneof(
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withDate: true,
    withTypedArray: true,
    withNullPrototype: true,
  }),
  fc.record(
    {
      ecid: fc.oneof(fc.constant('0x8294E3A41001C'), fc.string({ maxLength: 20 })),
      path: fc.oneof(fc.constant('/usr/local/bin/cfgutil'), fc.string({ maxLength: 40 })),
      reason: fc.string({ maxLength: 600 }),
      armed: fc.oneof(fc.boolean(), fc.anything()),
      action: fc.string({ maxLength: 12 }),
      workflowId: fc.string({ maxLength: 70 }),
      fileName: fc.string({ unit: 'binary', maxLength: 40 }),
      base64: fc.base64String({ maxLength: 64 }),
      password: fc.string({ maxLength: 20 }),
      type: fc.constantFrom('attach', 'detach', 'trust', 'cart', 'x'),
      count: fc.oneof(fc.integer(), fc.double()),
    },
    { requiredKeys: [] },
  ),
);
const argLists = fc.array(plausible, { maxLength: 3 });

/** Handlers that answer ok: the dispatcher is what is under test, not the bench. */
const handlers = new Proxy({} as InvokeChannels, {
  get: () => () => Promise.resolve({ ok: true, value: null }),
});

describe('IPC argument validation fuzz', () => {
  it('every validator returns a tuple or throws invalid-request', { timeout: FUZZ_TIMEOUT_MS }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...channels), argLists, (channel, args) => {
        try {
          const validated = argValidators[channel](args);
          expect(Array.isArray(validated)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(BenchError);
          expect((error as BenchError).code).toBe('invalid-request');
          expect(isSafeText((error as BenchError).message)).toBe(true);
        }
      }),
      fuzzParameters(1000),
    );
  });

  it(
    'the dispatcher answers any channel name and arguments with a Result of safe text',
    { timeout: FUZZ_TIMEOUT_MS },
    async () => {
      const dispatch = createInvokeDispatcher(handlers);
      const channel = fc.oneof(
        fc.constantFrom(...channels),
        fc.constantFrom('get\u202ESnapshot', 'x\u2066y\u2069', 'n'.repeat(5000), '__proto__', 'constructor'),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.anything({ maxDepth: 1 }),
      );
      await fc.assert(
        fc.asyncProperty(channel, fc.oneof(argLists, fc.anything({ maxDepth: 1 })), async (name, args) => {
          const result = await dispatch(name, args as readonly unknown[]);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(isSafeText(result.error.title)).toBe(true);
            expect(isSafeText(result.error.detail)).toBe(true);
            expect(result.error.detail.length).toBeLessThan(400);
          }
        }),
        fuzzParameters(500),
      );
    },
  );
});
