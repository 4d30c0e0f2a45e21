/**
 * The workflow half of the provisioning channels: list, save, delete, and a preview of the names a rename
 * template gives the devices attached now. Every change is pushed to every UI as `workflowsChanged`.
 *
 * Arguments arrive shape-checked by main/dispatch/validate-job-args.ts; the content of a workflow is judged here,
 * by the store, and a refusal names the field.
 */
import type { JobInvokeChannels } from '../../../preload/contract';
import type { Ecid, Result } from '../../../preload/domain';
import type { SkipPaneCatalogue, Workflow, WorkflowList } from '../../../preload/jobs-domain';
import { isPaneKey } from '../../cfgutil/prepare-options';
import { catalogueKeys, readSkipPaneCatalogue } from '../../cfgutil/skip-pane-names';
import { forPeople } from './workflow-problem';
import { unknownPaneMessage } from './workflow-schema';
import type { EventHub } from '../../events/event-hub';
import { byPort } from './name-book';
import { BenchError } from '../../errors/bench-error';
import { checkNameTemplate, deviceClassOf, expandNameTemplate, templateNeedsSerial } from './name-template';
import type { WorkflowStore } from './workflow-store';

export type WorkflowChannelName =
  'listWorkflows' | 'saveWorkflow' | 'deleteWorkflow' | 'previewNames' | 'listSkipPanes';

/** What the preview needs to know of an attached device. */
export interface AttachedDevice {
  readonly ecid: Ecid;
  readonly serialNumber?: string;
  readonly model?: string;
  readonly deviceType?: string;
  readonly portLabel?: string;
}

/** Shown in the preview for a device whose serial number has not been read yet (it is not paired). */
export const SERIAL_NOT_READ = '(serial number not read yet)';

const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export class WorkflowChannels implements Pick<JobInvokeChannels, WorkflowChannelName> {
  constructor(
    private readonly store: WorkflowStore,
    private readonly attachedDevices: () => readonly AttachedDevice[],
    /** The panes the cfgutil in use can skip (main/cfgutil/skip-pane-names.ts); the known list without one. */
    private readonly skipPanes: () => Promise<SkipPaneCatalogue> = () => readSkipPaneCatalogue(undefined),
  ) {}

  /** Forwards every saved or deleted workflow to every UI. Returns an unsubscribe. */
  wire(hub: EventHub): () => void {
    return this.store.onChanged((list) => hub.emit('workflowsChanged', { list }));
  }

  async listWorkflows(): Promise<Result<WorkflowList>> {
    return ok(await this.store.list());
  }

  /**
   * A pane the cfgutil in use does not list is refused here, by name and next to its field; a file written by
   * hand may still name one (prepare then leaves it out and preflight says so).
   */
  async saveWorkflow(req: { readonly workflow: Workflow }): Promise<Result<Workflow>> {
    const unknown = unknownPane(req.workflow, catalogueKeys(await this.skipPanes()));
    if (unknown) {
      const { field, sentence } = forPeople(unknown.path, unknownPaneMessage(unknown.key), req.workflow);
      throw new BenchError({
        code: 'invalid-request',
        title: 'The workflow was not saved',
        detail: sentence,
        retryable: false,
        field,
      });
    }
    return ok(await this.store.save(req.workflow));
  }

  async listSkipPanes(): Promise<Result<SkipPaneCatalogue>> {
    return ok(await this.skipPanes());
  }

  async deleteWorkflow(req: { readonly workflowId: string }): Promise<Result<WorkflowList>> {
    return ok(await this.store.delete(req.workflowId));
  }

  /** The counter follows the order the devices are listed in, as it will when a cart runs. */
  async previewNames(req: {
    readonly template: string;
  }): Promise<Result<readonly { readonly ecid: Ecid; readonly name: string }[]>> {
    const problem = checkNameTemplate(req.template);
    if (problem) {
      throw new BenchError({
        code: 'invalid-request',
        title: 'This name template cannot be used',
        detail: problem,
        retryable: false,
      });
    }
    const needsSerial = templateNeedsSerial(req.template);
    // In port order, as counters are given at admission (main/jobs/workflow/name-book.ts).
    const devices = [...this.attachedDevices()].sort((a, b) => byPort(a.portLabel, b.portLabel));
    return ok(
      devices.map((device, index) => {
        const deviceClass = deviceClassOf(device.deviceType, device.model);
        return {
          ecid: device.ecid,
          name:
            needsSerial && !device.serialNumber
              ? SERIAL_NOT_READ
              : expandNameTemplate(req.template, {
                  ...device,
                  ...(deviceClass ? { deviceClass } : {}),
                  counter: index + 1,
                }),
        };
      }),
    );
  }
}

/** The first well-formed pane key of a prepare step that `known` lacks (malformed ones are the schema's). */
function unknownPane(
  workflow: unknown,
  known: ReadonlySet<string>,
): { readonly path: readonly (string | number)[]; readonly key: string } | undefined {
  const steps = (workflow as { steps?: unknown } | undefined)?.steps;
  if (!Array.isArray(steps)) return undefined;
  for (const [index, step] of steps.entries()) {
    const panes = (step as { kind?: unknown; skipPanes?: unknown } | undefined)?.skipPanes;
    if ((step as { kind?: unknown }).kind !== 'prepare' || !Array.isArray(panes)) continue;
    const key = panes.find((p): p is string => typeof p === 'string' && isPaneKey(p) && !known.has(p));
    if (key !== undefined) return { path: ['steps', index, 'skipPanes'], key };
  }
  return undefined;
}

/** The devices attached now, kept from the hub's `devicesChanged` events (for the preview's device list). */
export function trackAttachedDevices(hub: EventHub): () => readonly AttachedDevice[] {
  let devices: readonly AttachedDevice[] = [];
  hub.subscribe((event) => {
    if (event.channel === 'devicesChanged') devices = event.payload.devices;
  });
  return () => devices;
}

/** The five channel methods bound to their object, to spread beside the rest of the jobs area. */
export function workflowChannelMethods(
  channels: WorkflowChannels,
): Pick<JobInvokeChannels, WorkflowChannelName> {
  return {
    listWorkflows: () => channels.listWorkflows(),
    saveWorkflow: (req) => channels.saveWorkflow(req),
    deleteWorkflow: (req) => channels.deleteWorkflow(req),
    previewNames: (req) => channels.previewNames(req),
    listSkipPanes: () => channels.listSkipPanes(),
  };
}
