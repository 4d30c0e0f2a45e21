/**
 * Figure 4, UI at scale: 64 devices all running, each reporting progress at full rate, into the real renderer
 * (dist/renderer, built when older than its sources) in Debian's Chromium, served by the real headless server
 * from the in-process memory bench (test/e2e/fixtures/memory-bench.ts).
 *
 * Reports the job events the page receives per second, long tasks over 50 ms while they arrive (target 0),
 * and the p95 time from an event's arrival to the DOM commit of the card it changes (./page-probe.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import type { JobView } from '../../../preload/jobs-domain';
import { mixedScene } from '../../e2e/fixtures/bench-scenes';
import { startMemoryBench } from '../../e2e/fixtures/memory-bench';
import { progressSink } from './progress-sink';
import { emit, figure, info, percentile, quick, round, say } from './figure-record';
import { installPageProbe } from './page-probe';

const DEVICES = 64;
/** A device's cfgutil progress as fast as it comes: a line every 20 ms per device. */
const TICK_MS = 20;
const WINDOW_MS = quick ? 8_000 : 20_000;
const root = process.cwd();

function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return time;
}

function ensureBuilt(): void {
  const stamp = path.join(root, 'dist/.build-stamp');
  const builtAt = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0;
  if (['renderer', 'preload'].every((d) => newest(path.join(root, d)) < builtAt)) return;
  say('building dist/ (the renderer is older than its sources)');
  const built = spawnSync(process.execPath, ['main/build/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('npm run build failed');
}

ensureBuilt();
const scene = mixedScene(DEVICES);
const running = (job: JobView): JobView => ({
  ...job,
  phase: 'running',
  step: 'prepare',
  stepIndex: 2,
  progress: 0.3,
  stepFraction: 0,
  waiting: undefined,
  error: undefined,
});
const jobs = scene.devices.map((d, i) => {
  const scripted = scene.jobs.jobs.jobs.find((j) => j.ecid === d.ecid);
  return running(
    scripted ?? {
      jobId: `job-${i + 1}`,
      ecid: d.ecid,
      workflowId: 'supervise-and-enroll',
      phase: 'running',
      stepCount: 8,
      progress: 0,
      attempt: 1,
      steps: [],
    },
  );
});
const bench = await startMemoryBench(
  { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
  undefined,
  { jobs: { ...scene.jobs.jobs, jobs } },
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(installPageProbe);
  await page.goto(bench.url);
  await page
    .getByRole('list', { name: 'Attached devices' })
    .getByRole('article')
    .nth(DEVICES - 1)
    .waitFor();
  await page.waitForTimeout(1_000);
  await page.evaluate(() => {
    window.__probe.frames = 0;
    window.__probe.commitsMs = [];
    window.__probe.longTasksMs = [];
  });
  const sink = progressSink(bench.hub);
  let sent = 0;
  let tick = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const timer = setInterval(() => {
    tick += 1;
    for (const job of jobs) {
      // One percent a tick: every update the page gets changes what its card shows.
      const progress = (tick % 100) / 100;
      sink.jobChanged({ ...job, stepFraction: progress, progress }, false);
      sent += 1;
    }
  }, TICK_MS);
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  const mainCpu = process.cpuUsage(cpu);
  await page.waitForTimeout(500);
  const probe = await page.evaluate(() => window.__probe);
  sink.close();
  const perSecond = probe.frames / seconds;
  const longTasks = probe.longTasksMs.length;
  const p95 = percentile(probe.commitsMs, 95);
  say(
    `${sent} progress updates offered in ${round(seconds, 1)} s; page got ${probe.frames} frames, ` +
      `${probe.commitsMs.length} commits, long tasks: ${probe.longTasksMs.map((t) => Math.round(t)).join(', ') || 'none'}`,
  );
  emit([
    info(
      'ui: job events delivered per second, 64 devices',
      round(perSecond, 1),
      'events/s',
      `${round(sent / seconds)} updates/s offered, ${sink.describe}`,
    ),
    figure(
      'ui: long tasks over 50 ms while 64 devices report',
      longTasks,
      'tasks',
      ['<=', 0],
      `${round(seconds, 1)} s window`,
    ),
    figure('ui: event to card commit, p95', round(p95, 2), 'ms', ['<=', 16], 'frame arrival to DOM mutation'),
    info(
      'ui: main-process CPU while 64 devices report',
      round(((mainCpu.user + mainCpu.system) / 1000 / (seconds * 1000)) * 100, 1),
      '% of a core',
      'memory bench + server',
    ),
  ]);
} finally {
  await browser.close();
  await bench.stop();
}
