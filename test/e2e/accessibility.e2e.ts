/**
 * Issue 21 item 7: axe (`@axe-core/playwright`) on the bench, workflows, results, log and settings screens of
 * a cart of 40 in every state: no serious or critical violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { deviceCards } from './fixtures/bench-page';
import { mixedScene } from './fixtures/bench-scenes';
import { startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

async function seriousViolations(page: Page): Promise<string[]> {
  // A card fading in has not reached its colours yet: axe judges the screen the operator reads, once still.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

test('bench, workflows, results, log and settings: no serious or critical axe violation', async ({
  page,
}) => {
  const scene = mixedScene(40);
  bench = await startMemoryBench(
    { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    scene.jobs,
  );
  await page.goto(bench.url);
  await expect(deviceCards(page)).toHaveCount(40);
  const found: Record<string, string[]> = { bench: await seriousViolations(page) };
  for (const tab of ['Workflows', 'Results', 'Log']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    found[tab] = await seriousViolations(page);
  }
  await page.getByRole('tab', { name: 'Bench' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  found.settings = await seriousViolations(page);
  // The page under the dialog is inert: Tab and Shift+Tab cycle inside the dialog and never reach a card.
  for (const key of [...Array<string>(25).fill('Tab'), ...Array<string>(25).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
  }
  expect(found).toEqual({ bench: [], Workflows: [], Results: [], Log: [], settings: [] });
});
