/**
 * Building blocks of the checklist: a check's result, the worst of several, and the time bound every check
 * runs under (a stuck `codesign`, a slow disk or a DNS server that never answers must not stall the panel).
 */
import type { PreflightCheck, PreflightCheckId, PreflightStatus } from '../../preload/preflight-domain';

const rank: Readonly<Record<PreflightStatus, number>> = { ok: 0, warning: 1, problem: 2 };

export function worstStatus(statuses: readonly PreflightStatus[]): PreflightStatus {
  return statuses.reduce<PreflightStatus>((worst, s) => (rank[s] > rank[worst] ? s : worst), 'ok');
}

export function check(
  id: PreflightCheckId,
  title: string,
  status: PreflightStatus,
  sentence: string,
  fix?: string,
): PreflightCheck {
  return { id, title, status, sentence, ...(fix ? { fix } : {}) };
}

/** Default bound for one check; the network check has its own, shorter one. */
export const CHECK_TIMEOUT_MS = 8_000;

/**
 * Runs one check within `timeoutMs`. A check that throws or takes longer becomes a warning that says so, and
 * its signal is aborted so whatever it started can stop.
 */
export async function bounded(
  id: PreflightCheckId,
  title: string,
  run: (signal: AbortSignal) => Promise<PreflightCheck>,
  timeoutMs: number = CHECK_TIMEOUT_MS,
): Promise<PreflightCheck> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<PreflightCheck>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(
        check(
          id,
          title,
          'warning',
          `This check did not finish within ${Math.round(timeoutMs / 1000)} seconds.`,
          'Run the checks again; if it stays slow, the Mac is busy or the disk is failing.',
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([
      run(controller.signal).catch(() =>
        check(id, title, 'warning', 'This check could not be run.', 'Run the checks again.'),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** `5.4 GB`, `820 MB`: decimal units, as Finder shows them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`;
  if (bytes >= 1e6) return `${Math.round(bytes / 1e6)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} KB`;
  return `${bytes} bytes`;
}
