/**
 * `prepare` (README.md in main/cfgutil, "prepare"): initial configuration of a freshly erased
 * device. Three steps (wait, download activation record, activate); 40–90 s; needs Internet.
 *
 * Failures, in the order a real run meets them: not freshly erased (612, after "Waiting for the device
 * [1/1]" as in S13), Mac offline (Detail "Network communication error."), DEP configuration missing or
 * transiently unavailable (33001), Activation Lock at activation ("complete the activation process"; with the
 * `activationLockAt: 'erase'` switch, "The device is not activated."). A device still settling after a reboot
 * gets the busy message from the runner (AGREED-SIM 4).
 *
 * A configuration that forbids pairing, prepared without `-C/-K`, ends supervised but unpaired, with
 * −402653030 inside the success envelope (the `forbiddingPrepareWithoutIdentity` switch). A device can also
 * answer "The device is not activated." a few times for no lasting reason (`notActivatedPrepares`).
 *
 * On success the device reboots (AZTEC: "MDM configuration likely initiated a reboot", also with `--dep`) and
 * comes back with Setup Assistant finished when every pane was skipped (AGREED-SIM 1).
 */
import { createHash } from 'node:crypto';
import { DEP_ENROLLMENT_IDENTIFIER, type SimDevice } from '../../device-model';
import { afterPrepareReboot } from '../../device-lifecycle';
import { supervisorIdOf } from '../../generate-device';
import { fail, ok, type DeviceCommand, type DeviceOutcome, type RunContext } from '../command-types';
import { callerIdentity, readCallerFile } from '../identity';
import { parsePrepareFlags, type PrepareFlags } from './prepare-flags';

const STEPS = 3;

async function supervisorFor(flags: PrepareFlags, ctx: RunContext): Promise<string | undefined | 'missing'> {
  if (flags.hostCert !== undefined) {
    const cert = await readCallerFile(ctx.cwd, flags.hostCert);
    return cert ? supervisorIdOf(cert) : 'missing';
  }
  return callerIdentity(ctx);
}

async function prepare(device: SimDevice, flags: PrepareFlags, ctx: RunContext): Promise<DeviceOutcome> {
  const { world } = ctx;
  const { timings } = world;
  // §9: ~85 s for a DEP prepare that succeeds, 40–85 s otherwise.
  const total = flags.dep
    ? world.duration(timings.prepareMaxSeconds)
    : world.rng.int(timings.prepareMinSeconds, timings.prepareMaxSeconds);
  if (!device.freshlyErased) {
    ctx.progress(device, 1, 1, 'Waiting for the device');
    await ctx.sleep(timings.quickCommandSeconds);
    return fail(ctx.error('alreadyPrepared'));
  }
  ctx.progress(device, 1, STEPS, 'Waiting for the device');
  await ctx.sleep(timings.quickCommandSeconds);
  const supervisor = await supervisorFor(flags, ctx);
  if (supervisor === 'missing') return fail(ctx.error('fileMissing'));
  ctx.progress(device, 2, STEPS, 'Downloading activation record for device');
  if (!world.online) {
    await ctx.sleep(Math.min(total, 10));
    return fail(ctx.error('network'));
  }
  if (flags.dep && device.dep !== 'available') {
    await ctx.sleep(world.duration(timings.depFailSeconds));
    // A transient failure clears itself after a few tries: AZTEC's retry after a re-erase succeeded (§12).
    if (device.dep === 'transiently-unavailable') {
      device.depUnavailablePrepares -= 1;
      if (device.depUnavailablePrepares <= 0) device.dep = 'available';
    }
    if (world.quirks.prepareAfterFailedDep === 'needs-erase') device.freshlyErased = false;
    return fail(ctx.error('configurationUnavailable'));
  }
  await ctx.sleep(total * 0.4);
  ctx.progress(device, 3, STEPS, 'Activating iOS on the device');
  await ctx.sleep(total * 0.6 - timings.quickCommandSeconds);
  if (device.findMy)
    return fail(
      ctx.error(world.quirks.activationLockAt === 'activation' ? 'activationLock' : 'notActivated'),
    );
  if (device.notActivatedPrepares > 0) {
    device.notActivatedPrepares -= 1;
    return fail(ctx.error('notActivated'));
  }
  const identity = await callerIdentity(ctx);
  device.activationState = 'Activated';
  device.freshlyErased = false;
  device.isPaired = true;
  device.skippedPanes = [...flags.skip];
  if (flags.dep) {
    device.isSupervised = true;
    device.organizationName = device.depOrganization;
    device.supervisorId =
      supervisor ?? createHash('sha256').update(`dep:${device.depOrganization}`).digest('hex');
    world.stagePending(device, {
      identifier: DEP_ENROLLMENT_IDENTIFIER,
      displayName: 'Remote Management',
      version: 1,
      isMdm: true,
      isWifi: false,
      forbidsRename: false,
    });
  } else if (flags.supervised) {
    device.isSupervised = true;
    device.organizationName = flags.name ?? 'Apple Configurator';
    device.supervisorId = supervisor ?? createHash('sha256').update(`random:${device.udid}`).digest('hex');
    device.pairingForbidden = flags.forbidPairing;
  }
  // The new configuration forbids pairing and this run holds no identity: the device is supervised, but
  // cfgutil's own pairing record is gone and it reports −402653030 for it (AZTEC reads that after prepare).
  const lostPairing =
    device.pairingForbidden &&
    identity !== device.supervisorId &&
    world.quirks.forbiddingPrepareWithoutIdentity === 'pairing-prohibited';
  if (lostPairing) device.isPaired = false;
  const panesLeftAfterSkipAll = world.quirks.panesLeftAfterSkipAll;
  world.reboot(
    device.ecid,
    world.duration(timings.prepareRebootDetachSeconds),
    world.duration(timings.rebootReattachSeconds),
    (d) => afterPrepareReboot(d, panesLeftAfterSkipAll),
  );
  return lostPairing ? { ok: true, output: {}, bareError: ctx.error('pairingProhibited') } : ok();
}

export const prepareCommand: DeviceCommand = {
  name: 'prepare',
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `"prepare" succeeded on ${name} (ECID: ${ecid}).`,
  bind(args, _options, world) {
    const flags = parsePrepareFlags(args, world.quirks.prepareSkipPanes);
    if (typeof flags === 'string') return flags;
    return (device, ctx) => prepare(device, flags, ctx);
  },
};
