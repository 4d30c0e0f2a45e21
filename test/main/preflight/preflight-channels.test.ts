import { mkdir, mkdtemp, readdir, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InvokeChannels } from '../../../preload/contract';
import { createInvokeDispatcher } from '../../../main/ipc/dispatch-invoke';
import { PreflightChannels } from '../../../main/preflight/preflight-channels';
import { IDLE_MS } from '../../../main/preflight/restore-leftovers';
import { noJobOrLogChannels, noPreflightChannels } from '../../fakes/no-job-channels';
import { noProfileChannels } from '../profiles/fake-profile-channels';
import { healthyDeps } from './preflight-fakes';

const LEFTOVER = 'D0000000-0000-4000-8000-000000000001';

async function benchWithLeftover() {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'eb-preflight-ch-'));
  await mkdir(path.join(folder, LEFTOVER));
  const past = (Date.now() - IDLE_MS - 1000) / 1000;
  await utimes(path.join(folder, LEFTOVER), past, past);
  const logged: string[] = [];
  const channels = new PreflightChannels(
    healthyDeps({ now: () => Date.now(), tempFolder: { simulated: true, locate: async () => folder } }),
    (event) => logged.push(event),
  );
  const handlers = {
    ...noProfileChannels,
    ...noJobOrLogChannels,
    ...noPreflightChannels,
    ...channels.methods(),
  } as unknown as InvokeChannels;
  return { folder, logged, dispatch: createInvokeDispatcher(handlers, () => {}) };
}

describe('PreflightChannels', () => {
  it('lists the leftovers in the report, and deletes one only when asked by name', async () => {
    const { folder, logged, dispatch } = await benchWithLeftover();
    const report = await dispatch('getPreflight', []);
    expect(report).toMatchObject({
      ok: true,
      value: { leftovers: { folder, simulated: true, items: [{ name: LEFTOVER }] } },
    });
    expect(await readdir(folder)).toEqual([LEFTOVER]);
    const cleaned = await dispatch('cleanRestoreLeftovers', [{ names: [LEFTOVER] }]);
    expect(cleaned).toMatchObject({ ok: true, value: { deleted: [LEFTOVER] } });
    expect(await readdir(folder)).toEqual([]);
    expect(logged).toEqual(['preflight.leftovers-cleaned']);
  });

  it('refuses a clean-up request without names', async () => {
    const { dispatch } = await benchWithLeftover();
    for (const args of [[], [{}], [{ names: [] }], [{ names: [42] }]]) {
      expect(await dispatch('cleanRestoreLeftovers', args)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });
});

describe('PreflightChannels single flight', () => {
  it('shares one run among every caller that asks while it is under way, and runs afresh afterwards', async () => {
    let runs = 0;
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const channels = new PreflightChannels(
      healthyDeps({
        reachability: {
          check: async () => {
            runs += 1;
            await gate;
            return 'reachable';
          },
        },
      }),
    );
    const answers = Array.from({ length: 60 }, () => channels.getPreflight());
    release();
    const reports = await Promise.all(answers);
    expect(runs).toBe(1);
    expect(new Set(reports.map((r) => (r.ok ? r.value : undefined))).size).toBe(1);
    await channels.getPreflight();
    expect(runs).toBe(2);
  });
});
