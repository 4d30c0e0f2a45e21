/**
 * The bench's one door to Microsoft Graph: plain `fetch`, nothing else reaches Graph.
 *
 * Every request carries a fresh `client-request-id` (Intune echoes it as its Activity ID), has a timeout, and is
 * retried a bounded number of times on 429/503/504, waiting what `Retry-After` says (capped) or an exponential
 * back-off when it says nothing. Bodies are size-capped before parsing and validated with zod; a list follows
 * `@odata.nextLink` for a bounded number of pages, and only to the same origin, so a forged link cannot carry
 * the token elsewhere. The token is only ever put in the Authorization header.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { graphFailure, IntuneError } from './intune-error';
import { describeIssues } from './graph-schemas';

export interface GraphClientOptions {
  /** `https://graph.microsoft.com`, or a local fake's root. */
  readonly root: string;
  /** Called before each request: a cached, still-valid token or a fresh one. */
  readonly getToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Retries after the first try, for 429/503/504 and network failures. */
  readonly maxRetries?: number;
  /** Longest single wait, whatever `Retry-After` asks. */
  readonly maxWaitMs?: number;
  readonly maxPages?: number;
  readonly maxBodyBytes?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly newRequestId?: () => string;
  /** Told about each attempt (no token, no body): for the diagnostics log. */
  readonly onAttempt?: (event: GraphAttempt) => void;
}

export interface GraphAttempt {
  readonly path: string;
  readonly status: number | 'timeout' | 'network';
  readonly clientRequestId: string;
  readonly requestId?: string;
  readonly waitMs?: number;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  maxRetries: 3,
  maxWaitMs: 60_000,
  maxPages: 20,
  maxBodyBytes: 4 * 1024 * 1024,
} as const;

const RETRY_STATUS = new Set([429, 503, 504]);

/** Seconds, or an HTTP date; anything else is "not said". */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export class GraphClient {
  private readonly options: GraphClientOptions;
  private readonly origin: string;

  constructor(options: GraphClientOptions) {
    this.options = options;
    this.origin = new URL(options.root).origin;
  }

  private get settings() {
    return { ...DEFAULTS, ...this.options };
  }

  /** GET `path` (starting `/beta/…` or `/v1.0/…`) and validate the JSON answer. `what` words the failure. */
  async getJson<S extends z.ZodType>(path: string, schema: S, what: string): Promise<z.output<S>> {
    return this.parse(await this.getText(`${this.origin}${path}`, path, what), schema, what);
  }

  /**
   * POST a JSON body (an action such as `importAppleDeviceIdentityList`, or `$batch`) and validate the answer.
   * A `$batch` of reads is `idempotent` and retried like a GET. A write is not: it is retried only on 429 and
   * 503 (the request was turned away), never after a timeout, a lost connection or a 504, when it may have
   * reached Intune; the caller's journal settles those by looking first.
   */
  async postJson<S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
    what: string,
    opts: { readonly idempotent: boolean },
  ): Promise<z.output<S>> {
    const init = { method: 'POST', body: JSON.stringify(body), idempotent: opts.idempotent } as const;
    return this.parse(await this.getText(`${this.origin}${path}`, path, what, init), schema, what);
  }

  /** GET a collection, following `@odata.nextLink` up to `maxPages`; returns every validated item. */
  async getAll<S extends z.ZodType>(path: string, itemSchema: S, what: string): Promise<z.output<S>[]> {
    const items: z.output<S>[] = [];
    let url: string | undefined = `${this.origin}${path}`;
    for (let page = 0; url !== undefined; page++) {
      if (page >= this.settings.maxPages) {
        throw new IntuneError(
          'malformed-response',
          'Intune returned too many pages',
          `The list kept going past ${this.settings.maxPages} pages when asked to ${what}; the bench stopped reading it.`,
        );
      }
      const raw = this.parseJson(await this.getText(url, path, what), what);
      const value = (raw as { value?: unknown }).value;
      if (!Array.isArray(value)) throw malformed(what, 'the answer has no "value" list');
      for (const [i, item] of value.entries()) {
        const parsed = itemSchema.safeParse(item);
        if (!parsed.success) throw malformed(what, `item ${i + 1}: ${describeIssues(parsed.error, item)}`);
        items.push(parsed.data as z.output<S>);
      }
      const next = (raw as Record<string, unknown>)['@odata.nextLink'];
      url = typeof next === 'string' ? this.sameOrigin(next, what) : undefined;
    }
    return items;
  }

  private sameOrigin(link: string, what: string): string {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      throw malformed(what, 'the next-page link is not a URL');
    }
    if (url.origin !== this.origin) throw malformed(what, 'the next-page link points to another host');
    return url.href;
  }

  private parse<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
    const raw = this.parseJson(text, what);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw malformed(what, describeIssues(parsed.error, raw));
    return parsed.data as z.output<S>;
  }

  private parseJson(text: string, what: string): unknown {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null) throw new Error('not an object');
      return value;
    } catch {
      throw malformed(what, 'the answer is not JSON');
    }
  }

  private async getText(
    url: string,
    path: string,
    what: string,
    init?: { readonly method: 'POST'; readonly body: string; readonly idempotent: boolean },
  ): Promise<string> {
    const unsafe = init?.idempotent === false;
    const s = this.settings;
    const sleep = s.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 0; ; attempt++) {
      const clientRequestId = (s.newRequestId ?? randomUUID)();
      const last = attempt >= s.maxRetries;
      let response: Response;
      try {
        response = await this.send(url, clientRequestId, init);
      } catch (error) {
        const timedOut = error instanceof Error && error.name === 'TimeoutError';
        s.onAttempt?.({ path, status: timedOut ? 'timeout' : 'network', clientRequestId });
        if (!last && !unsafe) {
          await sleep(backoff(attempt, s.maxWaitMs));
          continue;
        }
        throw timedOut
          ? new IntuneError(
              'timed-out',
              'Intune did not answer in time',
              `Graph gave no answer within ${Math.round(s.timeoutMs / 1000)} s when asked to ${what}.`,
              { clientRequestId },
            )
          : new IntuneError(
              'network',
              'Intune could not be reached',
              `The bench could not reach Graph to ${what}: check this Mac's network and proxy.`,
              { clientRequestId },
            );
      }
      const requestId = response.headers.get('request-id') ?? undefined;
      const again = unsafe
        ? response.status === 429 || response.status === 503
        : RETRY_STATUS.has(response.status);
      if (again && !last) {
        const said = parseRetryAfter(response.headers.get('retry-after'));
        const waitMs = Math.min(said ?? backoff(attempt, s.maxWaitMs), s.maxWaitMs);
        s.onAttempt?.({ path, status: response.status, clientRequestId, requestId, waitMs });
        await response.body?.cancel();
        await sleep(waitMs);
        continue;
      }
      s.onAttempt?.({ path, status: response.status, clientRequestId, requestId });
      const text = await readCapped(response, s.maxBodyBytes, what);
      if (response.ok) return text;
      throw graphFailure(what, response.status, text, { requestId, clientRequestId });
    }
  }

  private async send(
    url: string,
    clientRequestId: string,
    init?: { readonly method: 'POST'; readonly body: string; readonly idempotent: boolean },
  ): Promise<Response> {
    const s = this.settings;
    const token = await this.options.getToken();
    return (s.fetch ?? fetch)(url, {
      method: init?.method ?? 'GET',
      ...(init ? { body: init.body } : {}),
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        ...(init ? { 'content-type': 'application/json' } : {}),
        'client-request-id': clientRequestId,
        'return-client-request-id': 'true',
      },
      redirect: 'error',
      signal: AbortSignal.timeout(s.timeoutMs),
    });
  }
}

function backoff(attempt: number, maxWaitMs: number): number {
  return Math.min(1000 * 2 ** attempt, maxWaitMs);
}

function malformed(what: string, why: string): IntuneError {
  return new IntuneError(
    'malformed-response',
    'Intune answered in an unexpected shape',
    `When asked to ${what}, Graph's answer did not have the expected fields (${why}). Nothing was changed; the Graph beta API may have changed.`,
  );
}

/** Reads at most `max` bytes; a longer body is refused before it is parsed. */
async function readCapped(response: Response, max: number, what: string): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await response.body?.cancel();
    throw malformed(what, `the answer is larger than ${max} bytes`);
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw malformed(what, `the answer is larger than ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
