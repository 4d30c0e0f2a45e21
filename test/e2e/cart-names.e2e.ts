/**
 * Issue 21, "the names of two consecutive carts never repeat", on the served simulated bench (the real job
 * engine, the simulated cfgutil), with a workflow that names devices `CART3-{n:3}`:
 *
 * - a cart of 6 runs to "Done – unplug"; each card shows its name, and the first cart is numbered in port
 *   order (Port 1 › 1 is CART3-001, whatever order the devices finish in);
 * - unplugged, a second cart of 6 other serials runs: the 12 names are 12 different names;
 * - the bench restarts on the same data folder and a third cart (other devices again) runs: still no name
 *   given twice, because the counter is kept in the data folder (main/jobs/workflow/name-book.ts);
 * - the Log (the page, and its records over the WebSocket) holds every device once, each name with one serial.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { BenchSnapshot } from '../../preload/domain';
import type { LogPage } from '../../preload/log-domain';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import { invokeBench } from './fixtures/bench-socket';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

const CART = 6;
const TEMPLATE = 'CART3-{n:3}';
const NAME = /CART3-\d{3}/;
const WORKFLOW = 'E2E Cart names';

let folder: string;
let bench: ServedBench | undefined;

/**
 * A world where the profile installs silently on devices this bench supervises (the hands-free cart), with
 * its own seed: a restarted bench gets other devices (other serials), as the next morning's cart would.
 */
async function scenario(seed: number): Promise<string> {
  const file = path.join(folder, `world-${seed}.json`);
  await writeFile(
    file,
    JSON.stringify({ name: `e2e-names-${seed}`, seed, switches: { mdmInstallsSilently: true }, devices: [] }),
  );
  return file;
}

async function startBench(dataDir: string, seed: number): Promise<ServedBench> {
  // Fifty times faster than real time: an erase and a prepare take seconds.
  return startServedBench(['--time-scale', '0.02', '--scenario', await scenario(seed)], 120_000, {
    dataDir,
  });
}

test.beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'enroll-bench-names-'));
});

test.afterAll(async () => {
  await bench?.stop();
  await rm(folder, { recursive: true, force: true });
});

async function openBench(page: Page, served: ServedBench): Promise<void> {
  await page.goto(served.url);
  await unplugAll(page);
  await page
    .getByRole('combobox', { name: 'Workflow', exact: true })
    .selectOption({ label: WORKFLOW }, { timeout: 30_000 });
  const armed = page.getByRole('switch', { name: 'Armed' });
  if ((await armed.getAttribute('aria-checked')) !== 'true') await armed.click();
  await expect(armed).toHaveAttribute('aria-checked', 'true');
}

interface Named {
  readonly port: string;
  readonly name: string;
  readonly serial: string;
}

/** The serial each job read from its device (the snapshot behind the cards). */
async function serials(served: ServedBench): Promise<Map<string, string>> {
  const snapshot = await invokeBench(served.origin, served, 'getSnapshot', []);
  expect(snapshot.ok).toBe(true);
  const jobs = snapshot.ok ? (snapshot.value as BenchSnapshot).jobs.jobs : [];
  return new Map(jobs.map((j) => [j.ecid, j.serialNumber ?? '']));
}

/** Plugs in a cart of `CART`, waits for every card's "Done – unplug" and reads port and name off each card. */
async function runCart(page: Page, served: ServedBench): Promise<Named[]> {
  const cart = await invokeBench(served.origin, served, 'simulate', [
    { type: 'cart', count: CART, overSeconds: 0 },
  ]);
  expect(cart.ok).toBe(true);
  const cards = deviceCards(page);
  await expect(cards).toHaveCount(CART, { timeout: 60_000 });
  await expect(page.getByText('Done – unplug', { exact: true })).toHaveCount(CART, { timeout: 300_000 });
  await expect(page.locator('[data-phase="failed"]')).toHaveCount(0);
  const serialOf = await serials(served);
  const named: Named[] = [];
  for (const card of await cards.all()) {
    const port = (await card.locator('.device-port').textContent()) ?? '';
    const line = (await card.locator('.device-final-name').textContent()) ?? '';
    const ecid = (await card.getAttribute('data-ecid')) ?? '';
    named.push({
      port,
      name: NAME.exec(line)?.[0] ?? `(no name on the card: "${line}")`,
      serial: serialOf.get(ecid) || `(no serial for ${ecid})`,
    });
  }
  return named;
}

/** Port labels as a person reads them: `Port 1 › 2` before `Port 1 › 10` before `Port 2 › 1`. */
function portOrder(a: Named, b: Named): number {
  const numbers = (label: string) => (label.match(/\d+/g) ?? []).map(Number);
  const [x, y] = [numbers(a.port), numbers(b.port)];
  for (let i = 0; i < Math.max(x.length, y.length); i += 1) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

async function logRecords(served: ServedBench): Promise<{ name: string; serial: string }[]> {
  const page = await invokeBench(served.origin, served, 'queryLog', [{ limit: 500 }]);
  expect(page.ok).toBe(true);
  return (page.ok ? (page.value as LogPage).records : []).map((r) => ({
    name: r.finalName ?? '',
    serial: r.serialNumber ?? '',
  }));
}

test('two carts, then a restart and a third: no name is ever given twice, the first cart in port order', async ({
  page,
}) => {
  test.setTimeout(900_000);
  const dataDir = path.join(folder, 'data');
  bench = await startBench(dataDir, 11);
  await setUpEnrollment(bench);
  const workflow = {
    id: 'e2e-cart-names',
    name: WORKFLOW,
    description: 'Supervise and enroll, named by a counter.',
    preset: false,
    steps: [
      { kind: 'erase', allowOtherOrganization: false },
      { kind: 'wait-until-settled' },
      { kind: 'prepare', language: 'en', locale: 'en_US', skipPanes: 'all', allowPairing: false },
      { kind: 'wait-until-settled' },
      { kind: 'finish-setup-assistant' },
      { kind: 'install-enrollment-profile' },
      { kind: 'verify-enrollment' },
      { kind: 'rename', template: TEMPLATE },
    ],
  };
  expect(await invokeBench(bench.origin, bench, 'saveWorkflow', [{ workflow }])).toMatchObject({ ok: true });
  await openBench(page, bench);

  const first = await runCart(page, bench);
  // Numbered in port order: the first slot gets 001, as the workflow editor's preview promises.
  const byPort = [...first].sort(portOrder);
  expect(byPort.map((n) => n.name)).toEqual(
    Array.from({ length: CART }, (_, i) => `CART3-${String(i + 1).padStart(3, '0')}`),
  );
  expect(byPort[0]?.port).toMatch(/^Port 1 › 1$/);
  await settle(page);
  await page.screenshot({ path: 'test-results/screenshots/cart-names-first.png' });
  await unplugAll(page);

  const second = await runCart(page, bench);
  const twoCarts = [...first, ...second];
  expect(new Set(twoCarts.map((n) => n.serial)).size).toBe(2 * CART);
  expect(new Set(twoCarts.map((n) => n.name)).size).toBe(2 * CART);
  await unplugAll(page);

  // The next morning: the bench restarts on the same data folder; a new cart of other devices.
  await bench.stop();
  bench = await startBench(dataDir, 29);
  await openBench(page, bench);
  const third = await runCart(page, bench);
  const all = [...twoCarts, ...third];
  expect(new Set(all.map((n) => n.serial)).size).toBe(3 * CART);
  expect(new Set(all.map((n) => n.name)).size).toBe(3 * CART);
  for (const n of all) {
    expect(n.name).toMatch(NAME);
    expect(n.serial).toMatch(/^[A-Z0-9]{8,}$/);
  }

  // The Log holds each of them, and no name with two serials.
  const records = await logRecords(bench);
  const owners = new Map<string, Set<string>>();
  for (const r of records) owners.set(r.name, new Set([...(owners.get(r.name) ?? []), r.serial]));
  for (const n of all) expect([...(owners.get(n.name) ?? [])]).toEqual([n.serial]);
  await page.getByRole('tab', { name: 'Log' }).click();
  await expect(page.getByRole('heading', { name: 'Bench log' })).toBeVisible();
  for (const n of all) await expect(page.getByRole('row').filter({ hasText: n.name })).toHaveCount(1);
  await page.getByRole('tab', { name: 'Bench' }).click();
  await unplugAll(page);
});
