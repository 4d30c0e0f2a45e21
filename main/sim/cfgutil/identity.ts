/**
 * The supervision identity given with `-C`/`-K`, and the pairing rules built on it
 * (§3.1, §8.1, §8.4 of main/cfgutil/README.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SimDevice } from '../device-model';
import type { SimErrorId } from '../messages';
import { supervisorIdOf } from '../generate-device';
import type { RunContext } from './command-types';

/** Reads a file relative to the caller's cwd; undefined when it cannot be read. */
export async function readCallerFile(cwd: string, file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path.resolve(cwd, file));
  } catch {
    return undefined;
  }
}

/** The identity of `-C`, only when both `-C` and a non-empty `-K` are readable (cfgutil needs the pair). */
export async function callerIdentity(ctx: RunContext): Promise<string | undefined> {
  const { certificate, privateKey } = ctx.options;
  if (!certificate || !privateKey) return undefined;
  const [cert, key] = await Promise.all([
    readCallerFile(ctx.cwd, certificate),
    readCallerFile(ctx.cwd, privateKey),
  ]);
  return cert && cert.length > 0 && key && key.length > 0 ? supervisorIdOf(cert) : undefined;
}

/** True when the caller holds the identity that supervises this device. */
export async function holdsSupervision(device: SimDevice, ctx: RunContext): Promise<boolean> {
  if (!device.isSupervised || !device.supervisorId) return false;
  return (await callerIdentity(ctx)) === device.supervisorId;
}

/**
 * What a command meets when it must talk to the device (§8.1; AGREED-SIM 6): undefined when paired (pairing
 * implicitly where no prompt is needed: our supervision identity, or a device still at Setup Assistant),
 * otherwise the error a real pairing attempt gives. An unsupervised device past Setup Assistant shows the Trust
 * dialog and reports it pending; a device whose supervisor prohibits pairing refuses other hosts.
 */
export async function ensurePaired(device: SimDevice, ctx: RunContext): Promise<SimErrorId | undefined> {
  if (device.isPaired) return undefined;
  if (await holdsSupervision(device, ctx)) {
    device.isPaired = true;
    return undefined;
  }
  if (device.pairingForbidden) return 'pairingProhibited';
  if (device.atSetupAssistant || device.trust === 'accepted') {
    device.isPaired = true;
    return undefined;
  }
  if (device.locked) return 'passcodeProtected';
  if (device.trust === 'denied') {
    device.trust = 'none';
    return 'trustDenied';
  }
  ctx.world.showTrustDialog(device);
  return 'trustPending';
}
