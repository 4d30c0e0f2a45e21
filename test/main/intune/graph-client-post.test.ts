/** POST through the one Graph door: a write is resent only when Graph turned it away (429, 503). */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GraphClient } from '../../../main/intune/graph-client';
import { IntuneError } from '../../../main/intune/intune-error';

function client(answers: (number | 'network')[]) {
  const calls: { method: string; body: string; type: string | null }[] = [];
  const graph = new GraphClient({
    root: 'http://127.0.0.1:9',
    getToken: async () => 't',
    sleep: async () => undefined,
    fetch: async (_url, init) => {
      const headers = new Headers(init?.headers);
      calls.push({
        method: init?.method ?? 'GET',
        body: String(init?.body),
        type: headers.get('content-type'),
      });
      const next = answers.shift() ?? 200;
      if (next === 'network') throw new TypeError('socket hang up');
      return new Response(next === 200 ? '{"ok":true}' : '{"error":{"code":"x","message":"y"}}', {
        status: next,
      });
    },
  });
  return { graph, calls };
}

const schema = z.looseObject({ ok: z.boolean() });

describe('GraphClient.postJson', () => {
  it('sends JSON with its content type', async () => {
    const { graph, calls } = client([200]);
    await graph.postJson('/beta/x', { a: 1 }, schema, 'do x', { idempotent: false });
    expect(calls).toEqual([{ method: 'POST', body: '{"a":1}', type: 'application/json' }]);
  });

  it.each([429, 503])('a write turned away with %i is sent again', async (status) => {
    const { graph, calls } = client([status, 200]);
    expect(await graph.postJson('/beta/x', {}, schema, 'do x', { idempotent: false })).toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it.each([504, 'network'] as const)(
    'a write that may have landed (%s) is not sent again',
    async (answer) => {
      const { graph, calls } = client([answer, 200]);
      await expect(
        graph.postJson('/beta/x', {}, schema, 'do x', { idempotent: false }),
      ).rejects.toBeInstanceOf(IntuneError);
      expect(calls).toHaveLength(1);
    },
  );

  it('an idempotent batch of reads is retried like a GET', async () => {
    const { graph, calls } = client([504, 'network', 200]);
    expect(await graph.postJson('/v1.0/$batch', {}, schema, 'read', { idempotent: true })).toEqual({
      ok: true,
    });
    expect(calls).toHaveLength(3);
  });
});
