/**
 * The enrollment set-up against the real `serve --simulate` bench: import the Intune profile by choosing it
 * and by dropping it on the window, see a wrong file named, give a .p12 its password, create a supervision
 * identity, and find both again after a reload. Fixtures are generated here (unsigned Intune-like profile).
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeP12, pdfBytes, profileDict, xmlBytes } from '../main/profiles/profile-fixtures';
import { dropFile, finishDrop, startDrag } from './fixtures/drop-file';
import { startServedBench, type ServedBench } from './fixtures/serve-process';

let bench: ServedBench;

test.beforeAll(async () => {
  bench = await startServedBench();
});

test.afterAll(async () => {
  await bench?.stop();
});

const profileCard = (page: Page) => page.getByRole('region', { name: 'Intune enrollment profile' });
const identityCard = (page: Page) => page.getByRole('region', { name: 'Supervision identity' });
const setupArea = (page: Page) => page.getByRole('region', { name: 'Enrollment set-up' });

test('profile and supervision identity: choose, drop, refuse, create, and keep after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(bench.url);
  await expect(profileCard(page).getByText('No profile yet.')).toBeVisible();
  await expect(identityCard(page).getByText('No supervision identity yet.')).toBeVisible();

  // Choose the file through the card's file input.
  await profileCard(page)
    .getByLabel('Choose profile file…')
    .setInputFiles({
      name: 'Contoso.mobileconfig',
      mimeType: 'application/x-apple-aspen-config',
      buffer: Buffer.from(xmlBytes(profileDict())),
    });
  await expect(profileCard(page).getByText('Ready', { exact: true })).toBeVisible();
  const details = profileCard(page).locator('dl');
  await expect(details).toContainText('Contoso Ltd');
  await expect(details).toContainText('i.manage.microsoft.com');
  await expect(details).toContainText('SCEP');
  await expect(profileCard(page).getByText('14 days left', { exact: true })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: 'Profile loaded: Contoso.mobileconfig' }),
  ).toBeAttached();

  // A PDF is refused by name, and the good profile stays.
  await profileCard(page)
    .getByLabel('Load a different profile…')
    .setInputFiles({
      name: 'Intune manual.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(pdfBytes()),
    });
  await expect(profileCard(page).getByText('Not loaded: Intune manual.pdf')).toBeVisible();
  await expect(
    profileCard(page)
      .getByText(/This is a PDF document, not an enrollment profile/)
      .first(),
  ).toBeVisible();
  await expect(details).toContainText('Contoso.mobileconfig');

  // Dropping anywhere on the window: the overlay says what to drop, and the drop replaces the profile.
  const drag = await startDrag(page, { name: 'Contoso-fresh.mobileconfig', bytes: xmlBytes(profileDict()) });
  await expect(
    page.getByText('Drop the Intune profile (.mobileconfig) or supervision identity (.p12)'),
  ).toBeVisible();
  await finishDrop(page, drag);
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  await expect(details).toContainText('Contoso-fresh.mobileconfig');
  // A good file replaces the refusal message too.
  await expect(profileCard(page).getByText(/^Not loaded/)).toHaveCount(0);

  // A dropped .p12 asks for its password inline; a wrong one is refused in the bench's words.
  const work = await mkdtemp(path.join(tmpdir(), 'enroll-bench-p12-'));
  try {
    const p12 = await makeP12(work, 'right-password');
    await dropFile(page, { name: 'Contoso Supervision.p12', bytes: p12 });
    const dialog = page.getByRole('dialog', { name: 'Import supervision identity Contoso Supervision.p12' });
    await expect(dialog.getByLabel('Password')).toBeFocused();
    await dialog.getByLabel('Password').fill('wrong-password');
    await dialog.getByRole('button', { name: 'Import identity' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(identityCard(page).getByRole('alert')).toContainText('The password is wrong.');
    expect(page.url()).not.toContain('password');
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  // Create a new identity: with a ready profile the set-up folds to one line.
  await identityCard(page).getByLabel('Organization name').fill('Contoso IT');
  await identityCard(page).getByRole('button', { name: 'Create identity' }).click();
  const strip = setupArea(page).getByRole('button', { name: 'Change…' });
  await expect(strip).toBeVisible({ timeout: 30_000 });
  await expect(setupArea(page)).toContainText('Profile ready');
  await expect(setupArea(page)).toContainText('14 days left');
  await expect(setupArea(page)).toContainText('Contoso IT');
  await expect(profileCard(page)).toHaveCount(0);

  // Change… opens the full cards: subject and expiry of the new identity.
  await strip.click();
  await expect(identityCard(page).locator('dl')).toContainText('CN=Contoso IT');
  await expect(identityCard(page).locator('dl')).toContainText(/Valid until\s*20\d\d-\d\d-\d\d/);
  await expect(page.getByRole('button', { name: 'Hide set-up details' })).toBeFocused();

  // Both are the bench's, not the page's: a reload shows them again.
  await page.reload();
  await expect(setupArea(page).getByRole('button', { name: 'Change…' })).toBeVisible();
  await expect(setupArea(page)).toContainText('Contoso Ltd');
  await setupArea(page).getByRole('button', { name: 'Change…' }).click();
  await expect(profileCard(page).locator('dl')).toContainText('Contoso-fresh.mobileconfig');
  await expect(identityCard(page).locator('dl')).toContainText('CN=Contoso IT');
  expect(problems).toEqual([]);
});
