/**
 * A stateful fake of the Intune Graph endpoints the bench uses, on loopback only, for tests and for
 * `serve --simulate`. Shapes follow the public Graph beta reference (deviceManagement, enrollmentProfile,
 * exportMobileConfig) and Intune's real error bodies as seen in public reports (a 403 whose message is a JSON
 * text carrying "Application must have one of the following scopes: …" and an Activity ID).
 *
 * What real Intune does is not all known, so the unknowns are switches: the export form (`xml`, `base64-xml`,
 * `base64-signed`) per profile, and whether each export mints a fresh file (`freshFilePerCall`; default off,
 * the cautious answer: the bench must not take a re-download for a new two weeks).
 *
 * Faults are scripted: `fail(kind, { times, match })` makes the next matching requests fail that way.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { build, type PlistValue } from 'plist';
import { FakeEnrollment, serialFromFilter } from './fake-enrollment';

export type ExportFormChoice = 'xml' | 'base64-xml' | 'base64-signed';

export interface FakeProfile {
  /** The GUID part; the Graph id is `<accountId>_<guid>`. */
  readonly guid: string;
  displayName: string;
  description: string;
  requiresUserAuthentication: boolean;
  exportForm: ExportFormChoice;
  variant: 'scep' | 'acme';
}

export type FakeFault =
  | 'unauthorized'
  | 'missing-scope'
  | 'missing-role'
  | 'no-licence'
  | 'throttle'
  | 'throttle-no-retry-after'
  | 'unavailable'
  | 'server-error'
  | 'malformed-json'
  | 'missing-field'
  | 'delete-before-export'
  // Enrollment (./fake-enrollment.ts): inside a 200 `$batch`, one answer is 429 or 500; a filter ignored.
  | 'batch-throttle'
  | 'batch-partial-failure'
  | 'filter-ignored';

type EnrollmentFault = 'batch-throttle' | 'batch-partial-failure' | 'filter-ignored';
const isEnrollmentFault = (f: FakeFault): f is EnrollmentFault =>
  f === 'batch-throttle' || f === 'batch-partial-failure' || f === 'filter-ignored';

export interface FakeIntuneOptions {
  readonly accountId?: string;
  readonly tenantId?: string;
  /** Items per page of a list (forces `@odata.nextLink`). */
  readonly pageSize?: number;
  /** Bearer tokens accepted; empty = any non-empty bearer. */
  readonly tokens?: readonly string[];
  readonly freshFilePerCall?: boolean;
  /** Signs profile bytes (CMS SignedData, DER) for the `base64-signed` form. */
  readonly sign?: (bytes: Uint8Array) => Promise<Uint8Array>;
  readonly retryAfterSeconds?: number;
}

interface ScriptedFault {
  readonly kind: FakeFault;
  remaining: number;
  readonly match?: string;
}

export interface FakeRequest {
  readonly path: string;
  readonly status: number;
  readonly clientRequestId?: string;
  readonly authorization?: string;
}

const GUID_TAIL = (n: number): string => `0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export class FakeIntune {
  readonly accountId: string;
  readonly tenantId: string;
  readonly profiles: FakeProfile[] = [];
  readonly requests: FakeRequest[] = [];
  private readonly options: FakeIntuneOptions;
  private readonly tokens: Set<string>;
  private faults: ScriptedFault[] = [];
  /** Imported identities and managed devices. */
  readonly enrollment = new FakeEnrollment();
  private exports = 0;
  private server?: Server;

  constructor(options: FakeIntuneOptions = {}) {
    this.options = options;
    this.accountId = options.accountId ?? '3f1c7a2e-5b4d-4e8f-9a0b-1c2d3e4f5a6b';
    this.tenantId = options.tenantId ?? '72f988bf-0000-4000-8000-000000000001';
    this.tokens = new Set(options.tokens ?? []);
  }

  /** The shipped set: two direct-enrollment profiles (SCEP, ACME) and one with user affinity. */
  static withShippedProfiles(options: FakeIntuneOptions = {}): FakeIntune {
    const fake = new FakeIntune(options);
    fake.addProfile({ displayName: 'iPad carts (SCEP)', description: 'Direct enrollment, shared carts' });
    fake.addProfile({ displayName: 'Loaner iPhones (ACME)', variant: 'acme', exportForm: 'base64-xml' });
    fake.addProfile({
      displayName: 'Staff iPhones (with user)',
      description: 'Setup Assistant with Company Portal',
      requiresUserAuthentication: true,
    });
    return fake;
  }

  addProfile(p: Partial<FakeProfile> & { readonly displayName: string }): FakeProfile {
    const profile: FakeProfile = {
      guid: p.guid ?? `a1b2c3d4-${GUID_TAIL(this.profiles.length + 1)}`,
      displayName: p.displayName,
      description: p.description ?? '',
      requiresUserAuthentication: p.requiresUserAuthentication ?? false,
      exportForm: p.exportForm ?? 'xml',
      variant: p.variant ?? 'scep',
    };
    this.profiles.push(profile);
    return profile;
  }

  graphId(profile: FakeProfile): string {
    return `${this.accountId}_${profile.guid}`;
  }

  deleteProfile(graphId: string): void {
    const i = this.profiles.findIndex((p) => this.graphId(p) === graphId);
    if (i >= 0) this.profiles.splice(i, 1);
  }

  acceptToken(token: string): void {
    this.tokens.add(token);
  }

  /** The next `times` requests whose path contains `match` (any request without it) fail as `kind`. */
  fail(kind: FakeFault, opts: { readonly times?: number; readonly match?: string } = {}): void {
    this.faults.push({ kind, remaining: opts.times ?? 1, match: opts.match });
  }

  clearFaults(): void {
    this.faults = [];
  }

  async listen(port = 0): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null | undefined;
    if (!address) throw new Error('the fake Intune is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.enrollment.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private takeFault(path: string): FakeFault | undefined {
    const fault = this.faults.find(
      (f) => f.remaining > 0 && (f.match === undefined || path.includes(f.match)),
    );
    if (!fault) return undefined;
    fault.remaining--;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault.kind;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const clientRequestId = header(req, 'client-request-id');
    const requestId = randomUUID();
    const send = (status: number, body: unknown, extra: Record<string, string> = {}): void => {
      this.requests.push({
        path: url.pathname,
        status,
        clientRequestId,
        authorization: header(req, 'authorization'),
      });
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}),
        ...extra,
      });
      res.end(text);
    };
    const bearer = /^Bearer (.+)$/.exec(header(req, 'authorization') ?? '')?.[1];
    if (!bearer || (this.tokens.size > 0 && !this.tokens.has(bearer))) {
      return send(
        401,
        graphError(
          'InvalidAuthenticationToken',
          'Access token validation failure.',
          requestId,
          clientRequestId,
        ),
      );
    }
    if (req.method !== 'GET' && req.method !== 'POST')
      return send(405, graphError('BadRequest', 'Only GET and POST are faked.', requestId, clientRequestId));
    const fault = this.takeFault(url.pathname);
    if (fault && fault !== 'delete-before-export' && fault !== 'missing-field' && !isEnrollmentFault(fault)) {
      return this.sendFault(fault, send, requestId, clientRequestId);
    }
    const enrollment = await this.enrollmentRoute(req, url, fault);
    if (enrollment) return send(enrollment.status, enrollment.body);
    if (req.method !== 'GET')
      return send(405, graphError('BadRequest', 'Only GET is faked here.', requestId, clientRequestId));
    const route = this.route(url.pathname);
    if (!route)
      return send(404, graphError('ResourceNotFound', 'Resource not found', requestId, clientRequestId));
    if (route.kind === 'deviceManagement') {
      const body: Record<string, unknown> = {
        '@odata.context': `${this.url}/beta/$metadata#deviceManagement`,
        id: this.accountId,
        intuneAccountId: this.accountId,
        subscriptionState: 'active',
      };
      if (fault === 'missing-field') delete body.intuneAccountId;
      return send(200, body);
    }
    if (route.kind === 'list') {
      const pageSize = this.options.pageSize ?? 50;
      const skip = Number(url.searchParams.get('$skiptoken') ?? '0') || 0;
      const page = this.profiles.slice(skip, skip + pageSize).map((p) => {
        const item: Record<string, unknown> = this.resource(p);
        if (fault === 'missing-field') delete item.displayName;
        return item;
      });
      if (fault === 'delete-before-export') {
        // The list still shows it; by the time the export comes, it is gone.
        const victim = this.profiles[skip];
        if (victim) queueMicrotask(() => this.deleteProfile(this.graphId(victim)));
      }
      const next =
        skip + pageSize < this.profiles.length
          ? `${this.url}${url.pathname}?$skiptoken=${skip + pageSize}`
          : undefined;
      return send(200, { value: page, ...(next ? { '@odata.nextLink': next } : {}) });
    }
    const profile = this.profiles.find((p) => this.graphId(p) === route.id);
    if (!profile) {
      return send(
        404,
        graphError(
          'ResourceNotFound',
          `{"_version":3,"Message":"An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${clientRequestId ?? requestId} - Url: https://fef.fake.manage.microsoft.com/enrollmentProfiles('${route.id}')"}`,
          requestId,
          clientRequestId,
        ),
      );
    }
    if (route.kind === 'profile') return send(200, this.resource(profile));
    const bytes = this.profileBytes(profile);
    const value = await this.encode(profile, bytes);
    return send(
      200,
      fault === 'missing-field'
        ? { '@odata.context': 'x' }
        : { '@odata.context': `${this.url}/beta/$metadata#Edm.String`, value },
    );
  }

  /** Imported identities, managed devices and `$batch`; undefined when the path is not one of them. */
  private async enrollmentRoute(
    req: IncomingMessage,
    url: URL,
    fault: FakeFault | undefined,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const imported = `/beta/deviceManagement/depOnboardingSettings/${this.accountId}/importedAppleDeviceIdentities`;
    if (req.method === 'POST' && url.pathname === `${imported}/importAppleDeviceIdentityList`)
      return this.enrollment.importList(await readJson(req));
    if (req.method === 'GET' && url.pathname === imported)
      return {
        status: 200,
        body: this.enrollment.listImported(serialFromFilter(url.searchParams.get('$filter'))),
      };
    if (req.method === 'GET' && url.pathname === '/v1.0/deviceManagement/managedDevices')
      return {
        status: 200,
        body: this.enrollment.managedDevices(
          serialFromFilter(url.searchParams.get('$filter')),
          fault === 'filter-ignored',
        ),
      };
    if (req.method === 'POST' && url.pathname === '/v1.0/$batch') {
      const body = (await readJson(req)) as {
        requests?: { id?: unknown; method?: unknown; url?: unknown }[];
      };
      const requests = Array.isArray(body?.requests) ? body.requests : [];
      if (requests.length > 20)
        return {
          status: 400,
          body: { error: { code: 'BadRequest', message: 'Too many requests in a batch (limit 20).' } },
        };
      const responses = requests.map((r, i) => {
        const id = String(r.id);
        // The fault hits the last request of the batch (a partial answer).
        if (i === requests.length - 1 && fault === 'batch-throttle')
          return {
            id,
            status: 429,
            headers: { 'retry-after': '1' },
            body: { error: { code: 'TooManyRequests', message: 'Too many requests' } },
          };
        if (i === requests.length - 1 && fault === 'batch-partial-failure')
          return {
            id,
            status: 500,
            body: {
              error: { code: 'InternalServerError', message: 'An internal server error has occurred' },
            },
          };
        const inner = new URL(String(r.url), 'http://fake');
        if (r.method !== 'GET' || inner.pathname !== '/deviceManagement/managedDevices')
          return {
            id,
            status: 404,
            body: { error: { code: 'ResourceNotFound', message: 'Resource not found' } },
          };
        return {
          id,
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: this.enrollment.managedDevices(
            serialFromFilter(inner.searchParams.get('$filter')),
            fault === 'filter-ignored',
          ),
        };
      });
      return { status: 200, body: { responses } };
    }
    return undefined;
  }

  private resource(p: FakeProfile): Record<string, unknown> {
    return {
      '@odata.type': '#microsoft.graph.enrollmentProfile',
      id: this.graphId(p),
      displayName: p.displayName,
      description: p.description,
      requiresUserAuthentication: p.requiresUserAuthentication,
      configurationEndpointUrl: `https://appleconfigurator2.manage.microsoft.com/EnrollmentServer/MDMServiceConfig?id=${this.accountId}&AADTenantId=${this.tenantId}`,
      enableAuthenticationViaCompanyPortal: false,
      requireCompanyPortalOnSetupAssistantEnrolledDevices: false,
    };
  }

  private route(
    path: string,
  ):
    | { readonly kind: 'deviceManagement' }
    | { readonly kind: 'list' }
    | { readonly kind: 'profile' | 'export'; readonly id: string }
    | undefined {
    if (path === '/beta/deviceManagement') return { kind: 'deviceManagement' };
    const base = `/beta/deviceManagement/depOnboardingSettings/${this.accountId}/enrollmentProfiles`;
    if (path === base) return { kind: 'list' };
    if (!path.startsWith(`${base}/`)) return undefined;
    const [id, fn, ...rest] = path.slice(base.length + 1).split('/');
    if (!id || rest.length) return undefined;
    if (fn === undefined) return { kind: 'profile', id: decodeURIComponent(id) };
    return fn === 'exportMobileConfig' ? { kind: 'export', id: decodeURIComponent(id) } : undefined;
  }

  /** The profile file Intune would hand out; fresh UUIDs and challenge per call only with `freshFilePerCall`. */
  profileBytes(p: FakeProfile): Uint8Array {
    const n = this.options.freshFilePerCall ? ++this.exports : 0;
    const uuid = (k: number): string =>
      `${p.guid.slice(0, 8).toUpperCase()}-${k.toString().padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;
    const identity: { [key: string]: PlistValue } =
      p.variant === 'acme'
        ? {
            PayloadType: 'com.apple.security.acme',
            PayloadUUID: uuid(2),
            PayloadIdentifier: 'com.microsoft.intune.acme',
            PayloadVersion: 1,
            DirectoryURL: 'https://acme.fake-intune.invalid/directory',
            ClientIdentifier: `fake-intune-client-${p.guid}-${n}`,
            KeyType: 'ECSECPrimeRandom',
            KeySize: 384,
          }
        : {
            PayloadType: 'com.apple.security.scep',
            PayloadUUID: uuid(2),
            PayloadIdentifier: 'com.microsoft.intune.scep',
            PayloadVersion: 1,
            PayloadContent: {
              URL: 'https://scep.fake-intune.invalid/SCEP',
              Challenge: `fake-intune-challenge-${p.guid}-${n}`,
            },
          };
    const xml = build({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadIdentifier: `com.microsoft.intune.enrollment.${p.guid}`,
      PayloadUUID: uuid(1),
      PayloadDisplayName: `${p.displayName} (fake Intune)`,
      PayloadOrganization: 'Fake Intune tenant',
      PayloadContent: [
        identity,
        {
          PayloadType: 'com.apple.mdm',
          PayloadUUID: uuid(3),
          PayloadIdentifier: 'com.microsoft.intune.mdm',
          PayloadVersion: 1,
          ServerURL: 'https://i.manage.microsoft.com/FakeIntune/ioshandler',
          CheckInURL: 'https://i.manage.microsoft.com/FakeIntune/ioscheckinhandler',
          Topic: `com.apple.mgmt.External.${this.accountId}`,
          IdentityCertificateUUID: uuid(2),
          AccessRights: 8191,
          SignMessage: true,
          CheckOutWhenRemoved: true,
        },
      ],
    });
    return new TextEncoder().encode(xml);
  }

  private async encode(p: FakeProfile, bytes: Uint8Array): Promise<string> {
    switch (p.exportForm) {
      case 'xml':
        return new TextDecoder().decode(bytes);
      case 'base64-xml':
        return Buffer.from(bytes).toString('base64');
      case 'base64-signed': {
        if (!this.options.sign) throw new Error('the fake Intune has no signer for the base64-signed form');
        return Buffer.from(await this.options.sign(bytes)).toString('base64');
      }
    }
  }

  private sendFault(
    fault: Exclude<FakeFault, 'delete-before-export' | 'missing-field' | EnrollmentFault>,
    send: (status: number, body: unknown, extra?: Record<string, string>) => void,
    requestId: string,
    clientRequestId: string | undefined,
  ): void {
    const activity = clientRequestId ?? requestId;
    const intune = (message: string): string =>
      JSON.stringify({
        _version: 3,
        Message: `${message} - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${activity} - Url: https://fef.fake.manage.microsoft.com/`,
        CustomApiErrorPhrase: '',
        RetryAfter: null,
      });
    switch (fault) {
      case 'unauthorized':
        return send(
          401,
          graphError(
            'InvalidAuthenticationToken',
            'Lifetime validation failed, the token is expired.',
            requestId,
            clientRequestId,
          ),
        );
      case 'missing-scope':
        return send(
          403,
          graphError(
            'Forbidden',
            intune(
              'Application is not authorized to perform this operation. Application must have one of the following scopes: DeviceManagementServiceConfig.Read.All, DeviceManagementServiceConfig.ReadWrite.All',
            ),
            requestId,
            clientRequestId,
          ),
        );
      case 'missing-role':
        return send(
          403,
          graphError(
            'Forbidden',
            intune('User is not authorized to perform this operation'),
            requestId,
            clientRequestId,
          ),
        );
      case 'no-licence':
        return send(
          403,
          graphError(
            'Forbidden',
            intune('User does not have a valid license to perform this operation'),
            requestId,
            clientRequestId,
          ),
        );
      case 'throttle':
        return send(429, graphError('TooManyRequests', 'Too many requests', requestId, clientRequestId), {
          'retry-after': String(this.options.retryAfterSeconds ?? 1),
        });
      case 'throttle-no-retry-after':
        return send(429, graphError('TooManyRequests', 'Too many requests', requestId, clientRequestId));
      case 'unavailable':
        return send(503, graphError('ServiceUnavailable', 'Service unavailable', requestId, clientRequestId));
      case 'server-error':
        return send(
          500,
          graphError(
            'InternalServerError',
            intune('An internal server error has occurred'),
            requestId,
            clientRequestId,
          ),
        );
      case 'malformed-json':
        return send(200, '<html><body>Sign in to continue</body></html>', { 'content-type': 'text/html' });
    }
  }
}

/** A request body, capped at 1 MB (the bench sends at most 50 serials or 20 lookups). */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1024 * 1024) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function graphError(code: string, message: string, requestId: string, clientRequestId?: string): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}
