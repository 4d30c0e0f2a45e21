/**
 * Issue 21 item 7: every control is at least 24 × 24 px, and hovering a control never makes it look disabled or
 * unreadable: on the bench of forty in every state, the Workflows, Results and Log tabs, and the settings panel.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { deviceCards } from './fixtures/bench-page';
import { mixedScene } from './fixtures/bench-scenes';
import { startMemoryBench, type MemoryBench } from './fixtures/memory-bench';

let bench: MemoryBench | undefined;

test.afterEach(async () => {
  await bench?.stop();
  bench = undefined;
});

const CONTROLS = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=tab]';

/** Visible controls smaller than 24 × 24 px (WCAG 2.2 target size), by their text. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.locator(CONTROLS).evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).offsetParent !== null && !el.closest('[inert]'))
      // A box inside its label is pressed anywhere on the label: the label is the target.
      .map((el) => ({
        el,
        box: (el.tagName === 'INPUT' ? (el.closest('label') ?? el) : el).getBoundingClientRect(),
      }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ el, box }) =>
          `${el.tagName} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}

/** Text colour against the nearest painted background, while the mouse rests on the control. */
async function hoverContrast(control: Locator): Promise<{ name: string; ratio: number; color: string }> {
  await control.hover();
  return control.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r = 0, g = 0, b = 0]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let ground: Element | null = el;
    let bg = 'rgb(255, 255, 255)';
    while (ground) {
      const c = getComputedStyle(ground).backgroundColor;
      const parts = rgb(c);
      if (parts.length === 3 || (parts.length === 4 && parts[3] === 1)) {
        bg = c;
        break;
      }
      ground = ground.parentElement;
    }
    const color = getComputedStyle(el).color;
    const [a, b] = [lum(rgb(color)), lum(rgb(bg))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return { name: (el.textContent ?? '').trim().slice(0, 30), ratio, color };
  });
}

async function hoverProblems(scope: Page | Locator): Promise<string[]> {
  const buttons = scope.locator('button:not(:disabled)');
  const kinds = await buttons.evaluateAll((els) =>
    els.map((el) => `${el.className}|${el.getAttribute('aria-pressed')}|${(el.textContent ?? '').trim()}`),
  );
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, kind] of kinds.entries()) {
    // Forty cards repeat the same few buttons: one of each kind is enough to judge its hover.
    if (seen.has(kind)) continue;
    seen.add(kind);
    const control = buttons.nth(i);
    if (!(await control.isVisible())) continue;
    const { name, ratio, color } = await hoverContrast(control);
    // Disabled buttons are drawn in grey #6b6b6b: an enabled one under the mouse must never take that look.
    if (ratio < 4.5 || color === 'rgb(107, 107, 107)')
      problems.push(`"${name}" ${ratio.toFixed(2)}:1 ${color}`);
  }
  return problems;
}

test('every control is at least 24 px, and hover keeps it readable and enabled-looking', async ({ page }) => {
  test.setTimeout(120_000);
  const scene = mixedScene(40);
  bench = await startMemoryBench(
    { devices: scene.devices, engine: { kind: 'simulator', reason: 'requested' }, watcher: { state: 'ok' } },
    undefined,
    scene.jobs,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(bench.url);
  await expect(deviceCards(page)).toHaveCount(40);
  const found: Record<string, { small: string[]; hover: string[] }> = {};
  found.bench = { small: await smallTargets(page), hover: await hoverProblems(page) };
  for (const tab of ['Workflows', 'Results', 'Log']) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    found[tab] = { small: await smallTargets(page), hover: await hoverProblems(page) };
  }
  await page.getByRole('tab', { name: 'Bench' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  found.settings = { small: await smallTargets(page), hover: await hoverProblems(page.getByRole('dialog')) };
  const empty = { small: [], hover: [] };
  expect(found).toEqual({ bench: empty, Workflows: empty, Results: empty, Log: empty, settings: empty });
});
