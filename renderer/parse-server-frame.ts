/**
 * Shape check for frames arriving on the WebSocket before the renderer trusts them.
 *
 * The server is ours, but the socket is still input: a frame that does not look like the contract is
 * dropped rather than folded into the bench state.
 */
import { isEventChannel, type BenchEvent, type ServerFrame } from '../preload/contract';
import type { Result } from '../preload/domain';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isResult(value: unknown): value is Result<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false &&
    isRecord(value.error) &&
    typeof value.error.code === 'string' &&
    typeof value.error.title === 'string'
  );
}

function isEventPayload(channel: BenchEvent['channel'], payload: Record<string, unknown>): boolean {
  switch (channel) {
    case 'devicesChanged':
      return (
        Array.isArray(payload.devices) &&
        payload.devices.every((d) => isRecord(d) && typeof d.ecid === 'string')
      );
    case 'engineChanged':
      return isRecord(payload.engine) && typeof payload.engine.kind === 'string';
    case 'watcherChanged':
      return isRecord(payload.watcher) && typeof payload.watcher.state === 'string';
    case 'profileChanged':
      return (
        payload.profile === null || (isRecord(payload.profile) && typeof payload.profile.verdict === 'string')
      );
    case 'identityChanged':
      return (
        payload.identity === null ||
        (isRecord(payload.identity) && typeof payload.identity.subject === 'string')
      );
    case 'jobChanged':
      return (
        isRecord(payload.job) && typeof payload.job.ecid === 'string' && typeof payload.job.phase === 'string'
      );
    case 'jobRemoved':
      return typeof payload.ecid === 'string';
    case 'factsChanged':
      return typeof payload.ecid === 'string' && isRecord(payload.facts);
    case 'runChanged':
      return isRecord(payload.run) && typeof payload.run.armed === 'boolean';
    case 'workflowsChanged':
      return isRecord(payload.list) && Array.isArray(payload.list.workflows);
    case 'logChanged':
      return typeof payload.revision === 'number' && typeof payload.records === 'number';
    case 'intuneEnrollmentChanged':
      return isRecord(payload.enrollment) && typeof payload.enrollment.serial === 'string';
  }
}

export function parseServerFrame(text: string): ServerFrame | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (value.type === 'result') {
    return typeof value.id === 'number' && isResult(value.result) ? (value as ServerFrame) : undefined;
  }
  if (value.type === 'event' && isEventChannel(value.channel) && isRecord(value.payload)) {
    const { payload } = value;
    if (typeof payload.seq !== 'number' || !isEventPayload(value.channel, payload)) return undefined;
    return value as ServerFrame;
  }
  return undefined;
}
