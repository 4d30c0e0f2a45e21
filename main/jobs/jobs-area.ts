/**
 * The jobs area as the app composes it (main/app/create-bench.ts): a job board fed by the running engine's
 * device list (the hub's `devicesChanged`) and laned cfgutil client, the journal in the data folder, events
 * forwarded through the hub with progress coalesced, and the five job channels.
 */
import { loadNameBook } from './workflow/name-book';
import { APP_VERSION } from '../app/app-version';
import os from 'node:os';
import path from 'node:path';
import type { BenchEvent } from '../../preload/contract';
import type { EventHub } from '../app/event-hub';
import { DeviceListFeed } from '../devices/device-feed';
import { JobBoard } from './job-board';
import type {
  ClientSource,
  JobSettings,
  LiveJobSettings,
  ProfileSource,
  SupervisionSource,
  WorkflowSource,
} from './job-board-types';
import { JobChannels } from './job-channels';
import { JobEventForwarder } from './job-event-forwarder';
import { openJournal, readJournal } from './job-journal';
import { scaledTimings } from './job-timings';
import { SUPERVISE_AND_ENROLL } from './workflow/presets';

export interface JobsAreaOptions {
  readonly hub: EventHub;
  readonly dataDir: string;
  readonly client: ClientSource;
  readonly workflows: WorkflowSource;
  readonly supervision: SupervisionSource;
  readonly profile: ProfileSource;
  /** Simulated clock scale (1 on a real bench). */
  readonly timeScale?: number;
  readonly settings?: Partial<JobSettings>;
  readonly log?: (message: string, detail?: unknown) => void;
}

export interface JobsArea {
  readonly board: JobBoard;
  readonly channels: JobChannels;
  /** Saved settings, applied to the running bench; the countdown is scaled like the one at start. */
  applySettings(settings: Omit<LiveJobSettings, 'countdownMs'>): void;
  close(): Promise<void>;
}

export async function createJobsArea(options: JobsAreaOptions): Promise<JobsArea> {
  const scale = options.timeScale ?? 1;
  const feed = new DeviceListFeed();
  const unsubscribe = options.hub.subscribe((event: BenchEvent) => {
    // Not inside the hub's own emit: the board emits job events in reply, and they must reach every UI after
    // this devicesChanged, never before it (UIs drop events older than the newest they applied).
    if (event.channel === 'devicesChanged') {
      const { devices } = event.payload;
      queueMicrotask(() => feed.publish(devices));
    }
  });
  const history = await readJournal(options.dataDir);
  const journal = await openJournal(options.dataDir, (error) => options.log?.('journal write failed', error));
  const forwarder = new JobEventForwarder(options.hub);
  const countdownSeconds = options.settings?.countdownSeconds ?? 5;
  const board = new JobBoard({
    appVersion: APP_VERSION,
    // Rename counters and names given, from the data folder: names never repeat across runs (issue 21).
    names: (await loadNameBook(options.dataDir)).book,
    workflows: options.workflows,
    devices: feed,
    client: options.client,
    settings: {
      workflowId: SUPERVISE_AND_ENROLL,
      concurrency: 8,
      ignoreSerials: [],
      ignoreEcids: [],
      stationName: os.hostname(),
      ...options.settings,
      countdownSeconds,
      countdownMs: options.settings?.countdownMs ?? countdownSeconds * 1000 * scale,
    },
    supervision: options.supervision,
    profile: options.profile,
    journal,
    history,
    timings: scaledTimings(scale),
    timeScale: scale,
    events: forwarder,
    extraProfilesDir: path.join(options.dataDir, 'profiles', 'extra'),
    ...(options.log ? { log: options.log } : {}),
  });
  board.start();
  let lastApplied: string | undefined;
  return {
    board,
    channels: new JobChannels(() => board),
    applySettings: (settings) => {
      // A save in the panel is told twice, by the panel and by the settings file changing: apply it once.
      const key = JSON.stringify(settings);
      if (key === lastApplied) return;
      lastApplied = key;
      board.applySettings({ ...settings, countdownMs: settings.countdownSeconds * 1000 * scale });
    },
    close: async () => {
      unsubscribe();
      await board.close();
      forwarder.flush();
      await journal.close();
    },
  };
}
