/**
 * `install-profile <file>` and `remove-profile <identifier|file>` (§8.4, §11, §11 of
 * main/cfgutil/README.md).
 *
 * Silent install only on a device supervised by the caller's `-C/-K` identity (and, by default, not for MDM
 * enrollment profiles); otherwise the profile waits on the device and the command fails with 625.
 */
import path from 'node:path';
import type { SimDevice, SimProfile } from '../../device-model';
import { fail, ok, type DeviceCommand, type DeviceOutcome, type RunContext } from '../command-types';
import { ensurePaired, holdsSupervision, readCallerFile } from '../identity';
import { readProfileBytes } from '../profile-file';

function install(device: SimDevice, profile: SimProfile): void {
  device.profiles = [...device.profiles.filter((p) => p.identifier !== profile.identifier), profile];
  device.pendingProfiles = device.pendingProfiles.filter((p) => p.identifier !== profile.identifier);
}

async function installProfile(device: SimDevice, file: string, ctx: RunContext): Promise<DeviceOutcome> {
  const { world } = ctx;
  await ctx.sleep(world.duration(world.timings.installProfileSeconds));
  const bytes = await readCallerFile(ctx.cwd, file);
  if (!bytes) return fail(ctx.error('fileMissing'));
  const read = readProfileBytes(bytes);
  let profile: SimProfile;
  if (read.ok) profile = read.profile;
  else if (world.quirks.rejectUnparseableProfiles) return fail(ctx.error('profileInvalid'));
  else
    profile = {
      identifier: path.basename(file),
      displayName: path.basename(file),
      version: 1,
      isMdm: false,
      isWifi: false,
      forbidsRename: false,
    };
  const refused = await ensurePaired(device, ctx);
  if (refused) return fail(ctx.error(refused));
  const silent =
    (await holdsSupervision(device, ctx)) && (!profile.isMdm || world.quirks.mdmSilentOnSupervised);
  // [U] Direct enrollment needs a finished Setup Assistant (memdocs): before that the command answers as it
  // would, but nothing is installed or staged and the device is not enrolled (AGREED-SIM 1).
  const lost = profile.isMdm && device.atSetupAssistant && world.quirks.installBeforeSetupDone === 'ignored';
  if (silent) {
    if (!lost) install(device, profile);
    return ok();
  }
  if (lost) return fail(ctx.error('needsApproval'));
  if (world.quirks.wifiProfileActivates && profile.isWifi && device.activationState === 'Unactivated') {
    // The quirk scripts rely on (§8.4): reported as 625, yet applied, and the device activates.
    install(device, profile);
    device.activationState = 'Activated';
  } else {
    world.stagePending(device, profile);
  }
  return fail(ctx.error('needsApproval'));
}

async function removeProfile(device: SimDevice, target: string, ctx: RunContext): Promise<DeviceOutcome> {
  await ctx.sleep(ctx.world.timings.quickCommandSeconds * 0.5);
  const bytes = target.endsWith('.mobileconfig') ? await readCallerFile(ctx.cwd, target) : undefined;
  const read = bytes ? readProfileBytes(bytes) : undefined;
  const identifier = read?.ok ? read.profile.identifier : target;
  const refused = await ensurePaired(device, ctx);
  if (refused) return fail(ctx.error(refused));
  if (device.isSupervised && !(await holdsSupervision(device, ctx)))
    return fail(ctx.error('supervisionRequired'));
  if (!device.profiles.some((p) => p.identifier === identifier))
    return { ok: false, warning: 'no such profile' };
  device.profiles = device.profiles.filter((p) => p.identifier !== identifier);
  return ok();
}

export const installProfileCommand: DeviceCommand = {
  name: 'install-profile',
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `Installed profile on ${name} (ECID: ${ecid}).`,
  bind(args) {
    const [file, ...rest] = args;
    if (file === undefined || file === '' || rest.length > 0)
      return 'install-profile requires exactly one profile path';
    return (device, ctx) => installProfile(device, file, ctx);
  },
};

export const removeProfileCommand: DeviceCommand = {
  name: 'remove-profile',
  layout: 'action',
  mutates: true,
  successLine: (name, ecid) => `Removed profile from ${name} (ECID: ${ecid}).`,
  bind(args) {
    const [target, ...rest] = args;
    if (target === undefined || target === '' || rest.length > 0)
      return 'remove-profile requires one identifier or profile path';
    return (device, ctx) => removeProfile(device, target, ctx);
  },
};
