/**
 * What the bench does when a device's job succeeds (issue 25), as one listener over job views, so the app's
 * hub subscription and the simulated-cart tests run the same code: once per job, when Intune is connected,
 * the serial is pushed (SCEP; ACME was pushed before its install) and watched until Intune shows it. In
 * `serve --simulate` the fake tenant is told first, so the simulated device checks in after its delay.
 */
import type { JobView } from '../../../preload/jobs-domain';
import type { EnrollmentService, ProfileVariantName } from './enrollment-service';

export interface JobFinishedOptions {
  readonly enrollment: Pick<EnrollmentService, 'deviceDone'>;
  readonly connected: () => Promise<boolean>;
  readonly variant: () => ProfileVariantName;
  /** The fake tenant (simulator only): told that a simulated device finished. */
  readonly fakeTenant?: { deviceFinished(serial: string): void };
  readonly log?: (event: string, detail?: unknown) => void;
}

/** The returned listener gives back the push it started (never rejects), so a closing run can wait for it. */
export function onJobFinished(options: JobFinishedOptions): (job: JobView) => Promise<void> | undefined {
  const seen = new Set<string>();
  return (job) => {
    if (job.phase !== 'succeeded' || !job.serialNumber || seen.has(job.jobId)) return undefined;
    seen.add(job.jobId);
    const serial = job.serialNumber;
    return (async () => {
      if (!(await options.connected())) return;
      options.fakeTenant?.deviceFinished(serial);
      await options.enrollment.deviceDone(serial, options.variant(), job.endedAt);
    })().catch((error: unknown) => options.log?.('intune.device-done-failed', { error }));
  };
}
