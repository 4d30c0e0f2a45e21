/**
 * The three text layouts of `get` (§6.2 of main/cfgutil/README.md): a bare value for one property
 * of one device, `prop:` / value line pairs for several properties, and `<name> (ECID: …): value` per
 * device when several devices answer.
 */
import type { SimErrorBody } from '../messages';
import { textValue } from './serialize';
import type { DeviceResult, OutputSink } from './write-results';

function errorText(error: SimErrorBody): string {
  return `Error: ${error.Message} (${error.Domain} ${error.Code})`;
}

function valueOf(result: DeviceResult, property: string): string {
  if (!result.outcome.ok) return '';
  const error = result.outcome.propertyErrors?.[property];
  return error ? errorText(error) : textValue(result.outcome.output[property]);
}

export function writeGetText(sink: OutputSink, results: readonly DeviceResult[]): void {
  const single = results.length === 1;
  for (const result of results) {
    if (!result.outcome.ok) {
      if ('error' in result.outcome) {
        sink.stderr(`cfgutil: error: ${result.outcome.error.Message}\n`);
        sink.stderr(`(Domain: ${result.outcome.error.Domain} Code: ${result.outcome.error.Code})\n`);
      }
      continue;
    }
    const order = result.order ?? Object.keys(result.outcome.output);
    const label = `${result.name} (ECID: ${result.ecid}):`;
    if (order.length === 1) {
      const value = valueOf(result, order[0] ?? '');
      sink.stdout(single ? `${value}\n` : `${label} ${value}\n`);
      continue;
    }
    if (!single) sink.stdout(`${label}\n`);
    for (const property of order) sink.stdout(`${property}:\n${valueOf(result, property)}\n`);
  }
}
