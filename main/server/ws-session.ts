/**
 * One browser connection on the headless server's WebSocket: answers invoke frames and pushes bench events.
 *
 * Nothing a client sends may crash the server: malformed frames get an `invalid-request` result or close
 * this one socket, dispatcher failures become `internal` results, and a client too slow to drain its events
 * is disconnected rather than buffered without limit. Channels in ./local-only-channels.ts are refused to
 * peers that are not on this machine.
 */
import type { RawData, WebSocket } from 'ws';
import type { ServerFrame } from '../../preload/contract';
import type { ErrorInfo } from '../../preload/domain';
import type { BenchHost } from '../events/bench-host';
import type { LogFn } from '../diagnostics/log-fn';
import { invalidRequest, toErrorInfo } from '../errors/bench-error';
import { localOnlyRefusalFor, type RemotePolicy } from './local-only-channels';
import { parseClientFrame, type ParsedFrame } from './parse-client-frame';
import { createFrameLimiter, frameBurst, framesPerSecond } from './rate-limit';

/** Close codes from RFC 6455 §7.4.1. */
const closeCodes = { unsupportedData: 1003, policyViolation: 1008, tryAgainLater: 1013 } as const;

/** A client holding this much unsent data is not keeping up (40 devices × many events is far below it). */
export const defaultMaxBufferedBytes = 16 * 1024 * 1024;

/**
 * A reader too slow to drain its events never reads our close frame either (it sits behind the backlog), so
 * the socket is dropped this long after the close is sent rather than after ws's own 30 s.
 */
export const slowClientGraceMs = 2_000;

function rawToText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}

/** Over the rate limit, a frame up to this size is still read for its id (to answer it); a bigger one closes. */
export const maxRefusedFrameBytes = 4 * 1024;

export const rateLimitRefusal: ErrorInfo = {
  code: 'invalid-request',
  title: 'Too many requests from this screen',
  detail: `This screen sent more than ${framesPerSecond} requests a second (bursts of ${frameBurst} are fine). The request was not run; wait a moment and try again. A screen that keeps going is disconnected.`,
  retryable: true,
};

function rawSize(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, part) => sum + part.length, 0);
  return data.byteLength;
}

function frameId(frame: Exclude<ParsedFrame, { kind: 'unusable' }>): number {
  return frame.kind === 'invoke' ? frame.request.id : frame.id;
}

export interface SessionPolicy extends RemotePolicy {
  readonly log?: LogFn;
  /** Unsent bytes beyond which the client is cut off (default ./defaultMaxBufferedBytes). */
  readonly maxBufferedBytes?: number;
  /** The frame limiter's settings (tests lower them; defaults in ./rate-limit.ts). */
  readonly rateLimit?: {
    readonly burst?: number;
    readonly perSecond?: number;
    readonly refusalsBeforeClose?: number;
  };
}

/** `peerAddress` is the client's IP address as the TCP socket reports it (`undefined` if already gone). */
export function runWsSession(
  socket: WebSocket,
  host: BenchHost,
  peerAddress: string | undefined,
  policy: SessionPolicy = {},
): void {
  const maxBufferedBytes = policy.maxBufferedBytes ?? defaultMaxBufferedBytes;
  const limiter = createFrameLimiter(policy.rateLimit);
  let refusalsLogged = false;
  let unsubscribe = (): void => {};
  let dropTimer: NodeJS.Timeout | undefined;
  // Stops the events at once, so the backlog stops growing and the hub stops serving this socket.
  const cutOff = (): void => {
    unsubscribe();
    policy.log?.('server.client-too-slow', {
      peer: peerAddress ?? 'gone',
      bufferedBytes: socket.bufferedAmount,
      limitBytes: maxBufferedBytes,
    });
    socket.close(closeCodes.tryAgainLater, 'client too slow');
    dropTimer = setTimeout(() => socket.terminate(), slowClientGraceMs);
    dropTimer.unref();
  };

  const send = (frame: ServerFrame): void => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > maxBufferedBytes) {
      cutOff();
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(frame);
    } catch (error) {
      // A handler returned something JSON cannot carry (a BigInt, a cycle): answer with an error instead.
      if (frame.type !== 'result') return;
      text = JSON.stringify({
        type: 'result',
        id: frame.id,
        result: { ok: false, error: toErrorInfo(error) },
      });
    }
    socket.send(text);
  };

  unsubscribe = host.subscribe((event) => send({ type: 'event', ...event }));
  socket.on('close', () => {
    unsubscribe();
    clearTimeout(dropTimer);
  });
  // Errors (oversized frame, protocol violation) are followed by 'close'; without a listener ws would throw.
  socket.on('error', () => {});

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      socket.close(closeCodes.unsupportedData, 'text frames only');
      return;
    }
    const verdict = limiter.next();
    const size = rawSize(data);
    if (verdict === 'close' || (verdict === 'refuse' && size > maxRefusedFrameBytes)) {
      policy.log?.('server.client-flooding', { peer: peerAddress ?? 'gone', frameBytes: size });
      socket.close(closeCodes.policyViolation, 'too many requests');
      return;
    }
    const frame = parseClientFrame(rawToText(data));
    if (verdict === 'refuse') {
      if (frame.kind === 'unusable') socket.close(closeCodes.policyViolation, frame.detail);
      else send({ type: 'result', id: frameId(frame), result: { ok: false, error: rateLimitRefusal } });
      if (!refusalsLogged) policy.log?.('server.client-rate-limited', { peer: peerAddress ?? 'gone' });
      refusalsLogged = true;
      return;
    }
    switch (frame.kind) {
      case 'unusable':
        socket.close(closeCodes.policyViolation, frame.detail);
        return;
      case 'bad-request':
        send({
          type: 'result',
          id: frame.id,
          result: { ok: false, error: toErrorInfo(invalidRequest(frame.detail)) },
        });
        return;
      case 'invoke': {
        const { id, channel, args } = frame.request;
        const refusal = localOnlyRefusalFor(channel, peerAddress, policy, args);
        if (refusal) {
          policy.log?.('server.channel-refused', {
            channel,
            peer: peerAddress ?? 'gone',
            title: refusal.title,
          });
          send({ type: 'result', id, result: { ok: false, error: refusal } });
          return;
        }
        void host
          .dispatch(channel, args)
          .catch((error: unknown) => ({ ok: false as const, error: toErrorInfo(error) }))
          .then((result) => send({ type: 'result', id, result }));
        return;
      }
    }
  });
}
