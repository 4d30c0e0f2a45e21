/**
 * The before-a-cart check for entry points that do not compose the whole bench (`enroll-bench run`): when
 * Intune is connected and the picked profile's copy is due, pull it before the gate is asked. Never throws: a
 * failed refresh is told to the operator with the kept copy's days left, and the gate (which refuses an expired
 * profile) decides as always.
 */
import type { LogFn } from '../diagnostics/log-fn';
import { IntuneService, type ProfileSink } from './intune-service';

export async function refreshBeforeCart(options: {
  readonly dataDir: string;
  readonly profiles: ProfileSink;
  readonly note: (text: string) => void;
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: LogFn;
}): Promise<void> {
  const service = new IntuneService({
    dataDir: options.dataDir,
    profiles: options.profiles,
    ...(options.env ? { env: options.env } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const outcome = await service
    .refreshIfDue('before-cart')
    .catch(() => ({ pulled: false as const, error: undefined }));
  if (outcome.pulled)
    options.note('Pulled a fresh copy of the enrollment profile from Intune before the cart.');
  if (outcome.error) {
    const banner = (await service.status()).banner;
    options.note(
      banner
        ? `${banner.title}. ${banner.detail}`
        : `${outcome.error.info.title}. ${outcome.error.info.detail}`,
    );
  }
}
