/**
 * Is a host one of Microsoft Intune's? The allow-list and its source: ./README.md P4.
 *
 * A different host is only a warning: the bench can install any MDM profile, but the operator should know that
 * the file they dropped is not an Intune one.
 */
const EXACT = ['manage.microsoft.com'];
const SUFFIXES = [
  '.manage.microsoft.com',
  '.dm.microsoft.com',
  '.manage.microsoft.us',
  '.manage.microsoftonline.cn',
];

export function isIntuneHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return EXACT.includes(h) || SUFFIXES.some((suffix) => h.endsWith(suffix) && h.length > suffix.length);
}

/** A URL's scheme and host, or undefined when the text is not an absolute URL. */
export function parseUrl(text: string): { readonly protocol: string; readonly host: string } | undefined {
  try {
    const url = new URL(text);
    return { protocol: url.protocol, host: url.hostname };
  } catch {
    return undefined;
  }
}

/**
 * A URL read the way every parser agrees on, or why not. WHATWG (Node's `URL`, browsers) and the device's own
 * parser disagree on some strings: `https://r.manage.microsoft.com\@mdm.attacker.example/` is host
 * r.manage.microsoft.com to WHATWG (a backslash ends the host) but mdm.attacker.example to a strict RFC 3986
 * reader (all before `@` is userinfo). So a URL is accepted only when it is printable ASCII without a
 * backslash, carries no userinfo, and the host written between `//` and the first `/`, `?` or `#` is exactly the
 * host WHATWG parsed (case aside, a default port allowed). Then both readings name the same server.
 */
export type UnambiguousUrl =
  | { readonly ok: true; readonly protocol: string; readonly host: string }
  | { readonly ok: false; readonly problem: string; readonly parsedHost?: string };

const UNPRINTABLE = /[^\x21-\x7e]/;
const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'https:': '443', 'http:': '80' };

export function parseUnambiguousUrl(text: string): UnambiguousUrl | undefined {
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return undefined;
  }
  const parsedHost = parsed.hostname;
  const refuse = (problem: string): UnambiguousUrl => ({ ok: false, problem, parsedHost });
  if (UNPRINTABLE.test(text)) return refuse('it contains spaces, control characters or non-ASCII letters');
  if (text.includes('\\')) return refuse('it contains a backslash, which parsers read differently');
  if (parsed.username !== '' || parsed.password !== '' || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(text)) {
    return refuse('it carries a user name or password before the host (user@host)');
  }
  const written = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(text)?.[1]?.toLowerCase();
  const defaultPort = DEFAULT_PORTS[parsed.protocol];
  const sameHost =
    written === parsed.host.toLowerCase() ||
    (defaultPort !== undefined && written === `${parsed.host.toLowerCase()}:${defaultPort}`);
  if (!sameHost) return refuse('the host as written is not the host a URL parser reads');
  return { ok: true, protocol: parsed.protocol, host: parsedHost };
}
