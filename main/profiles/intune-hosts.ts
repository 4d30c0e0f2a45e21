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
