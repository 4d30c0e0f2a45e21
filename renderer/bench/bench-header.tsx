/**
 * The bench header: whether new devices start by themselves (Armed), with which workflow, how the cart is
 * going (counts, devices per hour, ETA), Pause all, and the profile's age. Reads its own slices of the store.
 */
import type { ProfileSummary } from '../../preload/domain';
import { devicesOnBench } from '../../preload/counts';
import type { JobCounts, RunStatus, WorkflowList } from '../../preload/jobs-domain';
import type { ConnectionState } from '../state/bench-state';
import { useBench } from '../state/bench-store';
import { CountItem } from '../ui/count-item';
import { formatDuration } from './job-status';
import { useJobCounts } from './results';
import { StatusIcon } from '../ui/status-icon';

export interface BenchHeaderProps {
  readonly onArm: (armed: boolean) => void;
  readonly onPause: (paused: boolean) => void;
  readonly onSelectWorkflow: (workflowId: string) => void;
}

const connectionWords: Readonly<Record<ConnectionState, string>> = {
  connecting: 'Connecting…',
  open: 'Bench online',
  lost: 'Reconnecting…',
  expired: 'Disconnected',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function profileAgeWords(profile: ProfileSummary | null | undefined): string {
  if (profile === undefined) return 'Profile: …';
  if (profile === null) return 'No profile';
  const age = profile.age;
  if (!age) return `Profile: ${profile.verdict === 'unusable' ? 'refused' : 'ready'}`;
  if (age.state === 'expired') return age.overridden ? 'Profile expired (overridden)' : 'Profile expired';
  return `Profile: ${plural(age.daysLeft, 'day')} left`;
}

function ArmedSwitch({ run, onArm }: { readonly run: RunStatus; readonly onArm: (armed: boolean) => void }) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={run.armed}
      aria-label="Armed"
      className={`armed-switch${run.armed ? ' on' : ''}`}
      onClick={() => onArm(!run.armed)}
    >
      <span className="armed-track" aria-hidden="true">
        <span className="armed-knob" />
      </span>
      <span className="armed-words">{run.armed ? 'Armed' : 'Not armed'}</span>
    </button>
  );
}

function WorkflowPicker(props: {
  readonly run: RunStatus;
  readonly workflows: WorkflowList | undefined;
  readonly onSelect: (id: string) => void;
}) {
  const list = props.workflows?.workflows ?? [];
  const known = list.some((w) => w.id === props.run.workflowId);
  return (
    <label className="workflow-picker">
      {/* Named for screen readers; on screen the workflow's own name says what the menu is, and the row
          keeps room for the profile's age left of the Preflight and Settings buttons. */}
      <span className="visually-hidden">Workflow</span>
      <select value={props.run.workflowId} onChange={(e) => props.onSelect(e.target.value)}>
        {!known && <option value={props.run.workflowId}>{props.run.workflowId}</option>}
        {list.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The header's counts. `counts` are the jobs on this screen counted by the one counter (preload/counts.ts),
 * the same numbers Results and the banners show; `run` says whether the bench is armed and how long is left.
 */
export function RunCounts({ run, counts: c }: { readonly run: RunStatus; readonly counts: JobCounts }) {
  return (
    <ul className="run-counts" aria-label="Cart">
      {/* Armed, a queued device is on its way (counting down, or waiting for a heavy-step slot) and counts as
          running. Not armed, it waits for the operator: "40 running" would say work goes on when none does. */}
      <CountItem
        tone="count-busy"
        icon="spinner"
        count={run.armed ? c.running + c.queued : c.running}
        word="running"
      />
      {!run.armed && c.queued > 0 && <CountItem icon="clock" count={c.queued} word="queued" />}
      <CountItem
        tone={c.waitingForOperator > 0 ? 'count-attention' : undefined}
        icon="hand"
        count={c.waitingForOperator}
        word="need you"
      />
      <CountItem tone="count-done" icon="check" count={c.succeeded} word="done" />
      <CountItem
        tone={c.failed > 0 ? 'count-failed' : undefined}
        icon="cross"
        count={c.failed}
        word="failed"
      />
      {run.devicesPerHour !== undefined && (
        <li>
          <strong>{Math.round(run.devicesPerHour)}</strong>/hour
        </li>
      )}
      {run.cartEtaMs !== undefined && (
        <li>
          Time left <strong>{formatDuration(run.cartEtaMs)}</strong>
        </li>
      )}
      {/* Measured on this bench or not said at all: a guessed constant sat at "~1 min" for minutes. */}
      {run.cartEtaMs === undefined && run.cartEtaUnknown && <li>Time left: not known yet</li>}
    </ul>
  );
}

export function BenchHeader({ onArm, onPause, onSelectWorkflow }: BenchHeaderProps) {
  const run = useBench((s) => s.run);
  const workflows = useBench((s) => s.workflows);
  const profile = useBench((s) => s.profile);
  const counts = useJobCounts();
  // Devices restarting under their job (erase, prepare) are still on the bench: the count holds while 30 run.
  const deviceCount = useBench((s) => devicesOnBench(s.devices, Object.values(s.jobs)));
  const connection = useBench((s) => s.connection);
  const needsRestore = useBench(
    (s) => s.devices.filter((d) => d.mode === 'recovery' || d.mode === 'dfu').length,
  );
  const profileWords = profileAgeWords(profile);
  return (
    <header className="bench-header">
      {/* The first row keeps the Preflight and Settings buttons' width free, however it wraps. */}
      <div className="bench-header-top">
        <h1>Enroll Bench</h1>
        {run && <ArmedSwitch run={run} onArm={onArm} />}
        {run && <WorkflowPicker run={run} workflows={workflows} onSelect={onSelectWorkflow} />}
        {run && (
          <button
            type="button"
            className="pause-all"
            aria-pressed={run.paused}
            onClick={() => onPause(!run.paused)}
          >
            {run.paused ? 'Resume all' : 'Pause all'}
          </button>
        )}
        <p
          className={`profile-age${profile?.age && profile.age.state !== 'fresh' ? ' profile-age-warn' : ''}`}
          title={profile?.headline}
        >
          {profile?.age && profile.age.state !== 'fresh' && <StatusIcon name="warning" />}
          {profileWords}
        </p>
      </div>
      <div className="bench-header-row">
        <p className="device-count" aria-label={`${plural(deviceCount, 'device')} on the bench`}>
          <strong>{deviceCount}</strong> {deviceCount === 1 ? 'device' : 'devices'}
          {needsRestore > 0 && <span className="count-attention"> · {needsRestore} need a restore</span>}
        </p>
        {run && <RunCounts run={run} counts={counts} />}
        {/* On the second row, clear of the Preflight and Settings buttons at the top right. */}
        <p className={`connection connection-${connection}`}>{connectionWords[connection]}</p>
      </div>
    </header>
  );
}
