/**
 * What the full card (./device-card.tsx) and a full cart's card (./compact-device-card.tsx) both need: the
 * card's props, its title and its look before a job exists. It lives below both so neither card imports the
 * other's module for it (the full card draws the compact one; the compact one must not reach back).
 */
import type { Device, ErrorInfo, SimulatorAction } from '../../preload/domain';
import type { IntuneEnrollmentView } from '../../preload/intune-domain';
import type { DeviceFacts, JobAction, JobView, OperatorReason } from '../../preload/jobs-domain';
import { deviceLabel } from '../state/bench-state';
import type { BenchDevice } from '../state/bench-devices';
import { describeMode } from './device-status';
import { describeJob, type JobLook } from './job-status';

export interface DeviceCardProps {
  /** `away`: off USB while its job goes on (restarting); the card stays, and says so. */
  readonly device: BenchDevice;
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
  /** On a grid that selects (a cart of 7 or more): whether this device is selected; no select box without. */
  readonly selected?: boolean;
  /** `range`: Shift was held (select from the last click to this one, in the grid's order). */
  readonly onSelect?: (ecid: string, range: boolean) => void;
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

/**
 * What a card says while its device is off USB, in words (never colour alone): restarting, or, when the job
 * waits for a person, simply off USB (the instruction says what to do). Nothing for an attached device.
 */
export function awayNote(device: BenchDevice, job: JobView | undefined): string | undefined {
  if (device.away !== true) return undefined;
  return job?.phase === 'waiting-for-operator' ? 'Off USB' : 'Restarting – off USB for now';
}

/** What the card calls the device: the model when the name is only the family ("iPad"). */
export function cardTitle(device: Device): { title: string; model?: string; where: string } {
  const label = deviceLabel(device);
  const model = device.model ?? device.deviceType;
  const title = model && model.startsWith(`${label} `) ? model : label;
  return { title, model, where: device.portLabel ? ` at ${device.portLabel}` : '' };
}

/**
 * What both card sizes derive alike: the job in words, the wait, the away note, and the card's frame (class,
 * heading, and the data attributes the tests and the grid read).
 */
export function cardBasics(props: DeviceCardProps, compact: boolean) {
  const { device, job } = props;
  const look = job ? describeJob(job, props.now, props.armed) : noJobLook(device);
  const waiting = job?.phase === 'waiting-for-operator' ? job.waiting : undefined;
  const away = awayNote(device, job);
  const headingId = `device-${device.ecid}`;
  const frame = {
    className: `device-card${compact ? ' compact' : ''} tone-${look.tone}${waiting ? ' needs-person' : ''}${props.selected ? ' selected' : ''}${away ? ' away' : ''}`,
    'aria-labelledby': headingId,
    'data-ecid': device.ecid,
    'data-phase': job?.phase ?? 'none',
    ...(away ? { 'data-away': 'true' } : {}),
  };
  return { look, waiting, away, headingId, frame };
}
