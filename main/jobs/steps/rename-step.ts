/** Rename from the workflow's template; done when the device reports the new name. */
import type { WorkflowStep } from '../../../preload/jobs-domain';
import { deviceClassOf, expandNameTemplate } from '../workflow/name-template';
import { backoffMs } from '../backoff';
import type { JobContext } from '../job-context';
import { cfgutilCode, failure, endingFrom } from '../job-failure';
import { busyRetries, currentRead, readDevice, REREAD_CODES } from '../step-kit';

const NAME = ['name'] as const;

type RenameStep = Extract<WorkflowStep, { kind: 'rename' }>;

export async function runRename(ctx: JobContext, step: RenameStep): Promise<'succeeded' | 'skipped'> {
  // The serial number never changes: the one read on arrival serves, unless the bench has none yet.
  const known = ctx.serialNumber();
  const first = await currentRead(ctx, known ? NAME : ['name', 'serialNumber']);
  const serialNumber = first.values.serialNumber ?? known;
  const model = ctx.modelName();
  const deviceClass = deviceClassOf(ctx.deviceType(), model);
  if (step.template.includes('{class}') && !deviceClass)
    throw failure(
      'invalid-request',
      'The device class is unknown',
      `"${step.template}" names the device class, but this device did not say whether it is an iPad or an iPhone. Press Retry once it is paired.`,
    );
  const name = ctx.nameFor(step.template, (counter) =>
    expandNameTemplate(step.template, {
      ...(serialNumber ? { serialNumber } : {}),
      ...(model ? { model } : {}),
      ...(deviceClass ? { deviceClass } : {}),
      counter,
    }),
  );
  if (name === undefined)
    throw failure(
      'invalid-request',
      'That name was already given to another device',
      `"${step.template}" gives this device a name the bench log holds for another serial. Add a counter such as {n:3} to the template, then press Retry.`,
      false,
    );
  if (name === '')
    throw failure(
      'invalid-request',
      'The name template gives no name',
      `"${step.template}" is empty for this device.`,
      false,
    );
  if (first.values.name === name) {
    ctx.dispatch({ type: 'renamed', name });
    return 'skipped';
  }
  const send = busyRetries(ctx);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await send(() => ctx.client.rename(ctx.ecid, name, { signal: ctx.signal }));
    } catch (error) {
      const code = cfgutilCode(error);
      if (code === undefined || !REREAD_CODES.has(code) || attempt >= ctx.timings.busy.attempts)
        throw endingFrom(error);
    }
    const read = await readDevice(ctx, NAME);
    if (read.values.name === name) {
      ctx.dispatch({ type: 'renamed', name });
      return 'succeeded';
    }
    if (attempt >= ctx.timings.transient.attempts) {
      throw failure(
        'unknown',
        'The device kept its old name',
        `Renaming to "${name}" did not take. Press Retry.`,
      );
    }
    ctx.dispatch({ type: 'attempt' });
    await ctx.sleep(backoffMs(ctx.timings.busy, attempt, ctx.random));
  }
}
