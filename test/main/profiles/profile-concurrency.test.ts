import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProfileService } from '../../../main/profiles/profile-service';
import { ProfileStore } from '../../../main/profiles/profile-store';
import { profileDict, xmlBytes } from './profile-fixtures';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const variant = (n: number): Uint8Array =>
  xmlBytes({ ...profileDict(), PayloadDisplayName: `Contoso iPad enrollment ${n}` });

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-profile-race-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('concurrent profile imports', () => {
  it('leave the stored bytes, current() and a restore all on the last file imported', async () => {
    const service = new ProfileService({ dataDir });
    const files = Array.from({ length: 6 }, (_, i) => variant(i));
    const summaries = await Promise.all(
      files.map((bytes, i) =>
        service.importBytes({ fileName: `p${i}.mobileconfig`, bytes, source: 'renderer' }),
      ),
    );
    expect(summaries.map((s) => s.sha256)).toEqual(files.map(sha256));
    const last = sha256(files.at(-1) ?? new Uint8Array());
    const stored = new Uint8Array(await readFile(service.profilePath() ?? ''));
    expect(sha256(stored)).toBe(last);
    expect(service.current()?.sha256).toBe(last);
    const restored = await new ProfileService({ dataDir }).restore();
    expect(restored?.sha256).toBe(last);
    expect(restored?.fileName).toBe('p5.mobileconfig');
    expect((await readdir(path.join(dataDir, 'profile'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('an override queued behind an import judges the newly imported file', async () => {
    const service = new ProfileService({ dataDir });
    await service.importBytes({ fileName: 'a.mobileconfig', bytes: variant(1), source: 'renderer' });
    const next = service.importBytes({ fileName: 'b.mobileconfig', bytes: variant(2), source: 'renderer' });
    const override = service.overrideAge('ticket 9');
    await next;
    // The override was queued behind the import of a fresh file, so there is nothing to override.
    await expect(override).rejects.toThrow(/Nothing to override/);
    expect((await new ProfileService({ dataDir }).restore())?.fileName).toBe('b.mobileconfig');
  });
});

describe('ProfileStore', () => {
  it('reads bytes and meta from two different saves as no profile', async () => {
    const store = new ProfileStore(dataDir);
    const a = variant(1);
    const meta = {
      fileName: 'a.mobileconfig',
      sha256: sha256(a),
      importedAt: 1,
      source: 'renderer',
    } as const;
    await store.save(a, meta);
    expect((await store.load())?.meta.fileName).toBe('a.mobileconfig');
    // A crash after the bytes of the next save were renamed into place, before its meta was.
    await writeFile(store.profilePath, variant(2));
    expect(await store.load()).toBeNull();
  });
});
