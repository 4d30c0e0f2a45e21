/**
 * Issue 21 item 4 on the memory bench with a cart of 40 in every state: select several devices (select all
 * needing you, shift-click range, keyboard only), bulk actions act on exactly the selected cards that offer
 * them (the page's calls are recorded), several cancels ask once, a device that leaves drops out of the
 * selection, and the details strip reads a failed card's full title and fix. Screenshots at 1280×800 and
 * 1024×768 (test-results/screenshots/grid-select-*.png), for a person to judge.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { countStateOf, isActiveState } from '../../preload/counts';
import type { JobView } from '../../preload/jobs-domain';
import { deviceCards, settle } from './fixtures/bench-page';
import { mixedScene, type Scene } from './fixtures/bench-scenes';
import { startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

const shots = 'test-results/screenshots';
let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

/** A real failure (the install step's) whose title cannot fit a narrow card on one line. */
const longFailure = {
  code: 'no-such-profile',
  title: 'The profile is not on the device',
  detail:
    'cfgutil said it installed, but the device does not show it. Finish Setup Assistant on the device, then press Retry.',
  retryable: true,
} as const;

/** The mixed cart of 40, its failed cards failing with the long title. */
function scene(): Scene {
  const base = mixedScene(40);
  const jobs = base.jobs.jobs.jobs.map((j): JobView =>
    j.phase === 'failed' ? { ...j, error: { ...longFailure } } : j,
  );
  return { devices: base.devices, jobs: { jobs: { ...base.jobs.jobs, jobs } } };
}

async function open(page: Page, s: Scene, width = 1280, height = 800): Promise<void> {
  bench = await startMemoryBench(
    { devices: s.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    s.jobs,
  );
  await page.setViewportSize({ width, height });
  await page.goto(bench.url);
  await expect(deviceCards(page)).toHaveCount(s.devices.length);
}

/** The jobAction calls the page made since `from`, as "action ecid". */
function actionsSince(from: number): string[] {
  return (bench?.calls ?? [])
    .slice(from)
    .filter((c) => c.channel === 'jobAction')
    .map((c) => {
      const args = c.args as { ecid: string; action: string };
      return `${args.action} ${args.ecid}`;
    });
}

/** Every failed compact card shows its whole title (up to three lines beside Retry), nothing cut. */
async function expectWholeFailureTitles(page: Page): Promise<void> {
  const reasons = page.locator('article[data-phase="failed"] .failed-reason');
  await expect(reasons.first()).toBeVisible();
  for (const reason of await reasons.all()) {
    await expect(reason.locator('.failed-title')).toHaveText(longFailure.title);
    const fits = await reason.evaluate((el) => ({
      whole: el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1,
      lines: Math.round(el.clientHeight / parseFloat(getComputedStyle(el).lineHeight)),
    }));
    expect(fits.whole).toBe(true);
    expect(fits.lines).toBeLessThanOrEqual(3);
  }
}

const ecidsIn = (s: Scene, phase: JobView['phase']) =>
  s.jobs.jobs.jobs.filter((j) => j.phase === phase).map((j) => j.ecid);

test('a cart of 40: select all needing you, bulk Skip acts on exactly those; failed; cancel asks once', async ({
  page,
}) => {
  const s = scene();
  await open(page, s);
  const needing = ecidsIn(s, 'waiting-for-operator');
  const failed = ecidsIn(s, 'failed').concat(ecidsIn(s, 'interrupted'));
  expect(needing.length).toBeGreaterThan(2);

  const menu = page.getByRole('combobox', { name: 'Select', exact: true });
  await expect(menu.locator('option[value=needing]')).toHaveText(`All needing you (${needing.length})`);
  await menu.selectOption('needing');
  await expect(page.getByText(`${needing.length} selected`)).toBeVisible();
  await expect(page.locator('article.selected')).toHaveCount(needing.length);
  // A waiting card offers Cancel and Skip (its Continue answers one wait, never a bulk).
  await expect(page.getByRole('button', { name: `Skip ${needing.length} selected devices` })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Retry \d/ })).toHaveCount(0);
  await settle(page);
  await page.screenshot({ path: `${shots}/grid-select-needing-1280.png` });

  let from = bench?.calls.length ?? 0;
  await page.getByRole('button', { name: `Skip ${needing.length} selected devices` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Skip: ${needing.length} done.` })).toBeVisible();
  expect(actionsSince(from).sort()).toEqual(needing.map((e) => `skip ${e}`).sort());

  await page.getByRole('button', { name: 'Clear selection' }).click();
  await expect(page.locator('.selection-bar')).toHaveCount(0);
  await expect(menu.locator('option[value=failed]')).toHaveText(`All failed (${failed.length})`);
  await menu.selectOption('failed');
  from = bench?.calls.length ?? 0;
  await page.getByRole('button', { name: `Retry ${failed.length} selected devices` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Retry: ${failed.length} done.` })).toBeVisible();
  expect(actionsSince(from).sort()).toEqual(failed.map((e) => `retry ${e}`).sort());

  // Cancel of several asks once; "Keep them" sends nothing, the confirm sends one cancel per device.
  await page.getByRole('button', { name: 'Clear selection' }).click();
  const running = ecidsIn(s, 'running').slice(0, 3);
  for (const ecid of running) await page.locator(`article[data-ecid="${ecid}"] input[type=checkbox]`).check();
  from = bench?.calls.length ?? 0;
  await page.getByRole('button', { name: 'Cancel 3 selected devices' }).click();
  await page.getByRole('button', { name: 'Keep them' }).click();
  expect(actionsSince(from)).toEqual([]);
  await page.getByRole('button', { name: 'Cancel 3 selected devices' }).click();
  await expect(page.getByText('Cancel the jobs of 3 devices?')).toBeVisible();
  // The grid with a selection and the confirm showing: no serious or critical axe violation.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(
    violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id),
  ).toEqual([]);
  await page.getByRole('button', { name: 'Cancel 3 jobs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancel: 3 done.' })).toBeVisible();
  expect(actionsSince(from).sort()).toEqual(running.map((e) => `cancel ${e}`).sort());
});

test('shift-click selects a range in the order shown; it survives a filter; a device that leaves drops out', async ({
  page,
}) => {
  const s = scene();
  await open(page, s);
  const cards = deviceCards(page);
  const order = await cards.evaluateAll((all) => all.map((a) => a.getAttribute('data-ecid') ?? ''));
  await cards.nth(2).getByRole('checkbox').click();
  await cards
    .nth(9)
    .getByRole('checkbox')
    .click({ modifiers: ['Shift'] });
  await expect(page.getByText('8 selected')).toBeVisible();
  const selected = await page
    .locator('article.selected')
    .evaluateAll((all) => all.map((a) => a.getAttribute('data-ecid') ?? ''));
  expect(selected).toEqual(order.slice(2, 10));

  // Filtering hides some of them: they stay selected, and the bar says how many are not shown.
  await page.getByLabel('Show').selectOption('done');
  const doneShown = await page.locator('article.selected').count();
  await expect(page.getByText(`8 selected (${8 - doneShown} not shown)`)).toBeVisible();
  await page.getByLabel('Show').selectOption('all');
  await expect(page.locator('article.selected')).toHaveCount(8);

  // A selected device unplugged after its job ended leaves the bench and the selection (one whose job is still
  // going stays, marked away: test/e2e/away-cards.e2e.ts).
  const ended = new Set(
    s.jobs.jobs.jobs.filter((j) => !isActiveState(countStateOf(j.phase))).map((j) => j.ecid),
  );
  const gone = order.slice(2, 10).find((ecid) => ended.has(ecid));
  expect(gone).toBeDefined();
  bench?.hub.emit('devicesChanged', { devices: s.devices.filter((d) => d.ecid !== gone) });
  await expect(cards).toHaveCount(39);
  await expect(page.getByText('7 selected', { exact: true })).toBeVisible();
});

test('keyboard only: n, Tab, Space selects a card, Shift+Space a range; a focused failed card reads its full failure', async ({
  page,
}) => {
  const s = scene();
  await open(page, s);
  // n goes to the first card that needs you; Tab reaches its select box first; Space selects it.
  await page.keyboard.press('n');
  const card = page.locator('article:focus');
  await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator');
  const ecid = (await card.getAttribute('data-ecid')) ?? '';
  await page.keyboard.press('Tab');
  await expect(page.locator(`article[data-ecid="${ecid}"] input[type=checkbox]`)).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.locator(`article[data-ecid="${ecid}"]`)).toHaveClass(/selected/);
  await expect(page.getByText('1 selected')).toBeVisible();
  // From the select box, n still goes to the next card that needs you.
  await page.keyboard.press('n');
  await expect(page.locator('article:focus')).toHaveAttribute('data-phase', 'waiting-for-operator');
  await expect(page.locator('article:focus')).not.toHaveAttribute('data-ecid', ecid);
  const second = (await page.locator('article:focus').getAttribute('data-ecid')) ?? '';
  await page.keyboard.press('Tab');
  // Shift+Space selects the range from the last box ticked to this one, in the order shown.
  await page.keyboard.press('Shift+Space');
  const order = await deviceCards(page).evaluateAll((all) =>
    all.map((a) => a.getAttribute('data-ecid') ?? ''),
  );
  const span = order.slice(order.indexOf(ecid), order.indexOf(second) + 1);
  expect(span.length).toBeGreaterThan(2);
  await expect(page.getByText(`${span.length} selected`)).toBeVisible();
  await page.getByRole('button', { name: 'Clear selection' }).press('Enter');
  await expect(page.locator('.selection-bar')).toHaveCount(0);

  // Focus on a failed card: the strip reads port, serial, the whole title and the fix.
  const failedJob = s.jobs.jobs.jobs.find((j) => j.phase === 'failed');
  const device = s.devices.find((d) => d.ecid === failedJob?.ecid);
  await page.locator(`article[data-ecid="${failedJob?.ecid}"] input[type=checkbox]`).focus();
  const strip = page.locator('.details-strip');
  await expect(strip).toHaveAttribute('aria-live', 'polite');
  await expect(strip).toHaveText(
    `${device?.portLabel} · ${device?.serialNumber} · Failed: ${longFailure.title}. ${longFailure.detail}`,
  );
  await expectWholeFailureTitles(page);
  await settle(page);
  await page.locator(`article[data-ecid="${failedJob?.ecid}"] input[type=checkbox]`).focus();
  await page.screenshot({ path: `${shots}/grid-select-strip-1280.png` });
});

test('1024×768: a failed card shows its whole title beside Retry (1280×800 too), never one cut line', async ({
  page,
}) => {
  const s = scene();
  await open(page, s, 1024, 768);
  await expectWholeFailureTitles(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('combobox', { name: 'Select', exact: true }).selectOption('failed');
  await settle(page);
  await page.screenshot({ path: `${shots}/grid-select-1024.png` });
});

test('a cart of 10 (full cards): each card has its select box beside the port, and bulk Retry works there too', async ({
  page,
}) => {
  const s = mixedScene(10);
  await open(page, s);
  const failed = ecidsIn(s, 'failed');
  expect(failed.length).toBeGreaterThan(0);
  await expect(page.getByRole('checkbox')).toHaveCount(10);
  await page.getByRole('combobox', { name: 'Select', exact: true }).selectOption('failed');
  const from = bench?.calls.length ?? 0;
  await page.getByRole('button', { name: /^Retry \d+ selected device/ }).click();
  await expect(page.getByRole('status').filter({ hasText: `Retry: ${failed.length} done.` })).toBeVisible();
  expect(actionsSince(from).sort()).toEqual(failed.map((e) => `retry ${e}`).sort());
  await settle(page);
  await page.screenshot({ path: `${shots}/grid-select-10-full-cards.png` });
});
