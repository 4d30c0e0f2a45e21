/**
 * field-check against the simulator: the walk fills every row, the erase is asked for and never happens
 * without the device's own serial, and a Mac that behaves differently from the bench's assumption is reported
 * as "different", not confirmed.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createCfgutilClient } from '../../../main/cfgutil/cfgutil-client';
import { runFieldCheck, type FieldCheckOptions } from '../../../main/fieldkit/field-check';
import { lineIo } from '../../../main/fieldkit/field-io';
import { FIELD_ROWS } from '../../../main/fieldkit/field-rows';
import { prepareFieldSetup, type FieldSetup } from '../../../main/fieldkit/field-setup';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulated(quirks?: { mdmSilentOnSupervised: boolean }): Promise<FieldSetup> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'field-'));
  const setup = await prepareFieldSetup({
    dataDir,
    simulate: { timeScale: 0.01, ...(quirks ? { world: { quirks } } : {}) },
    note: () => {},
  });
  cleanups.push(async () => {
    await setup.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return setup;
}

/** Answers from a script: each question gets the next line; a function sees the question first. */
function scripted(answers: (string | ((question: string) => string))[]) {
  const input = new Readable({ read() {} });
  const asked: string[] = [];
  const io = lineIo(input, (text) => {
    if (!/Press Enter|Type the last four/.test(text)) return;
    asked.push(text);
    const next = answers.shift();
    if (next === undefined) input.push(null);
    else input.push(`${typeof next === 'function' ? next(text) : next}\n`);
  });
  cleanups.push(async () => io.close());
  return { io, asked };
}

const lastFour = (question: string) => /\(…(\w{4})\)/.exec(question)?.[1] ?? '';

function options(setup: FieldSetup, extra: Partial<FieldCheckOptions> = {}): FieldCheckOptions {
  return {
    client: createCfgutilClient({ cfgutilPath: setup.world?.cfgutilPath ?? '' }),
    identity: setup.identity,
    organizationName: setup.organizationName,
    profile: setup.profile,
    pollMs: 20,
    waitMs: 20_000,
    ...extra,
  };
}

const byId = (rows: readonly { id: string; status: string; seen: string }[]) =>
  Object.fromEntries(rows.map((r) => [r.id, r.status]));

describe('field-check', () => {
  it('walks every row and confirms them on a simulator that behaves as the bench assumes', async () => {
    const setup = await simulated();
    const { io, asked } = scripted(['', lastFour, lastFour, lastFour, lastFour]);
    const report = await runFieldCheck(options(setup), io);
    expect(report.rows.map((r) => r.id)).toEqual(FIELD_ROWS.map((r) => r.id));
    expect(report.rows.filter((r) => r.status !== 'confirmed')).toEqual([]);
    // Two erases and two prepares, each asked for with the serial's last four characters.
    expect(asked.filter((q) => q.includes('Type the last four'))).toHaveLength(4);
    expect(setup.world?.world.list()).toHaveLength(0); // shut down: off USB
  }, 60_000);

  it('a prepare that ends in −402653030 is judged by the re-read with our identity (issue 20 item 1)', async () => {
    const setup = await simulated();
    // The forbidding prepare supervises the device, yet cfgutil reports pairing prohibited.
    setup.world?.world.injectFault(
      { kind: 'bare-error', error: 'pairingProhibited', happened: true },
      { command: 'prepare' },
    );
    const { io } = scripted(['', lastFour, lastFour, lastFour, lastFour]);
    const supervised = await runFieldCheck(options(setup), io);
    expect(byId(supervised.rows)['prepare-forbid-pairing']).toBe('confirmed');
    expect(supervised.rows.filter((r) => r.status !== 'confirmed')).toEqual([]);

    // The same answer when the prepare did nothing: the re-read says so, and the row says what was seen.
    const other = await simulated();
    other.world?.world.injectFault(
      { kind: 'bare-error', error: 'pairingProhibited', happened: false },
      { command: 'prepare' },
    );
    const notDone = await runFieldCheck(
      options(other),
      scripted(['', lastFour, lastFour, lastFour, lastFour]).io,
    );
    const row = notDone.rows.find((r) => r.id === 'prepare-forbid-pairing');
    expect(row).toMatchObject({ status: 'different' });
    expect(row?.seen).toMatch(/isSupervised false/);
  }, 90_000);

  it('erases nothing when the admin does not type the serial: destructive rows are "not tried"', async () => {
    const setup = await simulated();
    const ecid = setup.world?.world.list()[0]?.ecid ?? '';
    const before = setup.world?.world.device(ecid);
    const { io } = scripted(['', 'yes', 'YES', '', '']);
    const report = await runFieldCheck(options(setup, { yes: false }), io);
    const status = byId(report.rows);
    expect(status).toMatchObject({
      erase: 'not-tried',
      'prepare-forbid-pairing': 'not-tried',
      'install-profile': 'not-tried',
    });
    expect(status.pair).toBe('confirmed');
    const after = setup.world?.world.device(ecid);
    expect(after?.activationState).toBe(before?.activationState);
    expect(after?.activationState).not.toBe('Unactivated');
  }, 60_000);

  it('--yes does not answer the erase, and closed input answers no', async () => {
    const setup = await simulated();
    const { io } = scripted([]);
    const report = await runFieldCheck(options(setup, { yes: true }), io);
    expect(byId(report.rows)).toMatchObject({
      pair: 'confirmed',
      erase: 'not-tried',
      'erase-again': 'not-tried',
    });
  }, 60_000);

  it('--erase-serial naming another device touches nothing', async () => {
    const setup = await simulated();
    const { io } = scripted([]);
    const report = await runFieldCheck(options(setup, { yes: true, eraseSerial: 'NOTTHISONE12' }), io);
    expect(byId(report.rows).erase).toBe('not-tried');
  }, 60_000);

  it('--erase-serial naming this device is the consent: erased and prepared without a question', async () => {
    const setup = await simulated();
    const serial = setup.world?.world.list()[0]?.serialNumber ?? '';
    const { io, asked } = scripted([]);
    const report = await runFieldCheck(options(setup, { yes: true, eraseSerial: serial.toLowerCase() }), io);
    expect(asked).toEqual([]);
    expect(byId(report.rows)).toMatchObject({ erase: 'confirmed', 'prepare-allow-pairing': 'confirmed' });
  }, 60_000);

  it('reports "different" with what was seen when the Mac does not behave as assumed (MDM install not silent)', async () => {
    const setup = await simulated({ mdmSilentOnSupervised: false });
    const { io } = scripted(['', lastFour, lastFour, lastFour, lastFour]);
    const report = await runFieldCheck(options(setup), io);
    const install = report.rows.find((r) => r.id === 'install-profile');
    expect(install).toMatchObject({ status: 'different' });
    expect(install?.seen).toMatch(/625/);
    expect(byId(report.rows).verify).toBe('different');
  }, 60_000);

  it('picks the one iPhone or iPad when cfgutil also lists a Mac in DFU', async () => {
    const paired: string[] = [];
    const refuse = async () => {
      throw new Error('not part of this test');
    };
    const client = {
      version: async () => ({ version: '2.20', raw: '2.20' }),
      list: async () => [
        { ecid: '0x4F709DB29F9', udid: 'N/A', name: 'N/A', deviceType: 'iBridge2,15' },
        { ecid: '0x1A2B3C4D5E6F7', udid: '00008110-0001A2B3C4D5E6F7', name: 'iPad', deviceType: 'iPad14,1' },
      ],
      pair: async (ecid: string) => void paired.push(ecid),
      get: refuse,
      unpair: refuse,
      erase: refuse,
      prepare: refuse,
      installProfile: refuse,
      removeProfile: refuse,
      rename: refuse,
      restart: refuse,
      shutDown: refuse,
    } as unknown as FieldCheckOptions['client'];
    const { io } = scripted([]);
    const report = await runFieldCheck(
      {
        client,
        identity: { certPath: '/c.der', keyPath: '/k.der' },
        organizationName: 'Org',
        profile: { path: '/p.mobileconfig', payloadIdentifier: 'p' },
        yes: true,
        pollMs: 1,
        waitMs: 10,
      },
      io,
    );
    expect(byId(report.rows).list).toBe('confirmed');
    expect(paired).toEqual(['0x1A2B3C4D5E6F7']);
  });
});
