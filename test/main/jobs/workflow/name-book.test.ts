/**
 * The name book's promise: no name is ever given to two devices, whatever order devices arrive in, however
 * often the bench restarts, and whatever names the bench log already holds. Counters of devices arriving
 * together follow their ports, and they go on across runs (from the data folder).
 */
import { mkdtemp, readFile, writeFile, mkdir, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byPort, loadNameBook, NameBook, type NameLine } from '../../../../main/jobs/workflow/name-book';
import { expandNameTemplate, templateHasCounter } from '../../../../main/jobs/workflow/name-template';

const TEMPLATES = ['CART3-{n:3}', '{class}-{n}', 'Lab-{serial}'];

interface Arrival {
  readonly device: number;
  readonly port: number;
}

function nameOf(book: NameBook, template: string, device: number): string | undefined {
  const serial = `SER${device}`;
  return book.nameFor(
    template,
    { ecid: `0x${device}`, serial },
    (counter) => expandNameTemplate(template, { serialNumber: serial, deviceClass: 'iPad', counter }),
    templateHasCounter(template),
  );
}

describe('NameBook', () => {
  it('never gives one name to two devices, across random arrival orders, restarts and logged names', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TEMPLATES),
        // Runs of the bench; each run is batches of devices arriving together on random ports.
        fc.array(
          fc.array(
            fc.array(fc.record({ device: fc.nat(40), port: fc.integer({ min: 1, max: 64 }) }), {
              maxLength: 8,
            }),
            { maxLength: 5 },
          ),
          { minLength: 1, maxLength: 4 },
        ),
        // Names the bench log already holds for serials of devices this test never plugs in.
        fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 6 }),
        (template, runs, logged) => {
          const disk: NameLine[] = [];
          const loggedNames = logged.map((n) => ({
            name: expandNameTemplate(template, { serialNumber: 'OLD', deviceClass: 'iPad', counter: n }),
            serial: `OLD${n}`,
          }));
          const owners = new Map<string, string>(loggedNames.map((l) => [l.name, l.serial]));
          for (const run of runs) {
            // A restart: a new book from what is on disk.
            const book = new NameBook([...disk], (line) => disk.push(line), loggedNames);
            for (const batch of run) {
              const ordered = [...batch].sort((a, b) => byPort(`Port ${a.port}`, `Port ${b.port}`));
              if (templateHasCounter(template))
                book.admit(
                  template,
                  ordered.map((a) => `0x${a.device}`),
                );
              for (const { device } of batch as readonly Arrival[]) {
                const name = nameOf(book, template, device);
                if (name === undefined) continue; // refused: the rename fails, nothing is given
                const owner = owners.get(name);
                expect(owner === undefined || owner === `SER${device}`).toBe(true);
                owners.set(name, `SER${device}`);
              }
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never gives one name to two serials when jobs fail before or after the rename and the bench crashes mid-write', () => {
    class Crash extends Error {}
    const template = 'CART3-{n:3}';
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            // Batches of devices arriving together; each job fails before its rename, after it, or succeeds.
            batches: fc.array(
              fc.array(
                fc.record({
                  device: fc.nat(30),
                  port: fc.integer({ min: 1, max: 64 }),
                  end: fc.constantFrom('fails-before-rename', 'fails-after-rename', 'succeeds'),
                }),
                { maxLength: 8 },
              ),
              { maxLength: 4 },
            ),
            // The bench dies while writing its n-th line of this run (the line never reaches the disk).
            crashAtLine: fc.option(fc.nat(20), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        (runs) => {
          const disk: NameLine[] = [];
          // The bench log: names of jobs that ended after their rename (the journal's job-ended records).
          const logged: { name: string; serial: string }[] = [];
          const given = new Map<string, string>();
          for (const { batches, crashAtLine } of runs) {
            let written = 0;
            const book = new NameBook(
              [...disk],
              (line) => {
                if (written++ === crashAtLine) throw new Crash();
                disk.push(line);
              },
              [...logged],
            );
            try {
              for (const batch of batches) {
                const ordered = [...batch].sort((a, b) => byPort(`Port ${a.port}`, `Port ${b.port}`));
                book.admit(
                  template,
                  ordered.map((a) => `0x${a.device}`),
                );
                for (const { device, end } of batch) {
                  if (end === 'fails-before-rename') continue;
                  const name = nameOf(book, template, device);
                  expect(name).toMatch(/^CART3-\d{3,}$/);
                  if (name === undefined) continue;
                  const owner = given.get(name);
                  expect(owner === undefined || owner === `SER${device}`).toBe(true);
                  given.set(name, `SER${device}`);
                  if (end === 'succeeds') logged.push({ name, serial: `SER${device}` });
                }
              }
            } catch (error) {
              if (!(error instanceof Crash)) throw error;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers devices that arrive together in port order, and a device keeps its number', () => {
    const book = new NameBook();
    const ports = { '0xa': 'Port 2 › 1', '0xb': 'Port 1 › 2', '0xc': 'Port 1 › 1', '0xd': 'Port 1 › 10' };
    const order = Object.keys(ports).sort((a, b) =>
      byPort(ports[a as keyof typeof ports], ports[b as keyof typeof ports]),
    );
    expect(order).toEqual(['0xc', '0xb', '0xd', '0xa']);
    book.admit('C-{n:3}', order);
    expect(order.map((ecid) => book.counterOf('C-{n:3}', ecid))).toEqual([1, 2, 3, 4]);
    book.admit('C-{n:3}', ['0xa']);
    expect(book.counterOf('C-{n:3}', '0xa')).toBe(4);
  });

  it('moves on to the next number when the log holds the name for another serial; no counter, no name', () => {
    const book = new NameBook([], () => {}, [{ name: 'C-001', serial: 'OTHER' }]);
    const expand = (counter: number) => expandNameTemplate('C-{n:3}', { counter });
    expect(book.nameFor('C-{n:3}', { ecid: '0x1', serial: 'S1' }, expand, true)).toBe('C-002');
    const fixed = new NameBook([], () => {}, [{ name: 'Lab-S1', serial: 'S1-OLD' }]);
    expect(
      fixed.nameFor('Lab-{serial}', { ecid: '0x1', serial: 'S1' }, () => 'Lab-S1', false),
    ).toBeUndefined();
  });
});

describe('loadNameBook', () => {
  it('continues the counters of the last run from the data folder, skipping a torn last line', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'name-book-'));
    const first = (await loadNameBook(dataDir)).book;
    first.admit('CART3-{n:3}', ['0x1', '0x2', '0x3']);
    const file = path.join(dataDir, 'names', 'names-000001.jsonl');
    expect((await readFile(file, 'utf8')).trim().split('\n')).toHaveLength(3);
    await appendFile(file, '{"v":1,"templ'); // a crash mid-write
    const second = await loadNameBook(dataDir);
    expect(second.warnings.join(' ')).toMatch(/cut off/);
    second.book.admit('CART3-{n:3}', ['0x9']);
    expect(second.book.counterOf('CART3-{n:3}', '0x9')).toBe(4);
    expect(second.book.counterOf('CART3-{n:3}', '0x2')).toBe(2);
  });

  it('holds the names of finished jobs in the bench log', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'name-book-'));
    await mkdir(path.join(dataDir, 'journal'));
    await writeFile(
      path.join(dataDir, 'journal', 'jobs-000001.jsonl'),
      `${JSON.stringify({ v: 1, kind: 'job-ended', at: 1, jobId: 'j', ecid: '0x7', record: { finalName: 'C-001', serialNumber: 'OLD' } })}\n`,
    );
    const { book } = await loadNameBook(dataDir);
    expect(book.nameFor('C-{n:3}', { ecid: '0x1', serial: 'NEW' }, (n) => `C-00${n}`, true)).toBe('C-002');
  });
});
