/**
 * Failures talking to Intune, in words an admin can act on, with the identifiers Microsoft support asks for.
 *
 * Branches on HTTP status and Graph's error `code` first; Intune's own 403 texts carry no machine code for
 * "missing scope" versus "missing role", so those two are told apart by the one stable phrase each has
 * ("must have one of the following scopes", seen in public reports of Graph errors). Anything unrecognised is
 * `unknown` with the status and Graph code kept: unknown fails closed (the old profile stays).
 */
import type { ErrorInfo } from '../../preload/domain';
import { BenchError } from '../errors/bench-error';
import { sanitizeText } from '../text/sanitize-text';

export type IntuneReason =
  | 'signed-out'
  | 'token-expired'
  | 'consent-not-granted'
  | 'missing-scope'
  | 'missing-role'
  | 'no-licence'
  | 'profile-deleted'
  | 'not-found'
  | 'throttled'
  | 'server-error'
  | 'malformed-response'
  | 'timed-out'
  | 'network'
  | 'user-affinity'
  | 'bad-export'
  | 'refused-profile'
  | 'cloud-unconfirmed'
  | 'no-secure-store'
  | 'device-code-blocked'
  | 'unknown';

export interface IntuneErrorIds {
  /** Graph's `request-id` response header (or `innerError.request-id`). */
  readonly requestId?: string;
  /** The `client-request-id` we sent; Intune reports it back as its Activity ID. */
  readonly clientRequestId?: string;
  /** Intune's "Activity ID: …" from inside the message, when it differs from the one we sent. */
  readonly activityId?: string;
  readonly status?: number;
  readonly graphCode?: string;
}

const CODE_OF: Readonly<Record<IntuneReason, ErrorInfo['code']>> = {
  'signed-out': 'invalid-request',
  'token-expired': 'invalid-request',
  'consent-not-granted': 'invalid-request',
  'missing-scope': 'invalid-request',
  'missing-role': 'invalid-request',
  'no-licence': 'invalid-request',
  'profile-deleted': 'invalid-request',
  'not-found': 'invalid-request',
  throttled: 'network-unavailable',
  'server-error': 'network-unavailable',
  'malformed-response': 'output-unparseable',
  'timed-out': 'timed-out',
  network: 'network-unavailable',
  'user-affinity': 'invalid-request',
  'bad-export': 'output-unparseable',
  'refused-profile': 'invalid-request',
  'cloud-unconfirmed': 'invalid-request',
  'no-secure-store': 'invalid-request',
  'device-code-blocked': 'invalid-request',
  unknown: 'unknown',
};

const RETRYABLE = new Set<IntuneReason>(['throttled', 'server-error', 'timed-out', 'network']);

export class IntuneError extends BenchError {
  constructor(
    readonly reason: IntuneReason,
    title: string,
    detail: string,
    readonly ids: IntuneErrorIds = {},
  ) {
    super({ code: CODE_OF[reason], title, detail: withIds(detail, ids), retryable: RETRYABLE.has(reason) });
    this.name = 'IntuneError';
  }
}

/** "… (request-id X, Activity ID Y)" so a support call has what it needs; only what is known. */
function withIds(detail: string, ids: IntuneErrorIds): string {
  const parts: string[] = [];
  if (ids.status !== undefined) parts.push(`HTTP ${ids.status}${ids.graphCode ? ` ${ids.graphCode}` : ''}`);
  if (ids.requestId) parts.push(`request-id ${ids.requestId}`);
  const activity = ids.activityId ?? ids.clientRequestId;
  if (activity) parts.push(`Activity ID ${activity}`);
  return parts.length ? `${detail} (${parts.join(', ')})` : detail;
}

/** Graph's error body: `{ error: { code, message, innerError: { request-id, client-request-id } } }`. */
interface GraphErrorBody {
  readonly code?: string;
  readonly message?: string;
  readonly requestId?: string;
}

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ACTIVITY = new RegExp(`Activity ID:\\s*(${GUID})`);
const SCOPES = /must have one of the following scopes:\s*([A-Za-z0-9., ]+?)(?:\s+-\s|$|")/;

export function parseGraphErrorBody(text: string): GraphErrorBody {
  try {
    const raw = JSON.parse(text) as { error?: Record<string, unknown> };
    const error = raw.error;
    if (typeof error !== 'object' || error === null) return {};
    const inner = (error.innerError ?? error.innererror) as Record<string, unknown> | undefined;
    return {
      code: typeof error.code === 'string' ? error.code : undefined,
      message: typeof error.message === 'string' ? error.message : undefined,
      requestId: typeof inner?.['request-id'] === 'string' ? (inner['request-id'] as string) : undefined,
    };
  } catch {
    return {};
  }
}

const clean = (text: string): string => sanitizeText(text, { maxLength: 300 });

/** Turns a failed Graph response into the admin's words. `what` names the request ("list the profiles"). */
export function graphFailure(
  what: string,
  status: number,
  bodyText: string,
  headerIds: { readonly requestId?: string; readonly clientRequestId?: string },
): IntuneError {
  const body = parseGraphErrorBody(bodyText);
  const message = body.message ?? '';
  const activityId = ACTIVITY.exec(message)?.[1];
  const ids: IntuneErrorIds = {
    status,
    graphCode: body.code ? clean(body.code) : undefined,
    requestId: headerIds.requestId ?? body.requestId,
    clientRequestId: headerIds.clientRequestId,
    activityId: activityId && activityId !== headerIds.clientRequestId ? activityId : undefined,
  };
  if (status === 401) {
    return new IntuneError(
      'token-expired',
      'Intune did not accept the sign-in',
      `Graph refused the token when asked to ${what}: it has expired or was revoked. Sign in again (enroll-bench intune connect).`,
      ids,
    );
  }
  if (status === 403) {
    const scopes = SCOPES.exec(message)?.[1];
    if (scopes) {
      return new IntuneError(
        'missing-scope',
        'The app registration lacks a Graph permission',
        `Graph needs one of these delegated permissions to ${what}: ${clean(scopes)}. Add it to the app registration (API permissions), grant admin consent, then sign in again.`,
        ids,
      );
    }
    if (/licen[cs]e/i.test(message) || /licen[cs]e/i.test(body.code ?? '')) {
      return new IntuneError(
        'no-licence',
        'No Intune licence',
        `Intune refused to ${what} because the tenant or the signed-in admin has no Intune licence. Assign an Intune (or Microsoft 365 E3/E5/Business Premium) licence to the admin account.`,
        ids,
      );
    }
    return new IntuneError(
      'missing-role',
      'The signed-in account may not do this in Intune',
      `Intune refused to ${what}: the account lacks an Intune role that can read enrollment settings (for example Intune Administrator, or a custom role with Enrollment programs › Read). Ask an Intune admin to assign one, then try again.`,
      ids,
    );
  }
  if (status === 404) {
    return new IntuneError(
      'not-found',
      'Intune has no such item',
      `Graph answered "not found" when asked to ${what}.`,
      ids,
    );
  }
  if (status === 429 || status === 503 || status === 504) {
    return new IntuneError(
      'throttled',
      'Intune is busy (throttled)',
      `Graph kept asking the bench to slow down when asked to ${what}. Nothing changed; the bench tries again later.`,
      ids,
    );
  }
  if (status >= 500) {
    return new IntuneError(
      'server-error',
      'Intune had a problem',
      `Graph failed on its side when asked to ${what}. Nothing changed; try again in a few minutes.`,
      ids,
    );
  }
  return new IntuneError(
    'unknown',
    'Intune refused the request',
    `Graph refused to ${what}${message ? `: ${clean(message)}` : '.'}`,
    ids,
  );
}
