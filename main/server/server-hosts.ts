/**
 * The Host header values the headless server answers to, for its DNS-rebinding guard.
 */
import { networkInterfaces } from 'node:os';

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];
const wildcardAddresses = new Set(['0.0.0.0', '::', '']);

/** `::1` → `[::1]`: IPv6 literals are bracketed in URLs and Host headers. */
export function hostForUrl(hostname: string): string {
  return hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || hostname.startsWith('127.');
}

/**
 * Names allowed in `Host`, each with the port. A loopback bind also accepts the other loopback spellings
 * (a browser may be pointed at localhost); a wildcard bind accepts this machine's interface addresses.
 */
export function allowedHostsFor(hostname: string, port: number): ReadonlySet<string> {
  const names = new Set<string>([hostForUrl(hostname.toLowerCase())]);
  if (isLoopback(hostname) || wildcardAddresses.has(hostname)) loopbackNames.forEach((n) => names.add(n));
  if (wildcardAddresses.has(hostname)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(hostForUrl(info.address.toLowerCase()));
    }
  }
  return new Set([...names].map((name) => `${name}:${port}`));
}

/** The address to print for a bind address: a wildcard bind is reachable locally at 127.0.0.1. */
export function displayHost(hostname: string): string {
  return hostForUrl(wildcardAddresses.has(hostname) ? '127.0.0.1' : hostname);
}
