/** The guard's sentences for the card, the CLI and the journal; device text passes the sanitiser. */
import { sanitizeText } from '../../text/sanitize-text';
import type { DeviceRead } from '../device-read';

const shown = (value: unknown): string =>
  value === undefined ? 'not readable' : sanitizeText(JSON.stringify(value), { maxLength: 60 });

export function inUseInstruction(values: DeviceRead['values'], model: string | undefined): string {
  const name = sanitizeText(values.name ?? 'this device', { maxLength: 60 });
  const facts = [
    model ? sanitizeText(model, { maxLength: 40 }) : undefined,
    values.serialNumber ? `serial ${sanitizeText(values.serialNumber, { maxLength: 24 })}` : undefined,
    values.firmwareVersion ? `iOS ${sanitizeText(values.firmwareVersion, { maxLength: 16 })}` : undefined,
  ].filter((f): f is string => f !== undefined);
  return `In use: erase '${name}'?${facts.length > 0 ? ` ${facts.join(' · ')}.` : ''} Press Erase to erase it, or Skip to leave it as it is.`;
}

/** The properties the guard reads, as the operator calls them. */
const PROPERTY_WORDS = {
  isSupervised: 'whether it is supervised',
  organizationName: 'its organization',
  serialNumber: 'its serial number',
} as const;

/**
 * Held because a read was unclear: says, in words, what could not be read and what was seen, never cfgutil's
 * property names (a card is read from a metre away).
 */
export function cannotTellInstruction(what: 'serial' | 'manager', values: DeviceRead['values']): string {
  const keys = Object.keys(PROPERTY_WORDS) as (keyof typeof PROPERTY_WORDS)[];
  const unread = keys.filter((k) => values[k] === undefined).map((k) => PROPERTY_WORDS[k]);
  const organization =
    typeof values.organizationName === 'string'
      ? `organization "${sanitizeText(values.organizationName, { maxLength: 60 })}"`
      : undefined;
  const supervised =
    typeof values.isSupervised === 'boolean'
      ? values.isSupervised
        ? 'supervised'
        : 'not supervised'
      : undefined;
  const seen = [supervised, organization].filter((s): s is string => s !== undefined);
  const facts = [
    unread.length > 0 ? `it could not read ${listed(unread)}` : `it read ${shownValues(values)}`,
    ...(seen.length > 0 && unread.length > 0 ? [`it saw ${seen.join(', ')}`] : []),
  ];
  const lead =
    what === 'serial'
      ? 'The bench cannot read this device’s serial number, so it cannot check the ignore list'
      : 'The bench cannot tell who manages this device';
  return `${lead}: ${facts.join('; ')}. Nothing was changed. Unlock it or plug it back in; the bench reads it again by itself.`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1) ?? ''}`;
}

/** Every value was read but they disagree (a shape the guard does not trust): what was read, cleaned. */
function shownValues(values: DeviceRead['values']): string {
  return `supervised ${shown(values.isSupervised)}, organization ${shown(values.organizationName)}`;
}
