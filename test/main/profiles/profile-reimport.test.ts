import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../../main/profiles/profile-age';
import {
  ProfileService,
  type ImportRequest,
  type ProfileLogEntry,
} from '../../../main/profiles/profile-service';
import { profileDict, xmlBytes } from './profile-fixtures';

const START = Date.parse('2026-03-01T09:00:00Z');
const SAME = xmlBytes(profileDict());
const OTHER = xmlBytes({ ...profileDict(), PayloadDisplayName: 'Contoso iPad enrollment (fresh download)' });
let dataDir: string;
let clock: number;
let logs: ProfileLogEntry[];
let service: ProfileService;

/** An unsigned file as a browser hands it over: its "modified" time is the moment it was dropped. */
const drop = (bytes: Uint8Array): ImportRequest => ({
  fileName: 'Contoso.mobileconfig',
  bytes,
  fileModifiedAt: clock,
  source: 'renderer',
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'enroll-bench-reimport-'));
  clock = START;
  logs = [];
  service = new ProfileService({ dataDir, now: () => new Date(clock), log: (e) => logs.push(e) });
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('re-importing the current profile', () => {
  it('keeps counting the two weeks from the first import', async () => {
    await service.importBytes(drop(SAME));
    clock = START + 13 * DAY_MS;
    const again = await service.importBytes(drop(SAME));
    expect(again.importedAt).toBe(START);
    expect(again.age?.ageDays).toBe(13);
    expect(logs.at(-1)?.message).toMatch(/^Re-imported the current file/);
    clock = START + 15 * DAY_MS;
    expect(service.current()?.verdict).toBe('expired');
    expect(service.canStartRun().ok).toBe(false);
  });

  it('cannot lift the refusal of an expired file, and the first import time survives a restart', async () => {
    await service.importBytes(drop(SAME));
    clock = START + 20 * DAY_MS;
    const again = await service.importBytes(drop(SAME));
    expect(again.verdict).toBe('expired');
    expect(service.canStartRun().ok).toBe(false);
    const restored = await new ProfileService({ dataDir, now: () => new Date(clock) }).restore();
    expect(restored?.importedAt).toBe(START);
    expect(restored?.verdict).toBe('expired');
  });

  it('keeps the earliest modified time the file was seen with', async () => {
    await service.importBytes({ ...drop(SAME), fileModifiedAt: START - 5 * DAY_MS });
    clock = START + 1 * DAY_MS;
    const again = await service.importBytes(drop(SAME));
    expect(again.fileModifiedAt).toBe(START - 5 * DAY_MS);
    expect(again.age).toMatchObject({ countedFrom: 'file-modified', ageDays: 6 });
  });

  it('keeps an override already given for the same file', async () => {
    await service.importBytes(drop(SAME));
    clock = START + 15 * DAY_MS;
    await service.overrideAge('ticket 7');
    const again = await service.importBytes(drop(SAME));
    expect(again.override?.reason).toBe('ticket 7');
    expect(service.canStartRun().ok).toBe(true);
  });

  it('starts a fresh two weeks for a different file', async () => {
    await service.importBytes(drop(SAME));
    clock = START + 20 * DAY_MS;
    const fresh = await service.importBytes(drop(OTHER));
    expect(fresh.importedAt).toBe(clock);
    expect(fresh.verdict).toBe('ready');
    expect(service.canStartRun().ok).toBe(true);
  });
});
