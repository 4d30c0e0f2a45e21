/**
 * `list` (README.md in main/cfgutil, "list"): works unpaired, exact keys, no `Errors`.
 * Broken Automation Tools give an empty set, not an error. Also lists the non-bench devices (a Mac in DFU,
 * an Apple TV) the world holds.
 */
import type { SimWorld } from '../../sim-world';
import { toListEntry } from '../../snapshot';
import type { SimListEntry } from '../../device-model';
import type { OutputFormat } from '../parse-argv';
import { serialize } from '../serialize';
import type { OutputSink } from '../write-results';

/**
 * An iPhone or iPad in Recovery/DFU cannot tell its UDID or name; with the `recoveryListIdentity` switch at
 * `n/a` it shows the "N/A" captured for a Mac in DFU.
 */
function listed(world: SimWorld, entry: SimListEntry, booted: boolean): SimListEntry {
  if (booted || world.quirks.recoveryListIdentity === 'real') return entry;
  return { ...entry, UDID: 'N/A', name: 'N/A' };
}

function entries(world: SimWorld): SimListEntry[] {
  if (world.quirks.brokenAutomationTools) return [];
  const devices = world.attachedEcids().flatMap((ecid) => {
    const device = world.attachedDevice(ecid);
    return device ? [listed(world, toListEntry(device), device.bootedState === 'Booted')] : [];
  });
  return [...devices, ...world.foreignEntries()];
}

/** Text line: `Type: …<TAB>ECID: …<TAB>UDID: … Location: 0x… Name: …` (§6.2). */
export function listLine(entry: SimListEntry): string {
  return `Type: ${entry.deviceType}\tECID: ${entry.ECID}\tUDID: ${entry.UDID} Location: 0x${entry.locationID.toString(16)} Name: ${entry.name}`;
}

export function writeList(world: SimWorld, format: OutputFormat, sink: OutputSink): number {
  const found = entries(world);
  if (format === 'text') {
    for (const entry of found) sink.stdout(`${listLine(entry)}\n`);
    return 0;
  }
  const output: Record<string, SimListEntry> = {};
  for (const entry of found) output[entry.ECID] = entry;
  const envelope = {
    Command: 'list',
    Output: output,
    Type: 'CommandOutput',
    Devices: found.map((e) => e.ECID),
  };
  sink.stdout(serialize(envelope, format, world.quirks.jsonStyle));
  return 0;
}
