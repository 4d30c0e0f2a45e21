/**
 * Intune as one service the CLI and the app share: connect (browser sign-in, device code, a script's token
 * file, or the simulator), list the Apple Configurator profiles, pull one through the very same checks as a
 * dropped file, and keep it fresh.
 *
 * Freshness rule: with a profile picked, the bench re-pulls when the current Intune copy is `refreshDays` old
 * (default 7) or missing, at most once an hour; `refreshIfDue('before-cart')` is the same check run before a
 * cart starts. A pull whose bytes equal the current file keeps the earlier fetch's age (ProfileService keeps
 * the earliest import time for the same sha256). A failed refresh never touches the current profile: it is
 * recorded and shown as a banner with the reason and the old copy's days left. The run gate itself stays in
 * ProfileService.canStartRun, which refuses an expired profile whatever its source.
 */
import type { ProfileSummary } from '../../preload/domain';
import type { IntuneStatusView } from '../../preload/intune-domain';
import type { LogFn } from '../diagnostics/log-fn';
import type { ImportRequest } from '../profiles/profile-service';
import { sanitizeText } from '../text/sanitize-text';
import { chooseCipher, type CacheCipher } from './cache-cipher';
import { CLOUDS, graphRootFor, PUSH_PERMISSIONS, type CloudName } from './clouds';
import { decodeExport, type ExportForm } from './decode-export';
import { GraphClient } from './graph-client';
import { IntuneApi, type IntuneProfileListing } from './intune-api';
import {
  DEFAULT_REFRESH_DAYS,
  IntuneConfigStore,
  REFRESH_DAYS_RANGE,
  type IntuneConfig,
} from './intune-config';
import { IntuneError } from './intune-error';
import { MsalSession, type SignedIn } from './msal-session';
import { TokenCacheFile } from './token-cache-file';
import { TokenFileSource } from './token-file';
import type { TokenSource } from './token-source';
import type { INetworkModule } from '@azure/msal-node';

/** The slice of ProfileService the pull needs. */
export interface ProfileSink {
  importBytes(request: ImportRequest): Promise<ProfileSummary>;
  current(): ProfileSummary | null;
}

export interface IntuneServiceOptions {
  readonly dataDir: string;
  readonly profiles: ProfileSink;
  readonly env?: NodeJS.ProcessEnv;
  readonly now?: () => number;
  readonly log?: LogFn;
  readonly cipher?: CacheCipher;
  readonly networkClient?: INetworkModule;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Simulator: Graph root of the fake and the token it accepts. Kept in memory and a separate file. */
  readonly simulated?: { readonly graphRoot: string; readonly token: string };
}

/** The status every UI and `intune status --json` show (never a token). */
export type IntuneStatus = IntuneStatusView;

export interface PullResult {
  readonly profile: ProfileSummary;
  readonly form: ExportForm;
  /** The bytes equal the current file's: the age still counts from the earlier fetch. */
  readonly unchanged: boolean;
  readonly listing: IntuneProfileListing;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const ID = /^[A-Za-z0-9._-]{1,200}$/;

export class IntuneService {
  private readonly store: IntuneConfigStore;
  private readonly now: () => number;
  private readonly env: NodeJS.ProcessEnv;
  private timer: NodeJS.Timeout | undefined;
  private pulling: Promise<PullResult> | undefined;

  constructor(private readonly options: IntuneServiceOptions) {
    this.store = new IntuneConfigStore(
      options.dataDir,
      options.simulated ? 'connection.sim.json' : undefined,
    );
    this.now = options.now ?? Date.now;
    this.env = options.env ?? process.env;
  }

  private log(event: string, detail?: unknown): void {
    this.options.log?.(event, detail);
  }

  private cache(): TokenCacheFile {
    return new TokenCacheFile(this.options.dataDir, this.options.cipher ?? chooseCipher({}));
  }

  private session(config: IntuneConfig): MsalSession {
    if (!config.tenantId || !config.clientId) throw notConnected();
    return new MsalSession({
      tenantId: config.tenantId,
      clientId: config.clientId,
      cloud: CLOUDS[config.cloud],
      cache: this.cache(),
      ...(config.pushSerials ? { permissions: PUSH_PERMISSIONS } : {}),
      ...(this.options.networkClient ? { networkClient: this.options.networkClient } : {}),
      ...(this.options.log ? { log: this.options.log } : {}),
    });
  }

  private tokenSource(config: IntuneConfig): TokenSource {
    switch (config.mode) {
      case 'token-file':
        if (!config.tokenFile) throw notConnected();
        return new TokenFileSource(config.tokenFile, this.now);
      case 'sign-in':
        return this.session(config);
      case 'simulated': {
        const token = this.options.simulated?.token;
        if (!token) throw notConnected();
        return { kind: 'simulated', getToken: async () => ({ token, expiresAt: this.now() + HOUR_MS }) };
      }
    }
  }

  private api(config: IntuneConfig): IntuneApi {
    return new IntuneApi(this.graphClient(config));
  }

  private graphClient(config: IntuneConfig): GraphClient {
    const source = this.tokenSource(config);
    const root = this.options.simulated?.graphRoot ?? graphRootFor(CLOUDS[config.cloud], this.env);
    return new GraphClient({
      root,
      getToken: async () => (await source.getToken()).token,
      ...(this.options.fetch ? { fetch: this.options.fetch } : {}),
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      onAttempt: (a) => this.log('intune.graph', a),
    });
  }

  /**
   * For serial push and enrollment checks (./enrollment/): a Graph client on the current connection, the
   * tenant's account id (the pseudo depOnboardingSetting id) and the picked profile's id.
   */
  async connection(): Promise<{
    readonly graph: GraphClient;
    readonly accountId: string;
    readonly config: IntuneConfig;
  }> {
    const config = await this.config();
    const graph = this.graphClient(config);
    const accountId = config.accountId ?? (await new IntuneApi(graph).accountId());
    if (accountId !== config.accountId) await this.store.save({ ...config, accountId });
    return { graph, accountId, config: { ...config, accountId } };
  }

  /** Whether serials are pushed (issue 25); false when not connected. */
  async pushSerials(): Promise<boolean> {
    return (await this.store.load())?.pushSerials === true;
  }

  /**
   * Turns serial push on or off. Turning it on with a browser sign-in asks for
   * DeviceManagementServiceConfig.ReadWrite.All incrementally (a new consent in the browser).
   */
  async setPushSerials(on: boolean, openBrowser?: (url: string) => Promise<void>): Promise<void> {
    const config = await this.config();
    const next = { ...config, pushSerials: on };
    if (on && config.mode === 'sign-in' && !config.pushSerials) {
      if (!openBrowser)
        throw new IntuneError(
          'missing-scope',
          'Serial push needs one more permission',
          'Turning it on asks for DeviceManagementServiceConfig.ReadWrite.All in the browser: use Settings › Intune on this Mac, or run the command where a browser can open.',
        );
      await this.session(next).signInInteractive(openBrowser);
    }
    await this.store.save(next);
    this.log('intune.push-serials', { on });
  }

  private async config(): Promise<IntuneConfig> {
    const config = await this.store.load();
    if (!config) throw notConnected();
    return config;
  }

  /** `--token-file`: checks the token now and says when it expires; the token itself is never copied. */
  async connectTokenFile(
    file: string,
    cloud: CloudName = 'global',
  ): Promise<{ expiresAt: number; warning?: string }> {
    const check = await new TokenFileSource(file, this.now).check();
    await this.replace({ mode: 'token-file', cloud, tokenFile: file });
    this.log('intune.connected', { mode: 'token-file', expiresAt: new Date(check.expiresAt).toISOString() });
    return check;
  }

  /** The simulator's connection (`serve --simulate`): no sign-in, the fake accepts the simulated token. */
  async connectSimulated(): Promise<void> {
    if (!this.options.simulated) throw new Error('not a simulated Intune service');
    await this.replace({ mode: 'simulated', cloud: 'global', account: 'admin@fake-intune.invalid' });
  }

  async connectSignIn(request: {
    readonly tenantId: string;
    readonly clientId: string;
    readonly cloud?: CloudName;
    readonly allowUnconfirmedCloud?: boolean;
    readonly deviceCode?: { readonly show: (message: string) => void };
    readonly openBrowser?: (url: string) => Promise<void>;
  }): Promise<SignedIn> {
    const cloud = CLOUDS[request.cloud ?? 'global'];
    if (!cloud.confirmed && !request.allowUnconfirmedCloud) {
      throw new IntuneError(
        'cloud-unconfirmed',
        `${cloud.label} is not confirmed yet`,
        `Nobody has yet confirmed that the Apple Configurator endpoints (Graph beta) answer in ${cloud.label}. To try anyway, connect again with --try-unconfirmed-cloud, and report what happens.`,
      );
    }
    for (const [name, value] of [
      ['tenant ID', request.tenantId],
      ['client ID', request.clientId],
    ] as const) {
      if (!ID.test(value))
        throw new IntuneError(
          'signed-out',
          `The ${name} is not valid`,
          `Enter the ${name} from the app registration's Overview page (a GUID; the tenant may also be its domain name).`,
        );
    }
    const config: IntuneConfig = {
      mode: 'sign-in',
      cloud: cloud.name,
      tenantId: request.tenantId,
      clientId: request.clientId,
    };
    const session = this.session(config);
    let signed: SignedIn;
    if (request.deviceCode) signed = await session.signInDeviceCode(request.deviceCode.show);
    else if (request.openBrowser) signed = await session.signInInteractive(request.openBrowser);
    else throw new Error('connectSignIn needs openBrowser or deviceCode');
    await this.replace({ ...config, account: sanitizeText(signed.username) });
    this.log('intune.connected', { mode: 'sign-in', cloud: cloud.name });
    return signed;
  }

  /** A new connection keeps the picked profile and schedule only when it is the same kind of connection. */
  private async replace(next: IntuneConfig): Promise<void> {
    const old = await this.store.load();
    const keep =
      old && old.cloud === next.cloud
        ? { selected: old.selected, refreshDays: old.refreshDays, lastPull: old.lastPull }
        : {};
    await this.store.save({ ...keep, ...next });
  }

  async disconnect(): Promise<void> {
    this.stopSchedule();
    const config = await this.store.load();
    if (config?.mode === 'sign-in' && config.tenantId && config.clientId)
      await this.session(config).signOut();
    // The simulator never touches the real sign-in cache; any other disconnect leaves none behind.
    else if (!this.options.simulated)
      await this.cache()
        .remove()
        .catch(() => undefined);
    await this.store.remove();
    this.log('intune.disconnected');
  }

  async setRefreshDays(days: number): Promise<void> {
    if (!Number.isInteger(days) || days < REFRESH_DAYS_RANGE.min || days > REFRESH_DAYS_RANGE.max) {
      throw new IntuneError(
        'signed-out',
        'Refresh interval out of range',
        `Choose from ${REFRESH_DAYS_RANGE.min} to ${REFRESH_DAYS_RANGE.max} days: Intune's file lasts 14.`,
      );
    }
    await this.store.save({ ...(await this.config()), refreshDays: days });
  }

  async status(): Promise<IntuneStatus> {
    const config = await this.store.load();
    if (!config) return { connected: false, refreshDays: DEFAULT_REFRESH_DAYS };
    const refreshDays = config.refreshDays ?? DEFAULT_REFRESH_DAYS;
    let tokenExpiresAt: number | undefined;
    let tokenProblem: string | undefined;
    if (config.mode === 'token-file' && config.tokenFile) {
      try {
        tokenExpiresAt = (await new TokenFileSource(config.tokenFile, this.now).getToken()).expiresAt;
      } catch (error) {
        tokenProblem =
          error instanceof IntuneError
            ? `${error.info.title}. ${error.info.detail}`
            : 'The token file cannot be read.';
      }
    }
    const banner =
      config.lastFailure && (!config.lastPull || config.lastPull.at < config.lastFailure.at)
        ? this.bannerOf(config.lastFailure)
        : undefined;
    return {
      connected: true,
      mode: config.mode,
      cloud: config.cloud,
      tenantId: config.tenantId,
      clientId: config.clientId,
      account: config.account,
      tokenExpiresAt,
      tokenProblem,
      protection: config.mode === 'sign-in' ? this.cache().description : undefined,
      selected: config.selected,
      refreshDays,
      lastPull: config.lastPull,
      nextRefreshAt: config.selected ? this.dueAt(config) : undefined,
      banner,
      pushSerials: config.pushSerials === true,
    };
  }

  private bannerOf(failure: NonNullable<IntuneConfig['lastFailure']>): IntuneStatus['banner'] {
    const current = this.options.profiles.current();
    const left = current?.age
      ? current.age.state === 'expired'
        ? 'The current copy has EXPIRED: runs are refused until a pull succeeds or a fresh file is imported.'
        : `The current copy is kept and has ${current.age.daysLeft} day${current.age.daysLeft === 1 ? '' : 's'} left.`
      : 'There is no current copy.';
    return {
      title: `Refreshing the Intune profile failed: ${failure.title}`,
      detail: `${failure.detail} ${left}`,
      at: failure.at,
    };
  }

  async listProfiles(): Promise<IntuneProfileListing[]> {
    const config = await this.config();
    const api = this.api(config);
    const accountId = await api.accountId();
    if (accountId !== config.accountId) await this.store.save({ ...config, accountId });
    return api.listProfiles(accountId);
  }

  /** Pulls `choice` (an id or a name; default the picked one, or the only usable one) and imports it. */
  pull(choice?: string): Promise<PullResult> {
    // One pull at a time: a scheduled refresh and a click do not race each other.
    this.pulling ??= this.pullNow(choice).finally(() => (this.pulling = undefined));
    return this.pulling;
  }

  private async pullNow(choice?: string): Promise<PullResult> {
    const config = await this.config();
    const startedAt = this.now();
    try {
      const result = await this.pullWith(config, choice);
      const latest = (await this.store.load()) ?? config;
      await this.store.save({
        ...latest,
        selected: { id: result.listing.id, name: result.listing.name },
        lastAttemptAt: startedAt,
        lastPull: {
          at: this.now(),
          form: result.form,
          sha256: result.profile.sha256,
          unchanged: result.unchanged,
        },
        lastFailure: undefined,
      });
      this.log('intune.pulled', {
        profileId: result.listing.id,
        form: result.form,
        sha256: result.profile.sha256,
        unchanged: result.unchanged,
        verdict: result.profile.verdict,
      });
      return result;
    } catch (error) {
      const info = error instanceof IntuneError ? error : undefined;
      const latest = (await this.store.load()) ?? config;
      await this.store.save({
        ...latest,
        lastAttemptAt: startedAt,
        lastFailure: {
          at: this.now(),
          reason: info?.reason ?? 'unknown',
          title: info?.info.title ?? 'Something went wrong',
          detail: info?.info.detail ?? 'The diagnostics log has the details.',
        },
      });
      this.log('intune.pull-failed', { reason: info?.reason ?? 'unknown', title: info?.info.title });
      throw error;
    }
  }

  private async pullWith(config: IntuneConfig, choice: string | undefined): Promise<PullResult> {
    const api = this.api(config);
    const accountId = await api.accountId();
    const listings = await api.listProfiles(accountId);
    const listing = pick(listings, choice ?? config.selected?.id);
    if (listing.refusal)
      throw new IntuneError(
        'user-affinity',
        `"${listing.name}" cannot be used for direct enrollment`,
        listing.refusal,
      );
    const decoded = decodeExport(await api.exportMobileConfig(accountId, listing));
    const before = this.options.profiles.current();
    const profile = await this.options.profiles.importBytes({
      fileName: `${fileNameOf(listing.name)}.mobileconfig`,
      bytes: decoded.bytes,
      source: 'intune',
      origin: { kind: 'intune', profileName: listing.name, profileId: listing.id, fetchedAt: this.now() },
    });
    if (profile.verdict === 'unusable') {
      const why = profile.findings.find((f) => f.severity === 'error')?.message ?? profile.headline;
      throw new IntuneError(
        'refused-profile',
        `The profile from Intune was refused`,
        `${why} Nothing was replaced; the current profile stays.`,
      );
    }
    return { profile, form: decoded.form, unchanged: before?.sha256 === profile.sha256, listing };
  }

  private dueAt(config: IntuneConfig): number {
    const refreshMs = (config.refreshDays ?? DEFAULT_REFRESH_DAYS) * DAY_MS;
    const current = this.options.profiles.current();
    const fromIntune = current?.origin?.kind === 'intune' && current.origin.profileId === config.selected?.id;
    // The age of the copy, not the time of the last call: unchanged bytes keep their earlier fetch's age.
    const base = fromIntune && current?.age ? current.age.countedFromAt + refreshMs : 0;
    // At most one automatic try an hour: a failing Intune, or one that keeps handing out the same (ageing)
    // file, is not asked on every check.
    return Math.max(base, (config.lastAttemptAt ?? 0) + HOUR_MS);
  }

  /** The schedule's and the cart's check: pulls when due; never throws (a failure becomes the banner). */
  async refreshIfDue(
    trigger: 'schedule' | 'before-cart' | 'command',
  ): Promise<{ readonly pulled: boolean; readonly result?: PullResult; readonly error?: IntuneError }> {
    const config = await this.store.load();
    if (!config?.selected) return { pulled: false };
    if (this.now() < this.dueAt(config)) return { pulled: false };
    this.log('intune.refresh', { trigger });
    try {
      return { pulled: true, result: await this.pull() };
    } catch (error) {
      return {
        pulled: false,
        error:
          error instanceof IntuneError
            ? error
            : new IntuneError('unknown', 'The refresh failed', 'The diagnostics log has the details.'),
      };
    }
  }

  /** Checks hourly whether a refresh is due. The timer does not keep the process alive. */
  startSchedule(everyMs = HOUR_MS): void {
    this.stopSchedule();
    this.timer = setInterval(() => void this.refreshIfDue('schedule'), everyMs);
    this.timer.unref();
  }

  stopSchedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

function notConnected(): IntuneError {
  return new IntuneError(
    'signed-out',
    'Intune is not connected',
    'Connect first: enroll-bench intune connect, or Settings › Intune.',
  );
}

function pick(listings: readonly IntuneProfileListing[], choice: string | undefined): IntuneProfileListing {
  if (choice !== undefined) {
    const byId = listings.find((l) => l.id === choice);
    const byName = listings.filter((l) => l.name.toLowerCase() === choice.toLowerCase());
    const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (found) return found;
    throw new IntuneError(
      byName.length > 1 ? 'not-found' : 'profile-deleted',
      byName.length > 1 ? 'Several Intune profiles have that name' : 'No such profile in Intune',
      byName.length > 1
        ? `Pick it by id instead (enroll-bench intune profiles lists them).`
        : `"${sanitizeText(choice)}" is not among the tenant's Apple Configurator profiles (it may have been deleted or renamed). Pick one from enroll-bench intune profiles.`,
    );
  }
  const usable = listings.filter((l) => !l.refusal);
  if (usable.length === 1 && usable[0]) return usable[0];
  throw new IntuneError(
    'not-found',
    usable.length ? 'Pick a profile first' : 'No usable profile in Intune',
    usable.length
      ? `The tenant has ${usable.length} profiles without user affinity; name one with --profile (enroll-bench intune profiles lists them).`
      : 'Create an Apple Configurator profile without user affinity in the Intune admin center (Devices › Enrollment › Apple › Apple Configurator › Profiles).',
  );
}

function fileNameOf(name: string): string {
  return (
    name
      .replace(/[^A-Za-z0-9 ._()-]+/g, '-')
      .replace(/^[.\s-]+/, '')
      .slice(0, 80) || 'Intune profile'
  );
}
