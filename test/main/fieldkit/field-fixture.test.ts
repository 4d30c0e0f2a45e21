/**
 * A recorded field check replays to the same outcomes (issue 20 item 8: "a recorded bundle replays to the same
 * outcomes"). The fixture in test/fixtures/field/simulated-field-check is a `field-check --simulate --record`
 * run; `UPDATE_FIELD_FIXTURE=1` records it again. A bundle from a real Mac goes next to it the same way, with
 * the report that came with it as `expected-report.json`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { runFieldCheck, type FieldReport } from '../../../main/fieldkit/field-check';
import { lineIo } from '../../../main/fieldkit/field-io';
import { prepareFieldSetup } from '../../../main/fieldkit/field-setup';
import { startCliRecording } from '../../../main/record/cli-recording';
import { startReplay } from '../../../main/sim/replay/replay-world';

const FIELD = path.resolve(__dirname, '../../fixtures/field');

/** Answers every erase question with the serial's last four characters, as the admin would type them. */
function typist() {
  const input = new Readable({ read() {} });
  const io = lineIo(input, (text) => {
    const asked = /\(…(\w{4})\)/.exec(text);
    if (asked) input.push(`${asked[1]}\n`);
    else if (text.includes('Press Enter')) input.push('\n');
  });
  return io;
}

async function checkThrough(
  cfgutilPath: string,
  setup: Awaited<ReturnType<typeof prepareFieldSetup>>,
  pollMs: number,
) {
  const io = typist();
  try {
    return await runFieldCheck(
      {
        client: createCfgutilClient({ cfgutilPath }),
        identity: setup.identity,
        organizationName: setup.organizationName,
        profile: setup.profile,
        pollMs,
        waitMs: 20_000,
      },
      io,
    );
  } finally {
    io.close();
  }
}

const statuses = (report: Pick<FieldReport, 'rows'>) => report.rows.map((r) => [r.id, r.status]);

if (process.env.UPDATE_FIELD_FIXTURE === '1') {
  it('records the simulated field check fixture again', async () => {
    const bundle = path.join(FIELD, 'simulated-field-check');
    await rm(bundle, { recursive: true, force: true });
    const dataDir = path.join(FIELD, '.tmp-data');
    const setup = await prepareFieldSetup({ dataDir, simulate: { timeScale: 0.01 }, note: () => {} });
    const recording = await startCliRecording({
      dir: bundle,
      raw: false,
      recordedBy: 'field-check',
      appVersion: '0.1.0-test',
      dataDir,
      warn: () => {},
    });
    try {
      const report = await checkThrough(setup.world?.cfgutilPath ?? '', setup, 50);
      await writeFile(
        path.join(bundle, 'expected-report.json'),
        `${JSON.stringify({ rows: report.rows }, null, 2)}\n`,
      );
    } finally {
      await recording.stop();
      await setup.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
}

describe('field bundles replay to the outcomes they recorded', async () => {
  const bundles = existsSync(FIELD)
    ? (await readdir(FIELD, { withFileTypes: true })).filter(
        (e) => e.isDirectory() && !e.name.startsWith('.'),
      )
    : [];

  it('there is at least the simulated fixture', () => {
    expect(bundles.map((b) => b.name)).toContain('simulated-field-check');
  });

  for (const entry of bundles) {
    it(`${entry.name}: the real driver gets the recorded outcomes, using every recorded device exchange`, async () => {
      const dir = path.join(FIELD, entry.name);
      const expected = JSON.parse(
        await readFile(path.join(dir, 'expected-report.json'), 'utf8'),
      ) as FieldReport;
      const setup = await prepareFieldSetup({
        dataDir: path.join(dir, '.no-data-folder'),
        simulate: { timeScale: 1, world: { devices: 0 } },
        note: () => {},
      });
      await setup.world?.close();
      const replay = await startReplay({ bundleDir: dir });
      try {
        const report = await checkThrough(replay.cfgutilPath, setup, 5);
        expect(replay.unanswered()).toEqual([]);
        expect(statuses(report)).toEqual(statuses(expected));
        expect(replay.leftOver()).toBe(0);
      } finally {
        await replay.close();
        await setup.close();
      }
    }, 60_000);
  }
});
