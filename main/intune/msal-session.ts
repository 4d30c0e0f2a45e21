/**
 * Sign-in with `@azure/msal-node`'s public-client flow, on the admin's own app registration (tenant ID and
 * client ID; no secret):
 *
 * - authorization code with PKCE in the system browser, redirected to a loopback address
 *   (`acquireTokenInteractive`; the registration's "Mobile and desktop applications" redirect `http://localhost`
 *   accepts any port there);
 * - silent refresh afterwards (`acquireTokenSilent` with the cached account and its refresh token);
 * - device-code sign-in only when asked, because many tenants block it with Conditional Access.
 *
 * The cache goes through {@link TokenCacheFile} (encrypted, owner-only). MSAL's own logging is kept at warnings
 * without personal data; its network client is injectable so tests answer for the token endpoint.
 */
import {
  LogLevel,
  PublicClientApplication,
  type AccountInfo,
  type AuthenticationResult,
  type INetworkModule,
} from '@azure/msal-node';
import type { LogFn } from '../diagnostics/log-fn';
import { scopesFor, type Cloud } from './clouds';
import { IntuneError } from './intune-error';
import type { TokenCacheFile } from './token-cache-file';
import type { AccessToken, TokenSource } from './token-source';

export interface MsalSessionOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly cloud: Cloud;
  readonly cache: TokenCacheFile;
  readonly networkClient?: INetworkModule;
  readonly log?: LogFn;
  /** Delegated permissions to ask for; the read ones unless serial push is on. */
  readonly permissions?: readonly string[];
}

export interface SignedIn {
  readonly username: string;
  readonly expiresAt: number;
}

const SUCCESS_PAGE =
  '<!doctype html><title>Enroll Bench</title><p>Signed in to Intune. You can close this tab and return to Enroll Bench.</p>';
const ERROR_PAGE =
  '<!doctype html><title>Enroll Bench</title><p>The sign-in did not finish. Return to Enroll Bench to see why.</p>';

/** Entra ID error numbers (AADSTS…) the admin can act on. */
const AADSTS: Readonly<
  Record<string, { readonly reason: IntuneError['reason']; readonly title: string; readonly detail: string }>
> = {
  '65001': {
    reason: 'consent-not-granted',
    title: 'Admin consent has not been granted',
    detail:
      'The app registration has not been consented for this tenant. In Entra ID › App registrations › (the app) › API permissions, choose "Grant admin consent", then sign in again.',
  },
  '7000218': {
    reason: 'device-code-blocked',
    title: 'The app registration does not allow public-client sign-in',
    detail:
      'In Entra ID › App registrations › (the app) › Authentication, turn on "Allow public client flows", or sign in with the browser instead of a device code.',
  },
  '50011': {
    reason: 'signed-out',
    title: 'The redirect address is not registered',
    detail:
      'Add the platform "Mobile and desktop applications" with the redirect URI http://localhost to the app registration, then sign in again.',
  },
  '700016': {
    reason: 'signed-out',
    title: 'No such app registration in this tenant',
    detail: 'Check the client (application) ID and the tenant ID in Settings › Intune.',
  },
  '90002': {
    reason: 'signed-out',
    title: 'No such tenant',
    detail: 'Check the tenant ID (a GUID, or the tenant’s domain name) and the cloud.',
  },
};

export function describeMsalError(error: unknown, flow: 'browser' | 'device-code' | 'silent'): IntuneError {
  // Our own refusals (no safe place for the cache) keep their words.
  if (error instanceof IntuneError) return error;
  const e = error as { errorCode?: unknown; errorMessage?: unknown; correlationId?: unknown };
  const message = typeof e.errorMessage === 'string' ? e.errorMessage : '';
  const code = /AADSTS(\d+)/.exec(message)?.[1];
  const ids =
    typeof e.correlationId === 'string' && e.correlationId ? { clientRequestId: e.correlationId } : {};
  const known = code ? AADSTS[code] : undefined;
  if (known) return new IntuneError(known.reason, known.title, `${known.detail} (AADSTS${code})`, ids);
  if (flow === 'silent') {
    return new IntuneError(
      'signed-out',
      'The Intune sign-in has ended',
      'The saved sign-in could not be refreshed (it expired, the password changed, or an admin revoked it). Sign in again.',
      ids,
    );
  }
  if (flow === 'device-code') {
    return new IntuneError(
      'device-code-blocked',
      'Device-code sign-in failed',
      `Many tenants block device-code sign-in with Conditional Access ("authentication flows"). Sign in with the browser instead (connect without --device-code).${code ? ` (AADSTS${code})` : ''}`,
      ids,
    );
  }
  return new IntuneError(
    'signed-out',
    'The Intune sign-in did not finish',
    `The browser sign-in was cancelled or refused${code ? ` (AADSTS${code})` : ''}. Try again; if it keeps failing, check the app registration against the checklist in Settings › Intune.`,
    ids,
  );
}

export class MsalSession implements TokenSource {
  readonly kind = 'sign-in' as const;
  private readonly app: PublicClientApplication;
  private readonly scopes: string[];

  constructor(private readonly options: MsalSessionOptions) {
    const log = options.log;
    this.scopes = scopesFor(options.cloud, options.permissions);
    this.app = new PublicClientApplication({
      auth: {
        clientId: options.clientId,
        authority: `${options.cloud.loginHost}/${options.tenantId}`,
      },
      cache: { cachePlugin: options.cache.plugin() },
      system: {
        ...(options.networkClient ? { networkClient: options.networkClient } : {}),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          // MSAL's messages name flows and error codes; PII logging is off, so no token or user name.
          loggerCallback: (level, message) => {
            if (level <= LogLevel.Warning) log?.('intune.msal', { level: LogLevel[level], message });
          },
        },
      },
    });
  }

  /** Browser sign-in with PKCE; `openBrowser` opens the system browser (shell.openExternal or `open`). */
  async signInInteractive(openBrowser: (url: string) => Promise<void>): Promise<SignedIn> {
    try {
      return this.signedIn(
        await this.app.acquireTokenInteractive({
          scopes: this.scopes,
          openBrowser,
          successTemplate: SUCCESS_PAGE,
          errorTemplate: ERROR_PAGE,
        }),
      );
    } catch (error) {
      throw describeMsalError(error, 'browser');
    }
  }

  /** Device-code sign-in: `show` gets Microsoft's instruction ("go to … and enter the code …"). */
  async signInDeviceCode(show: (message: string) => void): Promise<SignedIn> {
    try {
      const result = await this.app.acquireTokenByDeviceCode({
        scopes: this.scopes,
        deviceCodeCallback: (response) => show(response.message),
      });
      if (!result) throw new Error('no result');
      return this.signedIn(result);
    } catch (error) {
      throw describeMsalError(error, 'device-code');
    }
  }

  private signedIn(result: AuthenticationResult): SignedIn {
    // MSAL can resolve with an empty result when the token endpoint answers oddly: that is not a sign-in.
    if (!result.accessToken) throw new Error('empty token response');
    return { username: result.account?.username ?? '', expiresAt: result.expiresOn?.getTime() ?? 0 };
  }

  private async account(): Promise<AccountInfo | undefined> {
    const accounts = await this.app.getTokenCache().getAllAccounts();
    return accounts[0];
  }

  async signedInAs(): Promise<string | undefined> {
    return (await this.account())?.username;
  }

  /** A valid access token from the cache, refreshed silently when needed. */
  async getToken(): Promise<AccessToken> {
    const account = await this.account();
    if (!account) {
      throw new IntuneError(
        'signed-out',
        'Not signed in to Intune',
        'Sign in first: enroll-bench intune connect, or Settings › Intune.',
      );
    }
    try {
      const result = await this.app.acquireTokenSilent({ account, scopes: this.scopes });
      if (!result.accessToken) throw new Error('empty token response');
      return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? 0 };
    } catch (error) {
      throw describeMsalError(error, 'silent');
    }
  }

  /** Forgets the account and deletes the encrypted cache and its key. */
  async signOut(): Promise<void> {
    const account = await this.account().catch(() => undefined);
    if (account)
      await this.app
        .getTokenCache()
        .removeAccount(account)
        .catch(() => undefined);
    await this.options.cache.remove();
  }
}
