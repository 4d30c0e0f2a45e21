/**
 * The Intune area as the app composes it (createBench): the service, its channels, the hourly refresh check,
 * the check before a cart (when the bench is armed), and in `serve --simulate` a fake Intune on loopback so
 * the whole flow can be seen in a browser without a tenant.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IntuneInvokeChannels } from '../../preload/contract';
import type { LogFn } from '../diagnostics/log-fn';
import type { Appearance } from '../sim/intune/fake-enrollment';
import { FakeIntune } from '../sim/intune/fake-intune';
import { chooseCipher, type SafeStorageLike } from './cache-cipher';
import type { IntuneEnrollmentView } from '../../preload/intune-domain';
import type { JobView } from '../../preload/jobs-domain';
import { startBenchEnrollment } from './enrollment/bench-enrollment';
import type { EnrollmentService } from './enrollment/enrollment-service';
import type { InstallGate } from './enrollment/install-gate';
import { intuneChannels } from './intune-channels';
import { IntuneService, type ProfileSink } from './intune-service';

export interface IntuneAreaOptions {
  readonly dataDir: string;
  readonly profiles: ProfileSink;
  readonly log: LogFn;
  /** Run against a fake Intune (`serve --simulate`). */
  readonly simulate: boolean;
  readonly env?: NodeJS.ProcessEnv;
  /** Electron's safeStorage, when running inside the app. */
  readonly safeStorage?: SafeStorageLike;
  /** Electron's shell.openExternal, when running inside the app. */
  readonly openBrowser?: (url: string) => Promise<void>;
  readonly now?: () => number;
  /** Issue 25: the install step's hook, filled in here (ACME serials are pushed before the install). */
  readonly installGate?: InstallGate;
  /** Issue 25: the composition's job endings (the recorder's `onJobEnded`); returns the stop. */
  readonly onJobEnded?: (listener: (job: JobView) => void) => () => void;
  /** Issue 25: told each serial's new Intune state (the `intuneEnrollmentChanged` event). */
  readonly announce?: (enrollment: IntuneEnrollmentView) => void;
  /** How long to watch for a finished device to enroll (default 30 min). */
  readonly enrollmentBoundMs?: number;
  /** Tests: the first wait after a device is done (default 30 s) and the watcher's turn (default 5 s). */
  readonly enrollmentTiming?: { readonly firstWaitMs: number; readonly pollMs: number };
  /** How long the fake Intune waits before a finished simulated device appears (default 20 s). */
  readonly fakeEnrollDelayMs?: number;
}

export interface IntuneArea {
  readonly service: IntuneService;
  readonly enrollment: EnrollmentService;
  readonly channels: IntuneInvokeChannels;
  /**
   * The operator armed the bench: the start of a cart, so refresh first when the copy is due. The composition
   * calls it from the arming channel itself (the UI event hub is output only, never read back).
   */
  cartStarting(): void;
  close(): Promise<void>;
}

/** `open URL` on a Mac (argv array; the URL carries a PKCE challenge and state, never a token). */
function openWithSystem(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'darwin' ? 'open' : 'xdg-open', [url], {
      stdio: 'ignore',
      detached: true,
    });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/**
 * `ENROLL_BENCH_FAKE_INTUNE_ENROLL` in `serve --simulate --fake-intune`: `once` (default), `never`, `twice`, or
 * `mixed` (every fifth serial never appears, every seventh appears twice), to see each state in the browser.
 */
function fakeAppearance(value: string | undefined): Appearance | ((serial: string) => Appearance) {
  if (value === 'never' || value === 'twice') return value;
  if (value !== 'mixed') return 'once';
  let n = 0;
  return () => {
    n += 1;
    return n % 5 === 0 ? 'never' : n % 7 === 0 ? 'twice' : 'once';
  };
}

export async function createIntuneArea(options: IntuneAreaOptions): Promise<IntuneArea> {
  let fake: FakeIntune | undefined;
  let simulated: { graphRoot: string; token: string } | undefined;
  if (options.simulate) {
    const token = `simulated-${randomBytes(16).toString('hex')}`;
    fake = FakeIntune.withShippedProfiles({ tokens: [token] });
    simulated = { graphRoot: await fake.listen(), token };
  }
  const service = new IntuneService({
    dataDir: options.dataDir,
    profiles: options.profiles,
    log: options.log,
    cipher: chooseCipher(options.safeStorage ? { safeStorage: options.safeStorage } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(simulated ? { simulated } : {}),
  });
  service.startSchedule();
  if (fake) {
    fake.enrollment.enrollDelayMs = options.fakeEnrollDelayMs ?? 20_000;
    fake.enrollment.appearance = fakeAppearance((options.env ?? process.env).ENROLL_BENCH_FAKE_INTUNE_ENROLL);
  }
  const bench = await startBenchEnrollment({
    dataDir: options.dataDir,
    intune: service,
    variant: () => options.profiles.current()?.variant ?? 'unknown',
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.announce ? { announce: options.announce } : {}),
    ...(options.enrollmentBoundMs === undefined ? {} : { boundMs: options.enrollmentBoundMs }),
    ...(options.enrollmentTiming ? { timing: options.enrollmentTiming } : {}),
    ...(fake ? { fakeTenant: fake.enrollment } : {}),
  });
  const { enrollment } = bench;
  options.installGate?.set(bench.beforeInstall);
  // Job endings come from the recorder through the composition (the UI hub is output only, never read back).
  const stopEndings = options.onJobEnded?.(bench.jobEnded);
  return {
    service,
    enrollment,
    cartStarting: () => void service.refreshIfDue('before-cart'),
    channels: intuneChannels({
      service,
      enrollment,
      openBrowser: options.openBrowser ?? openWithSystem,
      simulated: options.simulate,
    }),
    close: async () => {
      stopEndings?.();
      options.installGate?.set(undefined);
      service.stopSchedule();
      await bench.close();
      await fake?.close();
    },
  };
}
