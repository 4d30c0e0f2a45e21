/**
 * Issue 21 item 6 in the served UI (real job engine, simulated cfgutil): notifications are opt-in (the
 * browser's permission is asked only when "Notify me" is pressed), then follow the bench's Settings: a
 * device that needs a person makes a notification, and with "Play a sound" on, a WebAudio tone plays.
 *
 * The page's `Notification` and `AudioContext` are recorders (an init script), so the test sees what the
 * bench asked the browser to show and play without a desktop to show it on.
 */
import { expect, test, type Page } from '@playwright/test';
import { deviceCards, settle, unplugAll } from './fixtures/bench-page';
import { setUpEnrollment } from './fixtures/enrollment-setup';
import { startServedBench, type ServedBench } from './fixtures/serve-process';
import { simVerb } from './fixtures/sim-verb';

const shots = 'test-results/screenshots';
let bench: ServedBench;

test.beforeAll(async () => {
  bench = await startServedBench(['--time-scale', '0.02']);
  await setUpEnrollment(bench);
});

test.afterAll(async () => {
  await bench?.stop();
});

interface Recorded {
  readonly asked: number;
  readonly shown: { title: string; body: string; tag: string }[];
  readonly tones: number[];
}

async function recordNotificationsAndSound(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = { asked: 0, shown: [] as unknown[], tones: [] as number[] };
    (window as unknown as { __attention: typeof record }).__attention = record;
    class RecordingNotification {
      static permission = 'default';
      static async requestPermission() {
        record.asked += 1;
        RecordingNotification.permission = 'granted';
        return 'granted';
      }
      constructor(title: string, options: { body?: string; tag?: string } = {}) {
        record.shown.push({ title, body: options.body ?? '', tag: options.tag ?? '' });
      }
    }
    class RecordingAudioContext {
      state = 'suspended';
      currentTime = 0;
      destination = {};
      async resume() {
        this.state = 'running';
      }
      createOscillator() {
        const frequency = {
          set value(hz: number) {
            record.tones.push(hz);
          },
        };
        return { type: 'sine', frequency, connect() {}, start() {}, stop() {} };
      }
      createGain() {
        return { gain: { setValueAtTime() {}, linearRampToValueAtTime() {} }, connect() {} };
      }
    }
    Object.assign(window, { Notification: RecordingNotification, AudioContext: RecordingAudioContext });
  });
}

const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { __attention: Recorded }).__attention);

test('opt-in, then a device that needs you makes a notification, with the tone when Settings asks for sound', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await recordNotificationsAndSound(page);
  await page.goto(bench.url);
  await unplugAll(page);

  // Settings: notifications on by default, sound off; turn the sound on.
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  const notify = dialog.getByLabel('Notify me when a device needs me or a cart finishes');
  const sound = dialog.getByLabel('Play a sound with those notifications');
  await expect(notify).toBeChecked();
  await expect(sound).not.toBeChecked();
  await sound.check();
  await settle(page);
  await page.screenshot({ path: `${shots}/settings-notifications-1280.png` });
  await page.setViewportSize({ width: 1024, height: 768 });
  await settle(page);
  await page.screenshot({ path: `${shots}/settings-notifications-1024.png` });
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/^Saved\./)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Nothing is asked of the browser before the press.
  expect((await recorded(page)).asked).toBe(0);
  await page.getByRole('button', { name: 'Notify me' }).click();
  await expect(page.getByRole('button', { name: 'Notifying you' })).toHaveAttribute('aria-pressed', 'true');
  expect((await recorded(page)).asked).toBe(1);

  const armed = page.getByRole('switch', { name: 'Armed' });
  if ((await armed.getAttribute('aria-checked')) !== 'true') await armed.click();
  await simVerb(bench, 'attach', '--class', 'iPhone', '--paired', '--locked');
  const card = deviceCards(page).first();
  await expect(card).toHaveAttribute('data-phase', 'waiting-for-operator', { timeout: 120_000 });
  await expect.poll(async () => (await recorded(page)).shown.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const { shown, tones } = await recorded(page);
  expect(shown[0]?.title).toMatch(/needs you$/);
  expect(shown[0]?.body.length).toBeGreaterThan(0);
  expect(tones).toContain(880);
  await settle(page);
  await page.screenshot({ path: `${shots}/notify-waiting-1280.png` });
  await unplugAll(page);
});
