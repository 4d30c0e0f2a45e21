/**
 * Parsing a request's target without throwing.
 *
 * Node's HTTP parser accepts targets that the WHATWG URL parser rejects (`//[`, `http://[::1/`,
 * `http://%zz/`, `http://a:99999/`). `new URL` throws on them, and a throw inside a request or upgrade
 * handler is an uncaught exception that ends the whole server, so every handler parses through here.
 */
export function parseRequestTarget(target: string | undefined): URL | undefined {
  try {
    // The base only completes relative targets; the Host header is checked separately by the guard.
    return new URL(target ?? '/', 'http://placeholder');
  } catch {
    return undefined;
  }
}
