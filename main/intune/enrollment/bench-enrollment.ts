/**
 * Issue 25 as every entry point joins it (the app and `serve` through ../intune-area.ts, `enroll-bench run`
 * through main/app/run-session.ts): the enrollment service started on the data folder's journal, the
 * install step's hook (an ACME serial is pushed before the install) and the listener for job endings (the
 * recorder's `onJobEnded` from the one composition, never the UI hub). With Intune not connected, or serial
 * push off, both do nothing; the service decides the rest (ACME before, SCEP after, then watch).
 */
import type { JobView } from '../../../preload/jobs-domain';
import type { IntuneEnrollmentView } from '../../../preload/intune-domain';
import type { LogFn } from '../../diagnostics/log-fn';
import type { IntuneService } from '../intune-service';
import { EnrollmentService, type ProfileVariantName } from './enrollment-service';
import type { BeforeInstall } from './install-gate';
import { onJobFinished } from './job-finished';

/** The slice of IntuneService the bench's enrollment needs (tests: a fake tenant's). */
export type EnrollmentIntune = Pick<IntuneService, 'connection' | 'pushSerials'> & {
  status(): Promise<{ readonly connected: boolean }>;
};

export interface BenchEnrollmentOptions {
  readonly dataDir: string;
  readonly intune: EnrollmentIntune;
  /** The picked profile's variant (ACME pushes before the install, SCEP after). */
  readonly variant: () => ProfileVariantName;
  readonly log: LogFn;
  readonly now?: () => number;
  /** Told each serial's new Intune state (the `intuneEnrollmentChanged` event in the app). */
  readonly announce?: (enrollment: IntuneEnrollmentView) => void;
  /** How long to watch for a finished device to enroll (default 30 min). */
  readonly boundMs?: number;
  /** Tests: the first wait after a device is done (default 30 s) and the watcher's turn (default 5 s). */
  readonly timing?: { readonly firstWaitMs: number; readonly pollMs: number };
  /** The fake tenant (simulator only): told that a simulated device finished. */
  readonly fakeTenant?: { deviceFinished(serial: string): void };
}

export interface BenchEnrollment {
  readonly enrollment: EnrollmentService;
  /** For the composition's profile source: runs before each enrollment-profile install. */
  readonly beforeInstall: BeforeInstall;
  /** For the composition's `onJobEnded`: a succeeded job's serial is pushed (SCEP) and watched. */
  readonly jobEnded: (job: JobView) => void;
  close(): Promise<void>;
}

export async function startBenchEnrollment(options: BenchEnrollmentOptions): Promise<BenchEnrollment> {
  const enrollment = new EnrollmentService({
    dataDir: options.dataDir,
    intune: options.intune,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
    ...(options.boundMs === undefined ? {} : { boundMs: options.boundMs }),
    ...(options.timing ? { firstWaitMs: options.timing.firstWaitMs } : {}),
    ...(options.announce ? { onChange: options.announce } : {}),
  });
  const connected = async (): Promise<boolean> => (await options.intune.status()).connected;
  await enrollment
    .start(options.timing?.pollMs)
    .catch((error: unknown) => options.log('intune.enrollment-start-failed', { error }));
  const finished = onJobFinished({
    enrollment,
    connected,
    variant: options.variant,
    ...(options.fakeTenant ? { fakeTenant: options.fakeTenant } : {}),
    log: options.log,
  });
  // Pushes under way when the bench closes are finished first (a run that ends with its last device).
  const pending = new Set<Promise<void>>();
  return {
    enrollment,
    beforeInstall: async (serial) => {
      if (await connected()) await enrollment.beforeInstall(serial, options.variant());
    },
    jobEnded: (job) => {
      const push = finished(job);
      if (!push) return;
      pending.add(push);
      void push.finally(() => pending.delete(push));
    },
    close: async () => {
      await Promise.all([...pending]);
      await enrollment.close();
    },
  };
}
