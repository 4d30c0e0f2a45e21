/**
 * One device's whole story: where it is, what it is, what its job is doing, and the one thing a person must
 * do when it waits. Presentational: the data and the handlers come from ./connected-device-card.tsx.
 */
import type { Device, ErrorInfo, SimulatorAction } from '../../preload/domain';
import type { IntuneEnrollmentView } from '../../preload/intune-domain';
import type { DeviceFacts, JobAction, JobView, OperatorReason } from '../../preload/jobs-domain';
import { deviceLabel } from '../state/bench-state';
import { CardActionRow, ProgressBar } from './card-parts';
import { DeviceFactsList } from './device-facts';
import { describeMode } from './device-status';
import { Elapsed } from './elapsed';
import { describeJob, finalNameLine, ownNameNote, percentOf, type JobLook } from './job-status';
import { OperatorPicture } from './operator-picture';
import { StatusIcon } from './status-icon';
import { CompactDeviceCard } from './compact-device-card';
import { IntuneEnrollmentLine } from '../intune/intune-enrollment-line';

export interface DeviceCardProps {
  readonly device: Device;
  readonly job?: JobView;
  readonly facts?: DeviceFacts;
  /** Four short lines, for a full cart (./compact-device-card.tsx). */
  readonly compact?: boolean;
  /** Compact only: open this device's full card. */
  readonly onDetails?: (ecid: string) => void;
  /** Epoch ms, for the countdown's seconds. */
  readonly now?: number;
  /** Whether the bench is armed, for a queued job: not armed, it waits for Start now or the Armed switch. */
  readonly armed?: boolean;
  /** A refused action on this device. */
  readonly actionError?: ErrorInfo;
  readonly onJobAction?: (ecid: string, action: JobAction, answers?: OperatorReason) => void;
  readonly onDismissError?: (ecid: string) => void;
  /** Present only in simulation: play the person's hand on this device. */
  readonly onSimulate?: (action: SimulatorAction) => void;
  /** Present only in simulation: unplug this simulated device. */
  readonly onUnplug?: (device: Device) => void;
  /** Issue 25: the serial's Intune state, once the job is done. */
  readonly intune?: IntuneEnrollmentView;
}

export function noJobLook(device: Device): JobLook {
  const status = describeMode(device.mode);
  return {
    word: status.word,
    short: status.word,
    tone: status.tone,
    icon: status.icon,
    showProgress: false,
    actions: [],
  };
}

/** What the card calls the device: the model when the name is only the family ("iPad"). */
export function cardTitle(device: Device): { title: string; model?: string; where: string } {
  const label = deviceLabel(device);
  const model = device.model ?? device.deviceType;
  const title = model && model.startsWith(`${label} `) ? model : label;
  return { title, model, where: device.portLabel ? ` at ${device.portLabel}` : '' };
}

export function DeviceCard(props: DeviceCardProps) {
  if (props.compact) return <CompactDeviceCard {...props} />;
  const { device, job, facts, actionError } = props;
  const label = deviceLabel(device);
  const { title, model, where } = cardTitle(device);
  const headingId = `device-${device.ecid}`;
  const look = job ? describeJob(job, props.now, props.armed) : noJobLook(device);
  const waiting = job?.phase === 'waiting-for-operator' ? job.waiting : undefined;
  const serial = device.serialNumber ?? job?.serialNumber;
  return (
    <article
      className={`device-card tone-${look.tone}${waiting ? ' needs-person' : ''}`}
      aria-labelledby={headingId}
      data-ecid={device.ecid}
      data-phase={job?.phase ?? 'none'}
    >
      <p className="device-port">{device.portLabel ?? 'Port unknown'}</p>
      <div className="device-what" title={model && model !== title ? `${title} · ${model}` : title}>
        <h3 className="device-name" id={headingId}>
          {title}
        </h3>
        {model && model !== title && <p className="device-model">{model}</p>}
        {job?.phase !== 'succeeded' && ownNameNote(job, label) && (
          <p className="device-own-name">({ownNameNote(job, label)})</p>
        )}
      </div>
      <div className="device-state">
        <p className="device-status">
          <StatusIcon name={look.icon} />
          <span>{look.word}</span>
        </p>
        {job && look.showProgress && (
          <p className="device-progress-words">
            <span className="device-percent">{percentOf(job)}%</span>
            {job.startedAt !== undefined && <Elapsed since={job.startedAt} />}
          </p>
        )}
      </div>
      {job && look.showProgress && <ProgressBar target={`${title}${where}`} percent={percentOf(job)} />}
      {waiting && (
        <div className="device-instruction">
          <OperatorPicture reason={waiting.reason} />
          <p>{waiting.instruction}</p>
        </div>
      )}
      {job?.phase === 'failed' && job.error && (
        <div className="device-error">
          <p className="device-error-title">{job.error.title}</p>
          <p className="device-error-fix">{job.error.detail}</p>
        </div>
      )}
      {job?.phase === 'succeeded' && job.finalName && (
        <p className="device-final-name">{finalNameLine(job)}</p>
      )}
      {job?.phase === 'succeeded' && <IntuneEnrollmentLine enrollment={props.intune} />}
      {actionError && (
        <div className="device-action-error" role="alert">
          <strong>{actionError.title}.</strong> {actionError.detail}
          {props.onDismissError && (
            <button
              type="button"
              onClick={() => props.onDismissError?.(device.ecid)}
              aria-label={`Dismiss the message on ${title}${where}`}
            >
              OK
            </button>
          )}
        </div>
      )}
      <CardActionRow
        ecid={device.ecid}
        target={`${title}${where}`}
        actions={look.actions}
        waitingFor={waiting?.reason}
        onJobAction={props.onJobAction}
        onSimulate={props.onSimulate}
      />
      {facts && job?.phase !== 'succeeded' && <DeviceFactsList facts={facts} compact={false} />}
      <dl className="device-ids">
        {serial && (
          <>
            <dt>Serial</dt>
            <dd>{serial}</dd>
          </>
        )}
        <dt>ECID</dt>
        <dd>{device.ecid}</dd>
      </dl>
      {props.onUnplug && (
        <button
          type="button"
          className="device-unplug"
          onClick={() => props.onUnplug?.(device)}
          aria-label={`Unplug ${label}${where}`}
          title="Unplug"
        >
          Unplug
        </button>
      )}
    </article>
  );
}
