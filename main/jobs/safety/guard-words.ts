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

export function cannotTellInstruction(what: 'serial' | 'manager', values: DeviceRead['values']): string {
  const seen = `isSupervised: ${shown(values.isSupervised)}, organizationName: ${shown(values.organizationName)}, serialNumber: ${shown(values.serialNumber)}`;
  const lead =
    what === 'serial'
      ? 'The bench cannot read this device’s serial number, so it cannot check the ignore list'
      : 'The bench cannot tell who manages this device';
  return `${lead} (${seen}). Nothing was changed. Unlock it or plug it back in; the bench reads it again by itself.`;
}
