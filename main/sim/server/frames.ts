/**
 * The line protocol between the `cfgutil` executable (or the shell door) and the world.
 *
 * One JSON object per line. Client frames are untrusted input: they are size-limited and checked field by
 * field; anything malformed is refused without touching the world.
 */
export const MAX_FRAME_BYTES = 1024 * 1024;
const MAX_ARGS = 512;
const MAX_ARG_LENGTH = 8192;

/** Client → world. */
export type ClientFrame =
  | { readonly type: 'run'; readonly argv: readonly string[]; readonly cwd: string }
  | { readonly type: 'control'; readonly argv: readonly string[] };

/** World → client. `out`/`err` are stream chunks; `exit`/`crash` end a run; `reply` ends a control call. */
export type ServerFrame =
  | { readonly t: 'out'; readonly d: string }
  | { readonly t: 'err'; readonly d: string }
  | { readonly t: 'exit'; readonly code: number }
  | { readonly t: 'crash'; readonly signal: string }
  | { readonly t: 'reply'; readonly ok: boolean; readonly text: string };

function isArgv(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_ARGS &&
    value.every((a) => typeof a === 'string' && a.length <= MAX_ARG_LENGTH && !a.includes('\u0000'))
  );
}

/** Parses one client line; undefined for anything that is not a well-formed frame. */
export function parseClientFrame(line: string): ClientFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const frame = value as Record<string, unknown>;
  if (!isArgv(frame.argv)) return undefined;
  if (frame.type === 'run') {
    const cwd = frame.cwd;
    if (typeof cwd !== 'string' || !cwd.startsWith('/') || cwd.length > 4096 || cwd.includes('\u0000'))
      return undefined;
    return { type: 'run', argv: frame.argv, cwd };
  }
  if (frame.type === 'control') return { type: 'control', argv: frame.argv };
  return undefined;
}

export function encodeFrame(frame: ServerFrame | ClientFrame): string {
  return `${JSON.stringify(frame)}\n`;
}
