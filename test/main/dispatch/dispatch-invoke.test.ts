import { describe, expect, it } from 'vitest';
import type { InvokeChannels } from '../../../preload/contract';
import { createInvokeDispatcher } from '../../../main/dispatch/dispatch-invoke';
import { invokeChannelNames } from '../../../preload/contract';
import { argValidators } from '../../../main/dispatch/validate-args';
import { noProfileChannels } from '../profiles/fake-profile-channels';
import { emptyJobsSnapshot, noJobOrLogChannels, noPreflightChannels } from '../../fakes/no-job-channels';

function handlers(overrides: Partial<InvokeChannels> = {}): InvokeChannels & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  return {
    calls,
    getSnapshot: async () => ({
      ok: true,
      value: {
        seq: 0,
        devices: [],
        engine: { kind: 'simulator', reason: 'requested' },
        watcher: { state: 'ok' },
        jobs: emptyJobsSnapshot,
        profile: null,
        identity: null,
        workflows: { workflows: [], problems: [] },
      },
    }),
    useSimulator: async () => ({ ok: true, value: { kind: 'simulator', reason: 'operator-chose' } }),
    recheckEngine: async () => ({ ok: true, value: { kind: 'simulator', reason: 'requested' } }),
    chooseCfgutil: async (request) => {
      calls.push([request]);
      return { ok: true, value: { kind: 'cfgutil', path: request.path } };
    },
    simulate: async (action) => {
      calls.push([action]);
      return { ok: true, value: [] };
    },
    ...noProfileChannels,
    ...noJobOrLogChannels,
    ...noPreflightChannels,
    ...overrides,
  };
}

describe('createInvokeDispatcher', () => {
  it('has a validator for every channel in the contract', () => {
    expect(Object.keys(argValidators).sort()).toEqual(Object.keys(invokeChannelNames).sort());
  });

  it('refuses unknown channels, including prototype names', async () => {
    const dispatch = createInvokeDispatcher(handlers());
    for (const channel of ['nope', 'toString', '__proto__', 42, null]) {
      const result = await dispatch(channel, []);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it('validates and normalises arguments before the handler sees them', async () => {
    const h = handlers();
    const dispatch = createInvokeDispatcher(h);
    await dispatch('simulate', [{ type: 'detach', ecid: '0x0008294e3a41001c', extra: 'dropped' }]);
    expect(h.calls).toEqual([[{ type: 'detach', ecid: '0x8294E3A41001C' }]]);
  });

  it.each([
    ['no action', []],
    ['two actions', [{ type: 'detach-all' }, { type: 'detach-all' }]],
    ['unknown type', [{ type: 'explode' }]],
    ['bad ECID', [{ type: 'detach', ecid: 'rm -rf /' }]],
    ['huge cart', [{ type: 'cart', count: 5000, overSeconds: 1 }]],
    ['fractional cart', [{ type: 'cart', count: 2.5, overSeconds: 1 }]],
    ['bad class', [{ type: 'attach', deviceClass: 'Watch' }]],
    ['array action', [[1]]],
  ])('refuses %s with a message naming the problem', async (_name, args) => {
    const h = handlers();
    const logged: unknown[] = [];
    const result = await createInvokeDispatcher(h, (_channel, error) => logged.push(error))('simulate', args);
    expect(logged).toEqual([]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.detail.length).toBeGreaterThan(10);
    expect(h.calls).toEqual([]);
  });

  it('turns an unexpected exception into a generic internal error and reports it to main', async () => {
    const seen: unknown[] = [];
    const dispatch = createInvokeDispatcher(
      handlers({
        getSnapshot: async () => {
          throw new Error('/Users/it/secret path');
        },
      }),
      (_channel, error) => seen.push(error),
    );
    const result = await dispatch('getSnapshot', []);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(seen).toHaveLength(1);
  });
});
