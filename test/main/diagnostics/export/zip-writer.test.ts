import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../../main/diagnostics/export/zip-writer';
import { readZip } from './read-zip';

describe('buildZip', () => {
  it('round-trips any set of entries: names, bytes and order (property)', () => {
    const name = fc
      .array(fc.stringMatching(/^[A-Za-z0-9 éü_.-]{1,12}$/), { minLength: 1, maxLength: 3 })
      .map((parts) => parts.join('/'))
      .filter((n) => !n.split('/').includes('..') && !n.split('/').includes('.'));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name, data: fc.uint8Array({ maxLength: 2000 }) }), {
          selector: (e) => e.name,
          maxLength: 6,
        }),
        (entries) => {
          const read = readZip(buildZip(entries));
          expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
          read.forEach((e, i) => expect(new Uint8Array(e.data)).toEqual(entries[i]?.data));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses names that could escape the folder it is unpacked into', () => {
    for (const bad of ['../x', '/etc/passwd', 'a/../../b', 'a\\b', ''])
      expect(() => buildZip([{ name: bad, data: new Uint8Array() }])).toThrow(RangeError);
  });

  it('is a zip the system unzip accepts', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zip-'));
    try {
      const file = path.join(dir, 'a.zip');
      await writeFile(file, buildZip([{ name: 'dir/hello.txt', data: Buffer.from('hello '.repeat(100)) }]));
      // unzip ships with every Mac and this machine; the test names the tool it relies on.
      const listing = execFileSync('unzip', ['-t', file], { encoding: 'utf8' });
      expect(listing).toMatch(/testing: dir\/hello\.txt\s+OK/);
      expect(listing).toMatch(/No errors detected/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
