/** The checklist itself: one row per check, its status in words and shape (never colour alone), and the fix. */
import type { PreflightCheck, PreflightStatus } from '../../preload/preflight-domain';

const statusWords: Readonly<Record<PreflightStatus, string>> = {
  ok: 'OK',
  warning: 'Warning',
  problem: 'Problem',
};
const statusMarks: Readonly<Record<PreflightStatus, string>> = { ok: '✓', warning: '!', problem: '✕' };

export function PreflightChecklist({ checks }: { readonly checks: readonly PreflightCheck[] }) {
  return (
    <ul className="preflight-checks">
      {checks.map((c) => (
        <li key={c.id} className={`preflight-check status-${c.status}`}>
          <span className="preflight-mark" aria-hidden="true">
            {statusMarks[c.status]}
          </span>
          <div>
            <h3>
              {c.title} <span className="preflight-status">{statusWords[c.status]}</span>
            </h3>
            <p>{c.sentence}</p>
            {c.fix && c.status !== 'ok' && (
              <p className="preflight-fix">
                <strong>Fix:</strong> {c.fix}
              </p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
