/**
 * The Intune area as the app composes it (createBench): the service, its channels, the hourly refresh check,
 * the check before a cart (when the bench is armed), and in `serve --simulate` a fake Intune on loopback so
 * the whole flow can be seen in a browser without a tenant.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { IntuneInvokeChannels } from '../../preload/contract';
import type { LogFn } from '../diagnostics/log-fn';
import { FakeIntune } from '../sim/intune/fake-intune';
import { chooseCipher, type SafeStorageLike } from './cache-cipher';
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
}

export interface IntuneArea {
  readonly service: IntuneService;
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
  return {
    service,
    cartStarting: () => void service.refreshIfDue('before-cart'),
    channels: intuneChannels({
      service,
      openBrowser: options.openBrowser ?? openWithSystem,
      simulated: options.simulate,
    }),
    close: async () => {
      service.stopSchedule();
      await fake?.close();
    },
  };
}
