/**
 * The Intune invoke channels over IntuneService. Arguments arrive shape-checked (main/dispatch/validate-intune-args.ts);
 * failures are thrown as IntuneError and become `Result` errors at the dispatcher, in the admin's words.
 * Only status, listings and profile summaries cross to a UI.
 */
import type { IntuneInvokeChannels } from '../../preload/contract';
import type { Result } from '../../preload/domain';
import type { IntuneStatusView } from '../../preload/intune-domain';
import type { EnrollmentService } from './enrollment/enrollment-service';
import type { IntuneService } from './intune-service';
import type { CloudName } from './clouds';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export interface IntuneChannelOptions {
  readonly service: IntuneService;
  /** Issue 25: serial push and enrollment states. */
  readonly enrollment?: EnrollmentService;
  /** Opens this Mac's browser for the sign-in (Electron's shell.openExternal, or `open`). */
  readonly openBrowser: (url: string) => Promise<void>;
  /** `serve --simulate`: "sign in" connects to the fake Intune without a browser. */
  readonly simulated: boolean;
  /** Told after anything that changes the status, so every screen can re-read it. */
  readonly onChanged?: () => void;
}

export function intuneChannels(options: IntuneChannelOptions): IntuneInvokeChannels {
  const { service } = options;
  const changed = async (): Promise<Result<IntuneStatusView>> => {
    options.onChanged?.();
    return ok(await service.status());
  };
  return {
    getIntuneStatus: async () => ok(await service.status()),
    connectIntune: async (req) => {
      if (options.simulated) await service.connectSimulated();
      else {
        await service.connectSignIn({
          tenantId: req.tenantId,
          clientId: req.clientId,
          cloud: req.cloud as CloudName,
          allowUnconfirmedCloud: req.allowUnconfirmedCloud === true,
          openBrowser: options.openBrowser,
        });
      }
      return changed();
    },
    disconnectIntune: async () => {
      await service.disconnect();
      return changed();
    },
    listIntuneProfiles: async () => ok(await service.listProfiles()),
    pullIntuneProfile: async (req) => {
      const result = await service.pull(req.profileId);
      options.onChanged?.();
      return ok({ profile: result.profile, form: result.form, unchanged: result.unchanged });
    },
    setIntuneRefreshDays: async (req) => {
      await service.setRefreshDays(req.days);
      return changed();
    },
    setIntunePushSerials: async (req) => {
      await service.setPushSerials(req.on, options.simulated ? undefined : options.openBrowser);
      return changed();
    },
    getIntuneEnrollments: async () =>
      ok(options.enrollment ? [...(await options.enrollment.columns()).columns.values()] : []),
  };
}
