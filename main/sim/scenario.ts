/**
 * Loads a simulator scenario (a shipped name or a JSON file) and turns it into world options (issue 8, item 12).
 *
 * Used by `sim world --scenario`, `serve --simulate --scenario` and the runner's `run --simulate --scenario`:
 *
 *   const scenario = await loadScenario('messy-cart');          // or a path, relative to cwd
 *   const handle = await startSimulatedWorld({ ...scenarioWorldOptions(scenario), timeScale: 0.1 });
 *
 * A file is untrusted: its size is bounded before parsing, and every problem is a `BenchError` that names the
 * file and the field.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { SimFault } from './faults';
import type { SimReadShape } from './device-model';
import type { SimAttachSpec } from './generate-device';
import {
  scenarioSchema,
  type SimScenario,
  type SimScenarioDevice,
  type SimScenarioFault,
} from './scenario-schema';
import { SHIPPED_SCENARIOS } from './shipped-scenarios';
import { scenarioError } from './sim-errors';
import type { SimQuirks, SimStartFault, SimWorldOptions } from './sim-options';

export type { SimScenario } from './scenario-schema';
export { cleanCartScenario, CLEAN_CART_SIZE, SHIPPED_SCENARIOS } from './shipped-scenarios';

/** Far more than a cart of 80 devices with faults needs. */
const MAX_SCENARIO_BYTES = 256 * 1024;

async function readBounded(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw scenarioError(
      `${file} cannot be opened (${code ?? 'error'}). Give a scenario file that exists, or one of: ${Object.keys(SHIPPED_SCENARIOS).join(', ')}.`,
    );
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw scenarioError(`${file} is not a file.`);
    if (stat.size > MAX_SCENARIO_BYTES)
      throw scenarioError(`${file} is larger than ${MAX_SCENARIO_BYTES / 1024} KB; a scenario is a few KB.`);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Checks a parsed value against the scenario schema; `where` names it in the error. */
export function parseScenario(value: unknown, where: string): SimScenario {
  const result = scenarioSchema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const at = first && first.path.length > 0 ? first.path.join('.') : '(top level)';
  throw scenarioError(`${where}: ${at}: ${first?.message ?? 'invalid'}. Fix that field and try again.`);
}

/** A shipped scenario by name (`clean-cart`, `messy-cart`), else a JSON file resolved against `cwd`. */
export async function loadScenario(source: string, cwd = process.cwd()): Promise<SimScenario> {
  const shipped = Object.hasOwn(SHIPPED_SCENARIOS, source) ? SHIPPED_SCENARIOS[source] : undefined;
  if (shipped) return shipped();
  const file = path.resolve(cwd, source);
  const text = await readBounded(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw scenarioError(`${file} is not JSON (${error instanceof Error ? error.message : 'parse error'}).`);
  }
  return parseScenario(value, file);
}

function attachSpec(device: SimScenarioDevice): SimAttachSpec {
  return {
    ...(device.class ? { deviceClass: device.class } : {}),
    ...(device.type ? { deviceType: device.type } : {}),
    ...(device.name ? { name: device.name } : {}),
    state: device.state === 'fresh' ? 'erased' : 'in-use',
    ...(device.paired !== undefined ? { paired: device.paired } : {}),
    ...(device.passcodeLocked !== undefined ? { passcodeLocked: device.passcodeLocked } : {}),
    ...(device.findMy !== undefined ? { findMy: device.findMy } : {}),
    ...(device.supervisedBy
      ? {
          // Another organization's identity: bytes the bench can never hold.
          supervisedBy: {
            organizationName: device.supervisedBy,
            certificate: Buffer.from(`scenario-org:${device.supervisedBy}`),
          },
        }
      : {}),
    ...(device.pairingProhibited !== undefined ? { pairingProhibited: device.pairingProhibited } : {}),
    ...(device.dfu ? { bootedState: 'Recovery' as const } : {}),
    ...(device.batteryPercent !== undefined ? { batteryPercent: device.batteryPercent } : {}),
    ...(device.flappingPort !== undefined ? { flaps: device.flappingPort } : {}),
    ...(device.dep ? { dep: device.dep === 'transient' ? 'transiently-unavailable' : device.dep } : {}),
    ...(device.depOrganization ? { depOrganization: device.depOrganization } : {}),
    ...(device.depFailures !== undefined ? { depUnavailablePrepares: device.depFailures } : {}),
    ...(device.oddReads ? { readShapes: readShapesOf(device.oddReads) } : {}),
  };
}

function readShapesOf(odd: NonNullable<SimScenarioDevice['oddReads']>): Record<string, SimReadShape> {
  const shapes: Record<string, SimReadShape> = {};
  for (const [property, shape] of Object.entries(odd)) {
    if (shape === undefined) continue;
    shapes[property] = typeof shape === 'string' ? { kind: shape } : { kind: 'value', value: shape.value };
  }
  return shapes;
}

function faultOf(f: SimScenarioFault): SimFault {
  switch (f.kind) {
    case 'disconnect':
      return {
        kind: 'disconnect',
        ...(f.reattachAfterSeconds !== undefined ? { reattachAfterSeconds: f.reattachAfterSeconds } : {}),
        ...(f.effectApplied !== undefined ? { effectApplied: f.effectApplied } : {}),
      };
    case 'bare-error': {
      const error = f.error;
      if (error === 'macOutOfDate' || error === 'restoreFailed')
        throw scenarioError(
          `a bare-error fault takes disconnected, deviceStateUnknown or pairingProhibited.`,
        );
      return {
        kind: 'bare-error',
        ...(error ? { error } : {}),
        ...(f.happened !== undefined ? { happened: f.happened } : {}),
      };
    }
    case 'error': {
      const error = f.error;
      if (error !== 'macOutOfDate' && error !== 'restoreFailed' && error !== 'deviceStateUnknown')
        throw scenarioError('an error fault needs error: macOutOfDate, restoreFailed or deviceStateUnknown.');
      return { kind: 'error', error };
    }
    case 'hang':
    case 'garbage':
    case 'crash':
      return { kind: f.kind };
  }
}

/** World options for a scenario; timing and the rest (time scale, discovery) are the caller's. */
export function scenarioWorldOptions(scenario: SimScenario): SimWorldOptions {
  const devices = scenario.devices.flatMap((d) => Array.from({ length: d.count ?? 1 }, () => attachSpec(d)));
  const faults: SimStartFault[] = (scenario.faults ?? []).map((f) => {
    if (f.device !== undefined && f.device >= devices.length)
      throw scenarioError(`fault for device #${f.device}, but the scenario has ${devices.length} devices.`);
    return {
      fault: faultOf(f),
      target: {
        ...(f.device !== undefined ? { device: f.device } : {}),
        ...(f.command !== undefined ? { command: f.command } : {}),
        ...(f.times !== undefined ? { times: f.times } : {}),
      },
    };
  });
  const { mdmInstallsSilently, ...rest } = scenario.switches ?? {};
  const quirks: Partial<SimQuirks> = {
    ...rest,
    ...(mdmInstallsSilently !== undefined ? { mdmSilentOnSupervised: mdmInstallsSilently } : {}),
  };
  const operator = scenario.operator ?? {};
  return {
    ...(scenario.seed !== undefined ? { seed: scenario.seed } : {}),
    ...(scenario.online !== undefined ? { online: scenario.online } : {}),
    quirks,
    devices,
    faults,
    ...operator,
  };
}
