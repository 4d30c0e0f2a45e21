/**
 * The renderer's projection of the bench, and the pure functions that update it.
 *
 * Main owns the truth; the renderer folds one snapshot and then only events newer than it (`seq`), so an
 * event that raced the snapshot is neither lost nor applied twice. While a snapshot is on its way, events
 * are also held and replayed on top of it: over one ordered socket, an event emitted after main took the
 * snapshot can arrive before the snapshot does. Every event carries its channel's whole value (per device, for
 * the job and facts channels), so only the newest event per channel and device needs holding.
 */
import type { BenchEvent } from '../../preload/contract';
import type { IntuneEnrollmentView } from '../../preload/intune-domain';
import type { DeviceFacts, JobView, RunStatus, WorkflowList } from '../../preload/jobs-domain';
import type {
  BenchSnapshot,
  Device,
  Ecid,
  EngineStatus,
  ErrorInfo,
  IdentitySummary,
  ProfileSummary,
  WatcherStatus,
} from '../../preload/domain';
import { trackAway, type AwayDevices } from './bench-devices';

/**
 * How the UI reaches the bench: always `open` through Electron's preload; over WebSocket it can drop, and
 * `expired` means the server no longer accepts this page's token (it restarted), so it will not come back.
 */
export type ConnectionState = 'connecting' | 'open' | 'lost' | 'expired';

export interface BenchState {
  /** False until the first snapshot: draw a loading state, not an empty bench. */
  readonly loaded: boolean;
  readonly seq: number;
  readonly devices: readonly Device[];
  /** Devices off USB whose job still holds them on the bench (restarting), as last seen (./bench-devices.ts). */
  readonly away: AwayDevices;
  readonly engine?: EngineStatus;
  readonly watcher: WatcherStatus;
  readonly connection: ConnectionState;
  /** Why the snapshot could not be loaded, when it could not. */
  readonly loadError?: ErrorInfo;
  /**
   * Plain sentence for the polite live region: only what needs a person (a device waiting for a hand, a
   * failure), never progress, so a screen reader is not flooded by a cart of 40.
   */
  readonly announcement: string;
  /** True from asking for a snapshot until it arrives. */
  readonly awaitingSnapshot: boolean;
  /** Newest event per channel (and device, for per-device channels) received while awaiting a snapshot. */
  readonly held: Readonly<Record<string, BenchEvent>>;
  /** Each attached device's job, keyed by ECID. */
  readonly jobs: Readonly<Record<Ecid, JobView>>;
  readonly facts: Readonly<Record<Ecid, DeviceFacts>>;
  readonly run?: RunStatus;
  /** A refused action on one device (Retry, Trust…): shown on that device's card, not in the global notice. */
  readonly cardErrors: Readonly<Record<Ecid, ErrorInfo>>;
  /** Issue 25: each serial's Intune push and enrollment state, by serial number. */
  readonly intune: Readonly<Record<string, IntuneEnrollmentView>>;
  /** Workflows as main last announced them; `undefined` until asked or announced. */
  readonly workflows?: WorkflowList;
  /** The Intune enrollment profile as main judged it; `undefined` until the bench has said (null: none yet). */
  readonly profile?: ProfileSummary | null;
  /** The supervision identity; `undefined` until the bench has said (null: none yet). */
  readonly identity?: IdentitySummary | null;
}

export const initialBenchState: BenchState = {
  loaded: false,
  seq: 0,
  devices: [],
  away: {},
  watcher: { state: 'starting' },
  connection: 'connecting',
  announcement: '',
  awaitingSnapshot: true,
  held: {},
  jobs: {},
  facts: {},
  cardErrors: {},
  intune: {},
};

/** A fresh snapshot is authoritative: it replaces everything, even a state with a higher `seq` (main restarted). */
export function applySnapshot(state: BenchState, snapshot: BenchSnapshot): BenchState {
  const jobs = Object.fromEntries(snapshot.jobs.jobs.map((job) => [job.ecid, job]));
  const base: BenchState = {
    ...state,
    loaded: true,
    seq: snapshot.seq,
    devices: snapshot.devices,
    engine: snapshot.engine,
    watcher: snapshot.watcher,
    loadError: undefined,
    awaitingSnapshot: false,
    held: {},
    jobs,
    away: trackAway(state, snapshot.devices, jobs),
    facts: snapshot.jobs.facts,
    run: snapshot.jobs.run,
    profile: snapshot.profile,
    identity: snapshot.identity,
    workflows: snapshot.workflows,
  };
  const held = Object.values(state.held).sort((a, b) => a.payload.seq - b.payload.seq);
  return held.reduce(applyEvent, base);
}

/** Marks a snapshot request as in flight, so events start being held for it. */
export function beginSnapshot(state: BenchState): BenchState {
  return state.awaitingSnapshot ? state : { ...state, awaitingSnapshot: true, held: {} };
}

export function applyEvent(state: BenchState, event: BenchEvent): BenchState {
  const holding = state.awaitingSnapshot
    ? { ...state, held: { ...state.held, [heldKey(event)]: event } }
    : state;
  return state.loaded ? foldEvent(holding, event) : holding;
}

/** Per-device channels keep one held event per device; the others one per channel. */
function heldKey(event: BenchEvent): string {
  switch (event.channel) {
    case 'jobChanged':
      return `${event.channel}:${event.payload.job.ecid}`;
    case 'jobRemoved':
      // A removal and a later change of the same device's job must replay in order: they share one key.
      return `jobChanged:${event.payload.ecid}`;
    case 'factsChanged':
      return `${event.channel}:${event.payload.ecid}`;
    case 'devicesChanged':
    case 'engineChanged':
    case 'watcherChanged':
    case 'profileChanged':
    case 'identityChanged':
    case 'runChanged':
    case 'workflowsChanged':
    case 'logChanged':
    case 'intuneEnrollmentChanged':
      return event.channel;
  }
}

function foldEvent(state: BenchState, event: BenchEvent): BenchState {
  if (event.payload.seq <= state.seq) return state;
  const seq = event.payload.seq;
  switch (event.channel) {
    case 'devicesChanged':
      return {
        ...state,
        seq,
        devices: event.payload.devices,
        away: trackAway(state, event.payload.devices, state.jobs),
      };
    case 'engineChanged':
      return { ...state, seq, engine: event.payload.engine };
    case 'watcherChanged':
      return { ...state, seq, watcher: event.payload.watcher };
    case 'profileChanged':
      return { ...state, seq, profile: event.payload.profile };
    case 'identityChanged':
      return { ...state, seq, identity: event.payload.identity };
    case 'jobChanged': {
      const job = event.payload.job;
      const announcement = describeAttention(state, state.jobs[job.ecid], job) || state.announcement;
      const jobs = { ...state.jobs, [job.ecid]: job };
      return { ...state, seq, announcement, jobs, away: trackAway(state, state.devices, jobs) };
    }
    case 'jobRemoved': {
      const { [event.payload.ecid]: _removed, ...jobs } = state.jobs;
      return { ...state, seq, jobs, away: trackAway(state, state.devices, jobs) };
    }
    case 'factsChanged':
      return { ...state, seq, facts: { ...state.facts, [event.payload.ecid]: event.payload.facts } };
    case 'runChanged':
      return { ...state, seq, run: event.payload.run };
    case 'workflowsChanged':
      return { ...state, seq, workflows: event.payload.list };
    case 'intuneEnrollmentChanged': {
      const e = event.payload.enrollment;
      return { ...state, seq, intune: { ...state.intune, [e.serial]: e } };
    }
    case 'logChanged':
      // The log view asks for its own page (renderer/log/); the bench state holds no log records, and an
      // unchanged state re-renders nothing. Skipping its seq is safe: every later event's seq is larger.
      return state;
  }
}

/*
 * The snapshot carries the profile, identity and workflows; their events follow them from there. The answers
 * below (the workflow list after an editor save, the Intune enrollments) have no `seq`, but they travel on the
 * same ordered channel as the events, so whichever of an answer and an event arrives later is at least as new:
 * both are simply applied in arrival order.
 */

/** The answer to `getIntuneEnrollments()`, asked after the snapshot; an event since then is kept (newer). */
export function applyIntuneEnrollments(state: BenchState, list: readonly IntuneEnrollmentView[]): BenchState {
  const intune: Record<string, IntuneEnrollmentView> = { ...state.intune };
  const age = (e: IntuneEnrollmentView | undefined) => Math.max(e?.checkedAt ?? 0, e?.pushedAt ?? 0);
  for (const e of list) if (age(e) >= age(intune[e.serial])) intune[e.serial] = e;
  return { ...state, intune };
}

/** The answer to `listWorkflows()`, asked after the workflow editor saved. */
export function applyWorkflows(state: BenchState, workflows: WorkflowList): BenchState {
  return { ...state, workflows };
}

/** A refused action on one device, or `undefined` to clear it. */
export function applyCardError(state: BenchState, ecid: Ecid, error: ErrorInfo | undefined): BenchState {
  if (state.cardErrors[ecid] === error) return state;
  const { [ecid]: _old, ...rest } = state.cardErrors;
  return { ...state, cardErrors: error ? { ...rest, [ecid]: error } : rest };
}

export function applyConnection(state: BenchState, connection: ConnectionState): BenchState {
  return connection === state.connection ? state : { ...state, connection };
}

/** The snapshot request failed: keep what is shown, and the held events for the next attempt. */
export function applyLoadError(state: BenchState, error: ErrorInfo): BenchState {
  return { ...state, loadError: error };
}

/** What a job's change asks of the operator, in words; empty when it asks nothing new. */
export function describeAttention(state: BenchState, before: JobView | undefined, after: JobView): string {
  const device = state.devices.find((d) => d.ecid === after.ecid) ?? state.away[after.ecid];
  const where = device?.portLabel ?? (device ? deviceLabel(device) : (after.serialNumber ?? after.ecid));
  if (after.phase === 'waiting-for-operator' && after.waiting) {
    const same = before?.phase === 'waiting-for-operator' && before.waiting?.reason === after.waiting.reason;
    return same ? '' : `${where}: ${after.waiting.instruction}`;
  }
  if (after.phase === 'failed' && before?.phase !== 'failed') {
    return `${where} failed: ${after.error?.title ?? 'the job stopped'}.`;
  }
  return '';
}

/** The name an operator knows a device by. */
export function deviceLabel(device: Device): string {
  return device.name ?? device.model ?? device.deviceType ?? 'Unnamed device';
}
