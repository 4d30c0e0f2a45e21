/**
 * The supervision identity given with `-C`/`-K`, and the pairing rules built on it
 * (§3.1, §8.1, §8.4 of ../shared/reference/cfgutil.md).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SimDevice } from '../device-model';
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
 * Whether a device-level command may talk to the device: paired, or at Setup Assistant (which pairs without a
 * Trust prompt), or supervised by the caller's identity. Pairs implicitly in the last two cases.
 */
export async function ensurePaired(device: SimDevice, ctx: RunContext): Promise<boolean> {
  if (device.isPaired) return true;
  if ((device.atSetupAssistant && !device.pairingForbidden) || (await holdsSupervision(device, ctx))) {
    device.isPaired = true;
    return true;
  }
  return false;
}
