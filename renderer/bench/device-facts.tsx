/**
 * What a device is before any job touches it: locked, whose supervision, our profile already on it, battery,
 * iOS. A warning carries an icon and a word, never colour alone.
 */
import type { DeviceFacts } from '../../preload/jobs-domain';
import { StatusIcon } from '../ui/status-icon';

/** Below this the bench warns: an erase and a restart on a nearly flat battery can leave a dead device. */
export const lowBatteryPercent = 20;

export interface Fact {
  readonly text: string;
  /** For a full cart's narrow card. */
  readonly short: string;
  readonly warning: boolean;
}

export function describeFacts(facts: DeviceFacts): Fact[] {
  const list: Fact[] = [];
  if (facts.passcodeLocked) list.push({ text: 'Locked with a passcode', short: 'Locked', warning: true });
  if (facts.supervised && !facts.supervisedByUs) {
    const org = facts.organizationName ?? 'another organization';
    list.push({ text: `Supervised by ${org}`, short: 'Other org', warning: true });
  } else if (facts.supervisedByUs) {
    list.push({ text: 'Supervised by this bench', short: 'Ours', warning: false });
  }
  if (facts.holdsOurProfile)
    list.push({ text: 'Already has our profile', short: 'Has profile', warning: false });
  if (facts.batteryPercent !== undefined) {
    const low = facts.batteryPercent < lowBatteryPercent;
    const percent = `${facts.batteryPercent}%`;
    list.push({ text: `Battery ${percent}${low ? ': charge it' : ''}`, short: percent, warning: low });
  }
  if (facts.iosVersion)
    list.push({ text: `iOS ${facts.iosVersion}`, short: facts.iosVersion, warning: false });
  return list;
}

export function DeviceFactsList({
  facts,
  compact,
}: {
  readonly facts: DeviceFacts;
  readonly compact: boolean;
}) {
  // A full cart shows the first thing that stops a job; the rest is its tooltip and in the details.
  const all = describeFacts(facts);
  const shown = compact ? all.filter((f) => f.warning).slice(0, 1) : all;
  if (shown.length === 0) return null;
  return (
    <ul className="device-facts" aria-label="Device facts" title={all.map((f) => f.text).join(' · ')}>
      {shown.map((fact) => (
        <li key={fact.text} className={fact.warning ? 'fact-warning' : undefined}>
          {fact.warning && <StatusIcon name="warning" />}
          {compact ? fact.short : fact.text}
        </li>
      ))}
    </ul>
  );
}
