/**
 * Text from a workflow file on its way into a message: control characters (line breaks, terminal escape
 * sequences) and direction overrides become spaces, and the length is capped, so a hostile file cannot forge
 * extra log lines, repaint a terminal, reorder what the operator reads, or flood the window.
 */
export function safeText(value: unknown, max = 60): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, ' ');
  const chars = [...clean];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : clean;
}
