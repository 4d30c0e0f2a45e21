/**
 * A device in a full cart (more than 12): three short lines that read from a metre away. The port (a
 * button that opens the full card with the name, the instruction's picture and every action); the state in
 * a few words; then the bar, the one action that matters, the final name, or what stops a job.
 */
import { CardActionRow, ProgressBar, SelectBox } from './card-parts';
import { DeviceFactsList } from './device-facts';
import { cardBasics, cardTitle, type DeviceCardProps } from './device-card-model';
import { compactActions, finalNameLine, percentOf } from './job-status';
import { EjectIcon, StatusIcon } from '../ui/status-icon';

export function CompactDeviceCard(props: DeviceCardProps) {
  const { device, job, facts, actionError } = props;
  const { title, model, where } = cardTitle(device);
  const { look, waiting, away, headingId, frame } = cardBasics(props, true);
  const actions = job ? compactActions(job, look.actions) : [];
  const port = device.portLabel ?? 'Port unknown';
  const failure = job?.phase === 'failed' ? job.error : undefined;
  const barRow = job !== undefined && look.showProgress;
  // In words, on the bar's line (the bar gives way; the port and the state keep their whole width), or
  // beside the state when there is no bar.
  const awayTag = away && (
    <span className="device-away" title={away}>
      <span aria-hidden="true">Off USB</span>
      <span className="visually-hidden">{away}</span>
    </span>
  );
  const actionRow = (
    <CardActionRow
      ecid={device.ecid}
      target={`${title}${where}`}
      actions={actions}
      waitingFor={waiting?.reason}
      onJobAction={props.onJobAction}
      onSimulate={props.onSimulate}
      onlyFirstHand
    />
  );
  const long = waiting?.instruction ?? (job?.phase === 'failed' ? job.error?.detail : undefined) ?? look.word;
  return (
    <article {...frame}>
      <div className="compact-top">
        {props.onSelect && (
          <SelectBox
            ecid={device.ecid}
            target={`${title}${where}`}
            selected={props.selected === true}
            onSelect={props.onSelect}
          />
        )}
        {/* The port is what a person looks for on a cart; the name and model are the tooltip and the details. */}
        <h3 className="device-port" title={model && model !== title ? `${title} · ${model}` : title}>
          <span className="visually-hidden" id={headingId}>
            {title}
          </span>
          {props.onDetails ? (
            <button
              type="button"
              className="device-details"
              aria-label={`Details: ${title}${where}`}
              onClick={() => props.onDetails?.(device.ecid)}
            >
              {port}
            </button>
          ) : (
            <span aria-hidden="true">{port}</span>
          )}
        </h3>
        {/* Off USB there is nothing plugged to unplug. */}
        {props.onUnplug && !away && (
          <button
            type="button"
            className="device-unplug"
            onClick={() => props.onUnplug?.(device)}
            aria-label={`Unplug ${title}${where}`}
            title="Unplug"
          >
            {/* No room for the word beside the port label, which must never be cut. */}
            <EjectIcon />
          </button>
        )}
      </div>
      {failure ? (
        // A failure's whole title (up to three lines, never "Failed: The p…") with Retry beside it, in the
        // height of any other card, so a cart of 40 still fits; the details strip adds the fix.
        <div className="device-state failed-row" title={long}>
          <p className="failed-reason">
            <StatusIcon name={look.icon} />
            <span className="visually-hidden">Failed: </span>
            <span className="failed-title">{failure.title}</span>
          </p>
          {actionRow}
        </div>
      ) : (
        <div className="device-state" title={long}>
          <p className="device-status">
            <StatusIcon name={look.icon} />
            <span>{look.short}</span>
          </p>
          {!barRow && awayTag}
        </div>
      )}
      {barRow && (
        <div className="device-progress-row">
          <ProgressBar target={`${title}${where}`} percent={percentOf(job)} />
          {awayTag}
          <span className="device-percent">{percentOf(job)}%</span>
        </div>
      )}
      {waiting && <p className="visually-hidden">{waiting.instruction}</p>}
      {/* Third line: the bar above, or the one action that matters (a job with an action has no bar); a
          failed card has its Retry beside its title. */}
      {!failure && actionRow}

      {job?.phase === 'succeeded' && job.finalName && (
        <p className="device-final-name">{finalNameLine(job)}</p>
      )}
      {!job && facts && <DeviceFactsList facts={facts} compact />}
      {actionError && (
        <p className="device-action-error" role="alert" title={actionError.detail}>
          {actionError.title}
        </p>
      )}
    </article>
  );
}
