/**
 * Is the Mac online for activation? `prepare` activates each device through Apple's activation server, so
 * a bench without the Internet fails every prepare ("Network communication error."). The check resolves
 * the host's name and opens one HTTPS request to it (any HTTP answer counts: the server is reachable), both
 * bounded in time. Tests and the simulated bench pass their own answer; the tests never reach outside.
 *
 * Assumption awaiting a real Mac: albert.apple.com is the host prepare activates through (README table).
 */
import { lookup } from 'node:dns/promises';
import { request } from 'node:https';
import type { PreflightCheck } from '../../preload/preflight-domain';
import { check } from './preflight-check';

export const ACTIVATION_HOST = 'albert.apple.com';
export const REACHABILITY_TIMEOUT_MS = 5_000;

export type Reachability = 'reachable' | 'no-name' | 'no-connection' | 'timed-out' | 'simulated-offline';

export interface ActivationReachability {
  readonly simulated?: boolean;
  check(signal: AbortSignal): Promise<Reachability>;
}

export interface NetworkProbe {
  resolve(host: string, signal: AbortSignal): Promise<void>;
  /** Resolves when the server answers at all (any status); rejects when no answer comes. */
  head(url: string, signal: AbortSignal): Promise<void>;
}

const realProbe: NetworkProbe = {
  async resolve(host) {
    await lookup(host);
  },
  head: (url, signal) =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'HEAD', signal, timeout: REACHABILITY_TIMEOUT_MS }, (res) => {
        res.resume();
        resolve();
      });
      req.once('timeout', () => req.destroy(new Error('timed out')));
      req.once('error', reject);
      req.end();
    }),
};

export function createActivationReachability(
  probe: NetworkProbe = realProbe,
  timeoutMs: number = REACHABILITY_TIMEOUT_MS,
): ActivationReachability {
  return {
    async check(outer) {
      const signal = AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)]);
      try {
        await probe.resolve(ACTIVATION_HOST, signal);
      } catch {
        return signal.aborted ? 'timed-out' : 'no-name';
      }
      try {
        await probe.head(`https://${ACTIVATION_HOST}/`, signal);
        return 'reachable';
      } catch {
        return signal.aborted ? 'timed-out' : 'no-connection';
      }
    },
  };
}

/** The simulated world's own switch (`sim online off`) stands in for the Internet. */
export function simulatedReachability(isOnline: () => boolean): ActivationReachability {
  return { simulated: true, check: async () => (isOnline() ? 'reachable' : 'simulated-offline') };
}

const OFFLINE_FIX =
  'Connect the Mac to the Internet (Wi-Fi or Ethernet without a captive portal); a proxy or firewall must allow albert.apple.com on port 443.';

/**
 * With an ADE workflow selected (`ade`), the line says what the Internet is for there: `prepare --dep`
 * fetches each device's Automated Device Enrollment configuration from Apple through this Mac, and activation
 * goes the same way, so an offline Mac fails every device of the cart with 33001 or a network error.
 */
export async function macOnlineCheck(
  reachability: ActivationReachability,
  signal: AbortSignal,
  ade = false,
): Promise<PreflightCheck> {
  const line = await onlineLine(reachability, signal);
  if (!ade) return line;
  return line.status === 'ok'
    ? { ...line, sentence: `${line.sentence} ${ADE_OK}` }
    : { ...line, status: 'problem', sentence: `${ADE_OFFLINE} ${line.sentence}` };
}

const ADE_OK = 'The ADE workflow can fetch each device’s enrollment configuration from Apple.';
const ADE_OFFLINE =
  'The selected ADE workflow needs the Internet before the cart starts: prepare --dep activates each device and fetches its Automated Device Enrollment configuration from Apple through this Mac.';

async function onlineLine(
  reachability: ActivationReachability,
  signal: AbortSignal,
): Promise<PreflightCheck> {
  const title = 'Mac online';
  const answer = await reachability.check(signal);
  switch (answer) {
    case 'reachable':
      return check(
        'mac-online',
        title,
        'ok',
        reachability.simulated
          ? 'The simulated world is online: prepare can activate devices.'
          : `Apple's activation server (${ACTIVATION_HOST}) answers.`,
      );
    case 'simulated-offline':
      return check(
        'mac-online',
        title,
        'problem',
        'The simulated world is offline: prepare will fail with "Network communication error."',
        'Run `enroll-bench sim online on`.',
      );
    case 'no-name':
      return check(
        'mac-online',
        title,
        'problem',
        `The name ${ACTIVATION_HOST} does not resolve: the Mac looks offline.`,
        OFFLINE_FIX,
      );
    case 'no-connection':
      return check(
        'mac-online',
        title,
        'problem',
        `${ACTIVATION_HOST} cannot be reached over HTTPS.`,
        OFFLINE_FIX,
      );
    case 'timed-out':
      return check(
        'mac-online',
        title,
        'problem',
        `${ACTIVATION_HOST} did not answer within ${REACHABILITY_TIMEOUT_MS / 1000} seconds.`,
        OFFLINE_FIX,
      );
  }
}
