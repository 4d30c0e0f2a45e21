/**
 * Is an IPC message from our own renderer page? (Electron security checklist item 17.)
 *
 * A null frame means the page navigated or was destroyed: refuse. Only the bundled index.html, loaded
 * over file://, may call the bench; anything else (an injected frame, a navigated page) is refused.
 */
export interface FrameLike {
  readonly url: string;
}

export function isTrustedSender(frame: FrameLike | null | undefined, rendererIndexUrl: string): boolean {
  if (!frame) return false;
  let url: URL;
  let expected: URL;
  try {
    url = new URL(frame.url);
    expected = new URL(rendererIndexUrl);
  } catch {
    return false;
  }
  return url.protocol === 'file:' && expected.protocol === 'file:' && url.pathname === expected.pathname;
}
