/**
 * One device's whole story: where it is, what it is, what its job is doing, and the one thing a person must
 * do when it waits. Presentational: the data and the handlers come from ./connected-device-card.tsx.
 */
import { deviceLabel } from '../state/bench-state';
import { CardActionRow, ProgressBar, SelectBox } from './card-parts';
import { DeviceFactsList } from './device-facts';
import { Elapsed } from '../ui/elapsed';
import { cardBasics, cardTitle, type DeviceCardProps } from './device-card-model';
import { finalNameLine, ownNameNote, percentOf } from './job-status';
import { OperatorPicture } from './operator-picture';
import { StatusIcon } from '../ui/status-icon';
import { CompactDeviceCard } from './compact-device-card';
import { IntuneEnrollmentLine } from '../intune/intune-enrollment-line';

export function DeviceCard(props: DeviceCardProps) {
  if (props.compact) return <CompactDeviceCard {...props} />;
  const { device, job, facts, actionError } = props;
  const label = deviceLabel(device);
  const { title, model, where } = cardTitle(device);
  const { look, waiting, away, headingId, frame } = cardBasics(props, false);
  const serial = device.serialNumber ?? job?.serialNumber;
  return (
    <article {...frame}>
      <p className="device-port">
        {props.onSelect && (
          <SelectBox
            ecid={device.ecid}
            target={`${title}${where}`}
            selected={props.selected === true}
            onSelect={props.onSelect}
          />
        )}
        {device.portLabel ?? 'Port unknown'}
      </p>
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
      {away && (
        <p className="device-away" title="The device left USB while its job goes on; its card stays here.">
          {away}
        </p>
      )}
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
      {/* Off USB there is nothing plugged to unplug. */}
      {props.onUnplug && !away && (
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
