/**
 * `list` (§6.1, §6.2, §11.6 of ../shared/reference/cfgutil.md): works unpaired, exact keys, no `Errors`.
 * Broken Automation Tools give an empty set, not an error (§1).
 */
import type { SimWorld } from '../../sim-world';
import { toListEntry } from '../../snapshot';
import type { SimListEntry } from '../../device-model';
import type { OutputFormat } from '../parse-argv';
import { serialize } from '../serialize';
import type { OutputSink } from '../write-results';

function entries(world: SimWorld): SimListEntry[] {
  if (world.quirks.brokenAutomationTools) return [];
  return world.attachedEcids().flatMap((ecid) => {
    const device = world.attachedDevice(ecid);
    return device ? [toListEntry(device)] : [];
  });
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
