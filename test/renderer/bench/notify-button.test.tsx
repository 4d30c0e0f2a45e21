/** @vitest-environment jsdom */
/**
 * The served UI's notifications: opt-in (the browser's permission is asked only on the press), then the
 * bench's Settings decide, read when an alert is due: `notify` off shows nothing; `sounds` on plays the
 * WebAudio tone of the alert's kind.
 */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../preload/domain';
import type { JobView } from '../../../preload/jobs-domain';
import type { SettingsView } from '../../../preload/preflight-domain';
import { NotifyButton } from '../../../renderer/bench/notify-button';
import { loadedStore, renderWithStore, job } from '../store-fixtures';

const tone = vi.hoisted(() => ({ played: [] as string[], unlocked: 0 }));
vi.mock('../../../renderer/bench/attention-tone', () => ({
  playTone: (kind: string) => tone.played.push(kind),
  unlockTone: () => (tone.unlocked += 1),
}));

class FakeNotification {
  static permission: NotificationPermission = 'default';
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = 'granted';
    return 'granted' as NotificationPermission;
  });
  static shown: { title: string; body?: string; tag?: string }[] = [];
  constructor(title: string, options: NotificationOptions = {}) {
    FakeNotification.shown.push({ title, ...(options.body ? { body: options.body } : {}), tag: options.tag });
  }
}

function settingsApi(settings: { notify: boolean; sounds: boolean }) {
  return {
    getSettings: vi.fn(async (): Promise<Result<SettingsView>> => ({
      ok: true,
      value: {
        settings: {
          concurrency: 8,
          countdownSeconds: 5,
          stationName: 'Bench',
          ignore: { serials: [], ecids: [] },
          defaultWorkflowId: 'supervise-and-enroll',
          ...settings,
        },
        changed: [],
        limits: {
          concurrency: { min: 1, max: 64 },
          countdownSeconds: { min: 0, max: 60 },
          stationNameMax: 64,
        },
        workflows: [],
        problems: [],
        file: '/data/settings.json',
      },
    })),
  };
}

const waits = (n: number): JobView =>
  job(n, {
    phase: 'waiting-for-operator',
    waiting: { reason: 'tap-trust', instruction: 'Tap Trust.', since: 1 },
  });

function setJobs(store: ReturnType<typeof loadedStore>, ...jobs: JobView[]) {
  act(() => store.set({ ...store.getState(), jobs: Object.fromEntries(jobs.map((j) => [j.ecid, j])) }));
}

beforeEach(() => {
  FakeNotification.permission = 'default';
  FakeNotification.shown = [];
  FakeNotification.requestPermission.mockClear();
  tone.played = [];
  tone.unlocked = 0;
  localStorage.clear();
  vi.stubGlobal('Notification', FakeNotification);
});
/** A loaded machine can take more than waitFor's default second to render and notify. */
const PATIENT = { timeout: 5000 };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function optIn(settings: { notify: boolean; sounds: boolean }) {
  const store = loadedStore();
  const api = settingsApi(settings);
  renderWithStore(<NotifyButton api={api} />, store);
  expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
  fireEvent.click(screen.getByRole('button', { name: 'Notify me' }));
  await screen.findByRole('button', { name: 'Notifying you' }, PATIENT);
  expect(tone.unlocked).toBe(1);
  return { store, api };
}

describe('NotifyButton', () => {
  it('asks permission only when pressed, then tells of a device that needs you, silently by default', async () => {
    const { store } = await optIn({ notify: true, sounds: false });
    setJobs(store, job(1));
    setJobs(store, waits(1));
    await waitFor(() => expect(FakeNotification.shown).toHaveLength(1), PATIENT);
    expect(FakeNotification.shown[0]).toMatchObject({
      title: expect.stringMatching(/needs you$/),
      body: 'Tap Trust.',
    });
    expect(tone.played).toEqual([]);
  });

  it('plays the tone of the alert when Settings asks for sound: one for devices, the cart tone at the end', async () => {
    const { store } = await optIn({ notify: true, sounds: true });
    setJobs(store, job(1), job(2));
    setJobs(store, waits(1), waits(2));
    await waitFor(() => expect(tone.played).toEqual(['needs-you']), PATIENT);
    expect(FakeNotification.shown.map((n) => n.title)).toEqual(['2 devices need you']);
    setJobs(store, job(1, { phase: 'succeeded' }), job(2, { phase: 'failed' }));
    await waitFor(() => expect(tone.played).toEqual(['needs-you', 'cart-finished']), PATIENT);
    expect(FakeNotification.shown.at(-1)).toMatchObject({
      title: 'Cart finished',
      body: '1 done, 1 failed.',
    });
  });

  it('shows nothing, and plays nothing, while Settings has notifications off', async () => {
    const { store, api } = await optIn({ notify: false, sounds: true });
    setJobs(store, job(1));
    setJobs(store, waits(1));
    await waitFor(() => expect(api.getSettings).toHaveBeenCalled(), PATIENT);
    await act(async () => {});
    expect(FakeNotification.shown).toEqual([]);
    expect(tone.played).toEqual([]);
  });

  it('is off until pressed, even with permission already granted elsewhere', async () => {
    FakeNotification.permission = 'granted';
    const store = loadedStore();
    renderWithStore(<NotifyButton api={settingsApi({ notify: true, sounds: false })} />, store);
    setJobs(store, job(1));
    setJobs(store, waits(1));
    await act(async () => {});
    expect(FakeNotification.shown).toEqual([]);
    expect(screen.getByRole('button', { name: 'Notify me' }).getAttribute('aria-pressed')).toBe('false');
  });
});
