import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../preload/domain';
import { BenchError } from '../../../main/errors/bench-error';
import { DAY_MS } from '../../../main/profiles/profile-age';
import { ProfileService, type ProfileLogEntry } from '../../../main/profiles/profile-service';
import { pdfBytes, profileDict, xmlBytes } from './profile-fixtures';

const START = Date.parse('2026-03-01T09:00:00Z');
let dataDir: string;
let clock: number;
let logs: ProfileLogEntry[];
let service: ProfileService;

function newService(): ProfileService {
  return new ProfileService({ dataDir, now: () => new Date(clock), log: (e) => logs.push(e) });
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-profile-'));
  clock = START;
  logs = [];
  service = newService();
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const importGood = (): Promise<ProfileSummary> =>
  service.importBytes({
    fileName: 'Contoso.mobileconfig',
    bytes: xmlBytes(profileDict()),
    source: 'renderer',
  });

describe('ProfileService', () => {
  it('imports a good profile, stores the original bytes 0600 in a 0700 folder and reports it', async () => {
    const summary = await importGood();
    expect(summary.verdict).toBe('ready');
    expect(service.current()?.sha256).toBe(summary.sha256);
    const file = service.profilePath();
    expect(file).not.toBeNull();
    expect(new Uint8Array(await readFile(file ?? ''))).toEqual(xmlBytes(profileDict()));
    expect((await stat(file ?? '')).mode & 0o777).toBe(0o600);
    expect((await stat(path.dirname(file ?? ''))).mode & 0o777).toBe(0o700);
    expect(logs.map((l) => l.event)).toEqual(['profile.imported']);
  });

  it('keeps the current profile when a wrong file is dropped', async () => {
    const good = await importGood();
    const refused = await service.importBytes({
      fileName: 'manual.pdf',
      bytes: pdfBytes(),
      source: 'renderer',
    });
    expect(refused.verdict).toBe('unusable');
    expect(refused.headline).toMatch(/^This is a PDF document/);
    expect(service.current()?.sha256).toBe(good.sha256);
    expect(logs.at(-1)).toMatchObject({ level: 'warn', event: 'profile.refused' });
  });

  it('tells listeners about a new profile and stops after unsubscribe', async () => {
    const seen: (ProfileSummary | null)[] = [];
    const off = service.onChanged((p) => seen.push(p));
    await importGood();
    off();
    await importGood();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.organization).toBe('Contoso Ltd');
  });

  it('refuses runs without a profile, with a reason', () => {
    const gate = service.canStartRun();
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error.title).toMatch(/Import the enrollment profile/);
  });

  it('allows runs on day 11, warns on day 12 and blocks on day 15', async () => {
    await importGood();
    clock = START + 11 * DAY_MS;
    expect(service.canStartRun().ok).toBe(true);
    expect(service.current()?.verdict).toBe('ready');
    clock = START + 12 * DAY_MS;
    expect(service.canStartRun().ok).toBe(true);
    expect(service.current()?.verdict).toBe('ready-with-warnings');
    expect(service.current()?.findings[0]?.code).toBe('age-expiring');
    clock = START + 15 * DAY_MS;
    const gate = service.canStartRun();
    expect(gate.ok).toBe(false);
    if (!gate.ok) expect(gate.error.detail).toMatch(/valid for two weeks/);
    expect(service.current()?.verdict).toBe('expired');
  });

  it('uses the file modified time: a file downloaded 15 days ago is expired on import', async () => {
    const summary = await service.importBytes({
      fileName: 'old.mobileconfig',
      bytes: xmlBytes(profileDict()),
      fileModifiedAt: START - 15 * DAY_MS,
      source: 'open-with',
    });
    expect(summary.verdict).toBe('expired');
    expect(summary.age?.countedFrom).toBe('file-modified');
    expect(service.canStartRun().ok).toBe(false);
  });

  it('lets an override start runs after day 14, logs it and records it on disk', async () => {
    await importGood();
    clock = START + 15 * DAY_MS;
    const summary = await service.overrideAge('  Outage at Microsoft, ticket 4711  ');
    expect(summary.verdict).toBe('ready-with-warnings');
    expect(summary.override).toEqual({ reason: 'Outage at Microsoft, ticket 4711', at: clock });
    expect(service.canStartRun().ok).toBe(true);
    const entry = logs.find((l) => l.event === 'profile.age-override');
    expect(entry?.level).toBe('warn');
    expect(entry?.message).toContain('ticket 4711');
    const record = await readFile(path.join(dataDir, 'profile', 'overrides.jsonl'), 'utf8');
    expect(JSON.parse(record.trim())).toMatchObject({
      reason: 'Outage at Microsoft, ticket 4711',
      ageDays: 15,
    });
  });

  it('refuses an override before expiry, without a reason, or without a profile', async () => {
    await expect(service.overrideAge('why')).rejects.toBeInstanceOf(BenchError);
    await importGood();
    await expect(service.overrideAge('because')).rejects.toThrow(/Nothing to override/);
    clock = START + 15 * DAY_MS;
    await expect(service.overrideAge('   ')).rejects.toThrow(/characters/);
    await expect(service.overrideAge('x'.repeat(501))).rejects.toThrow(/characters/);
  });

  it('drops the override when a new file is imported', async () => {
    await importGood();
    clock = START + 15 * DAY_MS;
    await service.overrideAge('ticket 1');
    await service.importBytes({
      fileName: 'new.mobileconfig',
      bytes: xmlBytes({ ...profileDict(), PayloadDisplayName: 'Contoso iPad enrollment (fresh)' }),
      fileModifiedAt: START,
      source: 'renderer',
    });
    expect(service.current()?.override).toBeUndefined();
    expect(service.canStartRun().ok).toBe(false);
  });

  it('restores the profile, its import time and its override in a new session', async () => {
    await importGood();
    clock = START + 15 * DAY_MS;
    await service.overrideAge('ticket 2');
    const restored = await newService().restore();
    expect(restored?.importedAt).toBe(START);
    expect(restored?.override?.reason).toBe('ticket 2');
    expect(restored?.verdict).toBe('ready-with-warnings');
  });

  it('imports from a path with the file modified time', async () => {
    const { writeFile, utimes } = await import('node:fs/promises');
    const file = path.join(dataDir, 'Dropped.mobileconfig');
    await writeFile(file, xmlBytes(profileDict()));
    const mtime = new Date(START - 3 * DAY_MS);
    await utimes(file, mtime, mtime);
    const summary = await service.importPath(file);
    expect(summary.fileName).toBe('Dropped.mobileconfig');
    expect(summary.fileModifiedAt).toBe(mtime.getTime());
    expect(summary.age?.ageDays).toBe(3);
  });
});
