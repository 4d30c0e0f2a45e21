/**
 * Issue 21 items 5 and 7 on the real `serve --simulate` bench: the set-up screens (no profile, a refused
 * Intune Setup Assistant link, the training profile loaded) and the workflow editor's skip-pane checklist,
 * each with 0 serious or critical axe violations, and screenshots at 1280×800 and 1024×768 for a person to
 * judge (test-results/screenshots/setup-*.png).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

const shots = 'test-results/screenshots';
const LINK = 'https://appleconfigurator2.manage.microsoft.com/MDMServiceConfig?id=0f1e&AADTenantId=4b5a';
const REFUSAL =
  "This is Intune's Setup Assistant enrollment link; cfgutil cannot enroll with it. Download the Direct enrollment profile instead: Intune ▸ Devices ▸ iOS/iPadOS ▸ Enrollment ▸ Apple Configurator ▸ Profiles ▸ your profile ▸ Export profile ▸ Download profile.";
const sizes = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
] as const;

let bench: ServedBench;
test.beforeAll(async () => {
  bench = await startServedBench();
});
test.afterAll(async () => {
  await bench?.stop();
});

const profileCard = (page: Page) => page.getByRole('region', { name: 'Intune enrollment profile' });

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
}

async function seriousViolations(page: Page): Promise<string[]> {
  await settle(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ') ?? ''}`);
}

async function shootBoth(page: Page, name: string): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({ path: `${shots}/setup-${name}-${size.width}x${size.height}.png` });
    // Nothing written on a set-up card runs out of it, at either size.
    const spilling = await page
      .locator('.profile-card, .identity-card')
      .evaluateAll((cards) =>
        cards.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.querySelector('h2')?.textContent),
      );
    expect(spilling, `${name} at ${size.width}`).toEqual([]);
  }
  await page.setViewportSize(sizes[0]);
}

test('set-up screens and the skip-pane checklist: no serious or critical axe violation', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(bench.url);
  await expect(profileCard(page).getByText('No profile yet.')).toBeVisible();
  const found: Record<string, string[]> = { 'no profile': await seriousViolations(page) };

  // Intune's Setup Assistant link, chosen as a file: refused in the words that say what to download instead.
  await profileCard(page)
    .getByLabel('Choose profile file…')
    .setInputFiles({ name: 'Intune link.txt', mimeType: 'text/plain', buffer: Buffer.from(`${LINK}\n`) });
  await expect(profileCard(page).getByText('Not loaded: Intune link.txt')).toBeVisible();
  await expect(profileCard(page).getByText(REFUSAL).first()).toBeVisible();
  found['refused file'] = await seriousViolations(page);
  await shootBoth(page, 'refused-link');

  // The same link pasted onto the window gets the same answer.
  await page.evaluate((link) => {
    const data = new DataTransfer();
    data.setData('text/plain', link);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, LINK);
  await expect(profileCard(page).getByText('Not loaded: Pasted text.txt')).toBeVisible();
  await expect(profileCard(page).getByText(REFUSAL).first()).toBeVisible();

  // The training profile: offered on the simulated bench, marked on the card and in a banner.
  await page.getByRole('button', { name: 'Dismiss the refused file' }).click();
  await profileCard(page).getByRole('button', { name: 'Use training profile' }).click();
  await expect(profileCard(page).getByText('TRAINING – simulator only', { exact: true })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'TRAINING – simulator only' })).toBeVisible();
  found['training profile loaded'] = await seriousViolations(page);
  await shootBoth(page, 'training-profile');

  // The workflow editor: skip panes as a grouped checklist with people's names.
  await page.getByRole('tab', { name: 'Workflows' }).click();
  await page.getByRole('button', { name: /Supervise and enroll/ }).click();
  await page.getByRole('button', { name: 'Duplicate' }).click();
  const form = page.getByRole('form', { name: /Editing/ });
  const panes = form.getByRole('group', { name: 'Panes to skip' });
  await panes.getByRole('checkbox', { name: 'Skip all panes' }).uncheck();
  const accounts = panes.getByRole('group', { name: 'Accounts and privacy' });
  await expect(accounts.getByRole('checkbox', { name: 'Apple Account' })).toBeChecked();
  await accounts.getByRole('checkbox', { name: 'Screen Time' }).uncheck();
  await panes.getByRole('checkbox', { name: 'Apple Account' }).scrollIntoViewIfNeeded();
  found['workflow checklist'] = await seriousViolations(page);
  await shootBoth(page, 'skip-pane-checklist');

  // A refused save: the sentence sits next to its field, which is marked invalid and focused.
  const language = form.getByLabel('Language').first();
  await language.fill('english');
  await form.getByRole('button', { name: 'Save' }).click();
  const sentence = form.getByText(/^Step \d+ \(Prepare\) › Language: Must be a language code/);
  await expect(sentence).toBeVisible();
  await expect(language).toHaveAttribute('aria-invalid', 'true');
  await expect(language).toBeFocused();
  await expect(form.getByText(/\[\d+\]/)).toHaveCount(0);
  found['workflow error'] = await seriousViolations(page);
  await shootBoth(page, 'workflow-error');

  expect(found).toEqual({
    'no profile': [],
    'refused file': [],
    'training profile loaded': [],
    'workflow checklist': [],
    'workflow error': [],
  });
});
