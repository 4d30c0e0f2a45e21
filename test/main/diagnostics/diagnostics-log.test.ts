import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDiagnosticsLog, type DiagnosticsLog } from '../../../main/diagnostics/diagnostics-log';

let open: DiagnosticsLog | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function start(options: { maxFileBytes?: number; keepFiles?: number } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'eb-diag-'));
  let clock = Date.parse('2026-12-01T10:00:00.000Z');
  open = openDiagnosticsLog({ dataDir, now: () => clock, repeatWindowMs: 1000, ...options });
  const lines = async (): Promise<string[]> => {
    await open?.flush();
    const text = await readFile(path.join(dataDir, 'logs', 'diagnostics.jsonl'), 'utf8');
    return text.split('\n').filter((line) => line !== '');
  };
  return { dataDir, log: open, lines, tick: (ms: number) => (clock += ms) };
}

describe('openDiagnosticsLog', () => {
  it('writes one JSON line per record in <data>/logs/diagnostics.jsonl', async () => {
    const t = await start();
    t.log.log('server.refused', { status: 401, path: '/ws' });
    t.log.log('engine.started');
    expect(t.log.path).toBe(path.join(t.dataDir, 'logs', 'diagnostics.jsonl'));
    expect((await t.lines()).map((line) => JSON.parse(line) as unknown)).toEqual([
      { time: '2026-12-01T10:00:00.000Z', event: 'server.refused', detail: { status: 401, path: '/ws' } },
      { time: '2026-12-01T10:00:00.000Z', event: 'engine.started' },
    ]);
  });

  it('cannot be made to start a record by a newline and a fake timestamp in a value or an event name', async () => {
    const t = await start();
    const forged =
      '/tmp/cfgutil\n[2026-01-01T00:00:00.000Z] cfgutil.chosen: /usr/local/bin/cfgutil\n' +
      '{"time":"2026-01-01T00:00:00.000Z","event":"cfgutil.chosen","detail":{"path":"/evil"}}';
    t.log.log('cfgutil.choose-refused', { path: forged });
    t.log.log(`x\n{"time":"2026-01-01T00:00:00.000Z","event":"forged"}`);
    t.log.log('device.named', { name: '\u001b[2K\rVerdict: READY' });
    const lines = await t.lines();
    expect(lines).toHaveLength(3);
    const records = lines.map((line) => JSON.parse(line) as { time: string; event: string });
    expect(new Set(records.map((r) => r.time))).toEqual(new Set(['2026-12-01T10:00:00.000Z']));
    expect(records.map((r) => r.event)).toEqual([
      'cfgutil.choose-refused',
      expect.stringMatching(/^x \{"time"/),
      'device.named',
    ]);
    expect(lines.join('\n')).not.toContain('\r');
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('counts identical records within the window instead of writing each', async () => {
    const t = await start();
    for (let i = 0; i < 500; i++) t.log.log('server.refused', { status: 401, path: '/ws' });
    t.log.log('server.refused', { status: 403, path: '/ws' });
    t.tick(5000);
    await t.log.flush();
    const records = (await t.lines()).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toEqual([
      { time: '2026-12-01T10:00:00.000Z', event: 'server.refused', detail: { status: 401, path: '/ws' } },
      { time: '2026-12-01T10:00:00.000Z', event: 'server.refused', detail: { status: 403, path: '/ws' } },
      {
        time: '2026-12-01T10:00:05.000Z',
        event: 'server.refused',
        detail: { status: 401, path: '/ws' },
        repeated: 499,
        since: '2026-12-01T10:00:00.000Z',
      },
    ]);
  });

  it('rotates by size and keeps a bounded number of old files', async () => {
    const t = await start({ maxFileBytes: 2000, keepFiles: 2 });
    for (let i = 0; i < 200; i++) t.log.log('device.seen', { n: i, pad: 'x'.repeat(100) });
    await t.log.flush();
    const dir = path.join(t.dataDir, 'logs');
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['diagnostics.1.jsonl', 'diagnostics.2.jsonl', 'diagnostics.jsonl']);
    let total = 0;
    for (const name of names) {
      const text = await readFile(path.join(dir, name), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2000);
      total += text.split('\n').filter(Boolean).length;
      for (const line of text.split('\n').filter(Boolean))
        expect(() => JSON.parse(line) as unknown).not.toThrow();
    }
    expect(total).toBeLessThan(200);
    const newest = (await t.lines()).at(-1) ?? '';
    expect(JSON.parse(newest)).toMatchObject({ detail: { n: 199 } });
  });

  it('never throws into the caller, even when the folder cannot be written', async () => {
    // A data "folder" that is a regular file: every mkdir and open below it fails.
    const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'eb-diag-')), 'not-a-folder');
    await writeFile(file, '');
    const log = openDiagnosticsLog({ dataDir: file });
    expect(() => log.log('anything', { a: 1 })).not.toThrow();
    await expect(log.close()).resolves.toBeUndefined();
  });
});
