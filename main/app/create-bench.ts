/**
 * The composition root shared by the Electron app and the headless server: settings, cfgutil location,
 * engine choice, the bench service and the dispatcher in front of it.
 */
import path from 'node:path';
import type { EngineStatus, ProfileSummary } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import { locateCfgutil } from '../cfgutil/locate-cfgutil';
import { IdentityService } from '../identity/identity-service';
import { createInvokeDispatcher } from '../ipc/dispatch-invoke';
import { ProfileChannels } from '../profiles/profile-channels';
import { ProfileService } from '../profiles/profile-service';
import { SettingsStore } from '../settings/settings-store';
import type { BenchHost } from './bench-host';
import { BenchService } from './bench-service';
import { createCfgutilLocator } from './cfgutil-locator';
import { chooseEngine } from './choose-engine';
import { createEngineFactory } from './engine-factory';
import { unavailableJobChannels, unavailableLogChannels } from './unavailable-channels';
import { composeHandlers } from './compose-handlers';
import { EventHub } from './event-hub';
import { jobsAreaFor } from './jobs-wiring';

export interface CreateBenchOptions {
  readonly simulate: boolean;
  readonly cfgutilFlag?: string;
  readonly dataDir: string;
  readonly timeScale?: number;
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly log?: (message: string, detail?: unknown) => void;
  /** A profile file named on the command line, imported once the bench is up. */
  readonly profileFile?: string;
}

export interface Bench {
  readonly service: BenchService;
  readonly host: BenchHost;
  readonly engine: EngineStatus;
  /** Issue 4, main-only: `canStartRun()`, `profilePath()`, `importPath()` for "Open With" and argv files. */
  readonly profiles: ProfileService;
  /** Issue 4, main-only: `paths()` gives the DER files for cfgutil -C/-K. */
  readonly identities: IdentityService;
  /** Plain-language problems met while starting (bad settings file...), for the operator. */
  readonly problems: readonly string[];
  /** The verdict on `profileFile`, when one was given. */
  readonly startupProfile?: ProfileSummary;
  close(): Promise<void>;
}

function logToStderr(message: string, detail?: unknown): void {
  const suffix =
    detail instanceof Error ? `: ${detail.message}` : detail === undefined ? '' : `: ${String(detail)}`;
  console.error(`[${new Date().toISOString()}] ${message}${suffix}`);
}

export async function createBench(options: CreateBenchOptions): Promise<Bench> {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const log = options.log ?? logToStderr;
  const settingsStore = new SettingsStore(path.join(options.dataDir, 'settings.json'));
  const { settings, problems: settingsProblems } = await settingsStore.load();
  const located = await locateCfgutil({
    ...(options.cfgutilFlag ? { flagPath: options.cfgutilFlag } : {}),
    ...(env.ENROLL_BENCH_CFGUTIL ? { envPath: env.ENROLL_BENCH_CFGUTIL } : {}),
    ...(settings.cfgutilPath ? { settingPath: settings.cfgutilPath } : {}),
  });
  const problems = [...settingsProblems];
  const engine = chooseEngine({ simulate: options.simulate, located, platform });
  // Issue 4: the imported profile and the supervision identity live in the data folder and survive restarts.
  const profiles = new ProfileService({
    dataDir: options.dataDir,
    log: (e) => log(`${e.event}: ${e.message}`),
  });
  const identities = new IdentityService({
    dataDir: options.dataDir,
    log: (e) => log(`${e.event}: ${e.message}`),
  });
  await Promise.all([profiles.restore(), identities.restore()]);
  let startupProfile: ProfileSummary | undefined;
  if (options.profileFile) {
    try {
      startupProfile = await profiles.importPath(options.profileFile, 'command-line');
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      problems.push(`${error.info.title}. ${error.info.detail}`);
    }
  }
  const profileChannels = new ProfileChannels(profiles, identities);
  const hub = new EventHub();
  const factory = createEngineFactory({
    log,
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
  });
  const jobs = await jobsAreaFor({
    hub,
    factory,
    dataDir: options.dataDir,
    profiles,
    identities,
    log,
    ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
  });
  const service = new BenchService({
    engine,
    hub,
    factory: jobs.factory,
    jobsSnapshot: () => jobs.area.board.snapshot(),
    log,
    profileChannels,
    locator: createCfgutilLocator({
      store: settingsStore,
      ...(options.cfgutilFlag ? { flagPath: options.cfgutilFlag } : {}),
      ...(env.ENROLL_BENCH_CFGUTIL ? { envPath: env.ENROLL_BENCH_CFGUTIL } : {}),
    }),
  });
  profileChannels.wire(service.hub);
  await service.start();
  const handlers = composeHandlers(
    service,
    { ...unavailableJobChannels(), ...jobs.channels },
    unavailableLogChannels(),
  );
  const dispatch = createInvokeDispatcher(handlers, (channel, error) => log(`${channel} failed`, error));
  return {
    service,
    engine,
    profiles,
    identities,
    problems,
    ...(startupProfile ? { startupProfile } : {}),
    host: { dispatch, subscribe: (listener) => service.hub.subscribe(listener) },
    close: async () => {
      await service.close();
      await jobs.area.close();
    },
  };
}
