/**
 * What the board writes down: the session's start and every job's creation, transitions and end in the
 * journal (main/journal/job-journal.ts), the end carrying the bench-log record (main/journal/job-journal-entries.ts). The
 * board tells it what happened; it gathers the context a record needs (device, profile, organisation,
 * station) at that moment.
 */
import type { Device, Ecid } from '../../preload/domain';
import type { JobView } from '../../preload/jobs-domain';
import type { JournalSink } from '../journal/job-journal';
import type { Clock } from '../async/clock';
import type { ProfileSource, SupervisionSource } from './job-board-types';
import { createdEntry, endedEntry, transitionEntry } from '../journal/job-journal-entries';
import { enrollmentPathField } from '../journal/job-log-record';
import type { JobSlot } from './job-slot';

export interface JobRecorderOptions {
  readonly journal: JournalSink;
  readonly clock: Pick<Clock, 'now'>;
  readonly sessionId: string;
  readonly appVersion: string;
  readonly profile: ProfileSource;
  readonly supervision: SupervisionSource;
  /** The device as last listed (model, port, UDID for the record). */
  readonly device: (ecid: Ecid) => Device | undefined;
  /** Told after a job's end (its bench-log record) has been handed to the journal, with the ended job. */
  readonly ended?: (job: JobView) => void;
}

export class JobRecorder {
  constructor(private readonly options: JobRecorderOptions) {}

  sessionStarted(stationName: string): void {
    this.options.journal.append({
      v: 1,
      kind: 'session-started',
      at: this.options.clock.now(),
      sessionId: this.options.sessionId,
      stationName,
      appVersion: this.options.appVersion,
    });
  }

  /** Told when the journal cannot be written (a message for the operator) and when it can again. */
  onHealth(listener: (problem: string | undefined) => void): (() => void) | undefined {
    return this.options.journal.onHealth?.(listener);
  }

  created(slot: JobSlot): void {
    const { clock, sessionId } = this.options;
    this.options.journal.append(createdEntry(slot.view, sessionId, slot.profileSha256, clock.now()));
  }

  transition(slot: JobSlot): void {
    this.options.journal.append(transitionEntry(slot.view, this.options.clock.now()));
  }

  ended(slot: JobSlot, stationName: string): void {
    const device = this.options.device(slot.view.ecid);
    const profile = this.options.profile.current();
    const organization = this.options.supervision.current().organizationName;
    const context = {
      workflowName: slot.workflow.name,
      // Which way the device went (ADE or direct), from the workflow it ended in.
      ...enrollmentPathField(slot.workflow),
      ...(profile ? { profileIdentifier: profile.payloadIdentifier } : {}),
      ...(organization ? { organization } : {}),
      ...(device?.udid ? { udid: device.udid } : {}),
      ...(device?.deviceType ? { deviceType: device.deviceType } : {}),
      ...(device?.model ? { model: device.model } : {}),
      ...(slot.values?.firmwareVersion ? { iosVersion: slot.values.firmwareVersion } : {}),
      ...(device?.portLabel ? { portLabel: device.portLabel } : {}),
      stationName,
      appVersion: this.options.appVersion,
      sessionId: this.options.sessionId,
    };
    this.options.journal.append(endedEntry(slot.view, context, this.options.clock.now()));
    this.options.ended?.(slot.view);
  }
}
