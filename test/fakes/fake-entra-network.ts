/**
 * A fake Entra ID token service behind MSAL's injectable network client (`system.networkClient`): answers the
 * authority's discovery documents and the token endpoint, and records every call, so sign-in, silent refresh
 * and device code run for real inside MSAL without any network.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface FakeEntraOptions {
  readonly tenantId: string;
  readonly clientId: string;
  readonly loginHost?: string;
  /** Error body for every token request (an AADSTS error), when set. */
  readonly tokenError?: { readonly error: string; readonly error_description: string };
  readonly expiresInSeconds?: number;
}

export interface FakeEntraCall {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly body?: string;
}

export class FakeEntraNetwork implements INetworkModule {
  readonly calls: FakeEntraCall[] = [];
  /** Access tokens issued, newest last. */
  readonly issued: string[] = [];
  private readonly host: string;
  tokenError: FakeEntraOptions['tokenError'];

  constructor(private readonly options: FakeEntraOptions) {
    this.host = options.loginHost ?? 'https://login.microsoftonline.com';
    this.tokenError = options.tokenError;
  }

  private get authority(): string {
    return `${this.host}/${this.options.tenantId}`;
  }

  async sendGetRequestAsync<T>(url: string, _options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    this.calls.push({ method: 'GET', url });
    if (url.includes('/discovery/instance')) {
      const host = new URL(this.host).host;
      return ok({
        tenant_discovery_endpoint: `${this.authority}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
      } as T);
    }
    if (url.includes('openid-configuration')) {
      return ok({
        token_endpoint: `${this.authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${this.authority}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${this.authority}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${this.authority}/oauth2/v2.0/logout`,
        issuer: `${this.host}/${this.options.tenantId}/v2.0`,
        jwks_uri: `${this.authority}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      } as T);
    }
    return { status: 404, headers: {}, body: {} as T };
  }

  async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    this.calls.push({ method: 'POST', url, body: options?.body });
    const path = new URL(url).pathname;
    if (path.endsWith('/devicecode')) {
      return ok({
        device_code: 'fake-device-code',
        user_code: 'FAKE-CODE',
        verification_uri: 'https://microsoft.com/devicelogin',
        expires_in: 900,
        interval: 1,
        message:
          'To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code FAKE-CODE to authenticate.',
      } as T);
    }
    if (!path.endsWith('/token')) return { status: 404, headers: {}, body: {} as T };
    if (this.tokenError) {
      return {
        status: 400,
        headers: {},
        body: { ...this.tokenError, error_codes: [], correlation_id: 'corr-1' } as T,
      };
    }
    const now = Math.floor(Date.now() / 1000);
    const access = `fake-access-token-${this.issued.length + 1}-${Math.random().toString(36).slice(2)}`;
    this.issued.push(access);
    const oid = '00000000-0000-4000-8000-0000000000aa';
    const idToken = [
      b64url({ alg: 'none', typ: 'JWT' }),
      b64url({
        aud: this.options.clientId,
        iss: `${this.host}/${this.options.tenantId}/v2.0`,
        tid: this.options.tenantId,
        oid,
        sub: 'subject-1',
        preferred_username: 'admin@contoso.example',
        name: 'Contoso Admin',
        iat: now,
        nbf: now,
        exp: now + 3600,
      }),
      'sig',
    ].join('.');
    return ok({
      token_type: 'Bearer',
      scope:
        'https://graph.microsoft.com/DeviceManagementServiceConfig.Read.All https://graph.microsoft.com/DeviceManagementManagedDevices.Read.All',
      expires_in: this.options.expiresInSeconds ?? 3600,
      ext_expires_in: this.options.expiresInSeconds ?? 3600,
      access_token: access,
      refresh_token: `fake-refresh-token-${this.issued.length}`,
      id_token: idToken,
      client_info: b64url({ uid: oid, utid: this.options.tenantId }),
    } as T);
  }
}

function ok<T>(body: T): NetworkResponse<T> {
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}
