/**
 * Issue 21 item 4 (counts from one source) and item 7 (the header at 1024 px), on the memory bench with the
 * mixed cart of 40 and a real bench log (main/log/ over a written journal): the header, Results and the Log
 * agree on how many devices are done and failed, with a device that failed, was retried and then succeeded
 * counted once, as done, and its failed attempt shown apart. Screenshots at 1280×800 and 1024×768
 * (test-results/screenshots/counts-*.png), for a person to judge.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LogChannels } from '../../main/log/log-channels';
import type { JobView } from '../../preload/jobs-domain';
import type { LogRecord } from '../../preload/log-domain';
import { makeRecord, writeJournal } from '../main/log/journal-fixtures';
import { deviceCards, settle } from './fixtures/bench-page';
import { mixedScene, type Scene } from './fixtures/bench-scenes';
import { startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

const shots = 'test-results/screenshots';
let bench: MemoryBench | undefined;
let dataDir: string | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** The mixed cart of 40, with one device (the first done one) on its second attempt. */
function retriedScene(): { scene: Scene; retried: JobView } {
  const scene = mixedScene(40);
  const jobs = scene.jobs.jobs.jobs;
  const index = jobs.findIndex((j) => j.phase === 'succeeded');
  const first = jobs[index];
  if (!first) throw new Error('the mixed scene has no finished device');
  const retried: JobView = { ...first, jobId: `${first.jobId}-retry`, attempt: 2 };
  const next = jobs.map((j, i) => (i === index ? retried : j));
  return { scene: { ...scene, jobs: { jobs: { ...scene.jobs.jobs, jobs: next } } }, retried };
}

/** One record per finished attempt, as the jobs area writes them: the retried device has two. */
function logOf(jobs: readonly JobView[], retried: JobView): LogRecord[] {
  const records: LogRecord[] = [];
  jobs.forEach((job, i) => {
    if (job.phase !== 'succeeded' && job.phase !== 'failed') return;
    const base = makeRecord(i + 1, { ecid: job.ecid, serialNumber: job.serialNumber, outcome: job.phase });
    if (job.ecid === retried.ecid)
      records.push({
        ...base,
        jobId: `${base.jobId}-first`,
        startedAt: base.startedAt - 600_000,
        finishedAt: base.finishedAt - 600_000,
        outcome: 'failed',
        errorCode: 'network-unavailable',
      });
    records.push({ ...base, jobId: job.jobId });
  });
  return records;
}

async function open(page: Page, width: number, height: number): Promise<Scene> {
  const { scene, retried } = retriedScene();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'counts-e2e-'));
  await writeJournal(dataDir, logOf(scene.jobs.jobs.jobs, retried));
  const log = new LogChannels({ dataDir, secrets: { secrets: async () => [] } });
  bench = await startMemoryBench(
    { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    scene.jobs,
    undefined,
    { queryLog: log.queryLog, exportLog: log.exportLog },
  );
  await page.setViewportSize({ width, height });
  await page.goto(bench.url);
  await expect(deviceCards(page)).toHaveCount(scene.devices.length);
  return scene;
}

/** "12 done", "1 failed" … in a list of counts, as numbers by their words. */
async function numbers(list: Locator): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const text of await list.getByRole('listitem').allInnerTexts()) {
    const match = /^(\d+)\s+(.+)$/.exec(text.trim());
    if (match?.[1] && match[2]) out[match[2]] = Number(match[1]);
  }
  return out;
}

test('a cart of 40: the header, Results and the Log agree, and a retried device is done once', async ({
  page,
}) => {
  const scene = await open(page, 1280, 800);
  const jobs = scene.jobs.jobs.jobs;
  const done = jobs.filter((j) => j.phase === 'succeeded').length;
  const failed = jobs.filter((j) => j.phase === 'failed' || j.phase === 'interrupted').length;
  expect(failed).toBeGreaterThan(0);

  const header = await numbers(page.getByRole('list', { name: 'Cart' }));
  expect(header.done).toBe(done);
  expect(header.failed).toBe(failed);
  await expect(page.getByLabel('40 devices on the bench')).toBeVisible();
  await settle(page);
  await page.screenshot({ path: `${shots}/counts-bench-1280.png` });

  await page.getByRole('tab', { name: 'Results' }).click();
  const results = await numbers(page.getByRole('list', { name: 'Results' }));
  expect(results.done).toBe(done);
  expect(results.failed).toBe(failed);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(failed + 1);
  await page.screenshot({ path: `${shots}/counts-results-1280.png` });

  await page.getByRole('tab', { name: 'Log' }).click();
  const summary = page.getByLabel('Summary');
  const value = (label: string) => summary.locator('div', { has: page.getByText(label, { exact: true }) });
  await expect(value('Prepared devices').locator('dd')).toHaveText(String(done));
  // The failed attempt of the retried device is told apart, and the device is not counted as failed.
  await expect(value('Failed devices').locator('dd')).toHaveText(String(failed));
  await expect(value('Failed attempts').locator('dd')).toHaveText(String(failed + 1));
  await expect(value('Retried, then succeeded').locator('dd')).toHaveText('1');
  await expect(value('Attempts').locator('dd')).toHaveText(String(done + failed + 1));
  await expect(value('Devices').locator('dd')).toHaveText(String(done + failed));
  await page.screenshot({ path: `${shots}/counts-log-1280.png` });
});

test('1024×768: the Supervision chip reads in full and the header fits', async ({ page }) => {
  await open(page, 1024, 768);
  const chip = page.locator('.setup-strip-item').filter({ hasText: 'Supervision' });
  await expect(chip).toBeVisible();
  // Nothing of it is cut: its content fits its box, and its name is the whole sentence.
  const cut = await chip.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(cut).toBeLessThanOrEqual(0);
  // Every shown part of it reads whole: no "· ‥ · …" where the organisation should be.
  const clipped = await chip.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('strong, span')]
      .filter((part) => getComputedStyle(part).display !== 'none')
      .filter((part) => part.scrollWidth > part.clientWidth)
      .map((part) => part.textContent),
  );
  expect(clipped).toEqual([]);
  await expect(chip).toContainText(/Supervision\s*· Contoso IT/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await settle(page);
  await page.screenshot({ path: `${shots}/counts-bench-1024.png` });
});
