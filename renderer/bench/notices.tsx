import type { ErrorInfo, WatcherStatus } from '../../preload/domain';
import type { ConnectionState } from '../state/bench-state';

/** Device discovery is failing and backing off: devices may appear late or not at all. */
export function WatcherNotice({ watcher }: { readonly watcher: WatcherStatus }) {
  if (watcher.state !== 'degraded') return null;
  return (
    <div className="notice notice-warning" role="status">
      <strong>Device discovery is having trouble.</strong> The bench keeps retrying, so devices may appear
      late.
      {watcher.detail && <span className="notice-detail"> {watcher.detail}</span>}
    </div>
  );
}

export function ConnectionNotice({ connection }: { readonly connection: ConnectionState }) {
  if (connection === 'expired') {
    // Reconnecting cannot help: only the new URL (with the new token) gets back in.
    return (
      <div className="notice notice-error" role="alert">
        <strong>This page&apos;s access token is no longer valid (the bench was restarted).</strong>{' '}
        {/* One element, so the notice's flex layout keeps the closing period on the same line. */}
        <span>
          Open the new URL printed by <code>enroll-bench serve</code>.
        </span>
      </div>
    );
  }
  if (connection !== 'lost') return null;
  return (
    <div className="notice notice-error" role="alert">
      <strong>Connection to Enroll Bench lost.</strong> Reconnecting… What you see may be out of date.
    </div>
  );
}

export interface ErrorNoticeProps {
  readonly error: ErrorInfo;
  readonly onDismiss?: () => void;
  readonly onRetry?: () => void;
}

export function ErrorNotice({ error, onDismiss, onRetry }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert">
      <strong>{error.title}.</strong> {error.detail}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}

/**
 * The bench's own run notices: jobs held because their record cannot be written (disk full, read-only data
 * folder), and a cap the bench lowered itself because devices kept dropping off USB.
 */
export function RunNotices({
  recordingProblem,
  concurrencyNote,
  cap,
  onRestoreCap,
}: {
  readonly recordingProblem: string | undefined;
  readonly concurrencyNote: string | undefined;
  /** The cap in force and the operator's setting, when the bench has lowered it. */
  readonly cap?: { readonly inForce: number; readonly setting: number } | undefined;
  /** Puts the cap back to the setting now (the operator's word overrides the bench's caution). */
  readonly onRestoreCap?: (() => void) | undefined;
}) {
  const lowered = cap && cap.inForce < cap.setting ? cap : undefined;
  return (
    <>
      {recordingProblem && (
        <div className="notice notice-error" role="alert">
          <strong>Jobs are paused: nothing can be recorded.</strong> <span>{recordingProblem}</span>
        </div>
      )}
      {(concurrencyNote || lowered) && (
        <div className="notice notice-warning" role="status">
          <strong>
            {lowered
              ? `Fewer devices at once: ${lowered.inForce} of your ${lowered.setting}.`
              : 'Fewer devices at once.'}
          </strong>{' '}
          {concurrencyNote && <span>{concurrencyNote}</span>}
          {lowered && onRestoreCap && (
            <button type="button" className="notice-action" onClick={onRestoreCap}>
              Back to {lowered.setting}
            </button>
          )}
        </div>
      )}
    </>
  );
}
