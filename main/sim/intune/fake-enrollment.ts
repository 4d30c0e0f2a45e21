/**
 * The enrollment half of the fake Intune: imported Apple device identities and managed devices.
 *
 * - `importAppleDeviceIdentityList` answers each item with a Boolean `status`: false for a serial that is not an
 *   Apple serial (or is in `refuse`), and, without overwrite, for one already imported (the cautious reading of
 *   "overwriteImportedDeviceIdentities"; the real answer is unknown). Every item ever sent is counted, so a test
 *   can prove no serial was pushed twice.
 * - `managedDevices?$filter=serialNumber eq '…'` answers the matching devices; with the `filter-ignored` fault it
 *   answers every device, as some Graph filters silently do.
 * - `$batch` runs up to 20 GETs; `batch-throttle` answers one of them 429 inside a 200 batch, and
 *   `batch-partial-failure` answers one 500.
 * - `deviceFinished(serial)` (the simulator calls it when a device is done) makes the device appear after
 *   `enrollDelayMs`; `appearance` says whether it appears once (default), never, or twice.
 */
export type Appearance = 'once' | 'never' | 'twice';

export interface FakeManagedDevice {
  readonly id: string;
  readonly serialNumber: string;
  readonly enrolledDateTime: string;
  readonly deviceEnrollmentType: string;
  readonly isSupervised: boolean;
}

export interface FakeImportedIdentity {
  readonly serialNumber: string;
  readonly requestedEnrollmentProfileId: string;
  readonly createdDateTime: string;
}

const APPLE_SERIAL = /^[A-Z0-9]{10,14}$/;

export class FakeEnrollment {
  readonly imported: FakeImportedIdentity[] = [];
  readonly devices: FakeManagedDevice[] = [];
  /** Every serial in every import call, in order (duplicates kept). */
  readonly sentSerials: string[] = [];
  readonly refuse = new Set<string>();
  enrollDelayMs = 0;
  appearance: Appearance | ((serial: string) => Appearance) = 'once';
  private timers = new Set<NodeJS.Timeout>();
  private nextId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  timesSent(serial: string): number {
    return this.sentSerials.filter((s) => s === serial).length;
  }

  importList(body: unknown): { status: number; body: unknown } {
    const b = body as {
      importedAppleDeviceIdentities?: unknown;
      overwriteImportedDeviceIdentities?: unknown;
    };
    if (
      !Array.isArray(b?.importedAppleDeviceIdentities) ||
      typeof b.overwriteImportedDeviceIdentities !== 'boolean'
    )
      return {
        status: 400,
        body: {
          error: {
            code: 'BadRequest',
            message: 'importedAppleDeviceIdentities and overwriteImportedDeviceIdentities are required',
          },
        },
      };
    const value = b.importedAppleDeviceIdentities.map((raw: unknown) => {
      const item = raw as { serialNumber?: unknown; requestedEnrollmentProfileId?: unknown };
      const serialNumber = typeof item.serialNumber === 'string' ? item.serialNumber : '';
      const profile =
        typeof item.requestedEnrollmentProfileId === 'string' ? item.requestedEnrollmentProfileId : '';
      this.sentSerials.push(serialNumber);
      const existing = this.imported.findIndex((i) => i.serialNumber === serialNumber);
      const ok =
        APPLE_SERIAL.test(serialNumber) &&
        !this.refuse.has(serialNumber) &&
        /^[0-9a-f-]{36}$/.test(profile) &&
        (existing < 0 || b.overwriteImportedDeviceIdentities === true);
      if (ok) {
        const identity = {
          serialNumber,
          requestedEnrollmentProfileId: profile,
          createdDateTime: new Date(this.now()).toISOString(),
        };
        if (existing >= 0) this.imported.splice(existing, 1, identity);
        else this.imported.push(identity);
      }
      return {
        '@odata.type': '#microsoft.graph.importedAppleDeviceIdentityResult',
        id: ok ? `imported-${serialNumber}` : null,
        serialNumber,
        requestedEnrollmentProfileId: profile,
        status: ok,
      };
    });
    return { status: 200, body: { value } };
  }

  listImported(filterSerial: string | undefined): unknown {
    return {
      value: this.imported.filter((i) => filterSerial === undefined || i.serialNumber === filterSerial),
    };
  }

  managedDevices(filterSerial: string | undefined, ignoreFilter: boolean): unknown {
    return {
      value: this.devices.filter(
        (d) => ignoreFilter || filterSerial === undefined || d.serialNumber === filterSerial,
      ),
    };
  }

  /** Adds a managed-device record now. */
  enroll(
    serial: string,
    opts: { readonly type?: string; readonly supervised?: boolean } = {},
  ): FakeManagedDevice {
    const device = {
      id: `managed-${this.nextId++}`,
      serialNumber: serial,
      enrolledDateTime: new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z'),
      deviceEnrollmentType: opts.type ?? 'appleBulkWithoutUser',
      isSupervised: opts.supervised ?? true,
    };
    this.devices.push(device);
    return device;
  }

  /** A simulated device finished on the bench: it checks in after `enrollDelayMs` (or never, or twice). */
  deviceFinished(serial: string): void {
    const appearance = typeof this.appearance === 'function' ? this.appearance(serial) : this.appearance;
    if (appearance === 'never') return;
    const appear = () => {
      this.enroll(serial);
      if (appearance === 'twice') this.enroll(serial);
    };
    if (this.enrollDelayMs <= 0) return appear();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      appear();
    }, this.enrollDelayMs);
    timer.unref();
    this.timers.add(timer);
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}

/** `serialNumber eq 'X'` → X, from a `$filter` value; undefined when there is none. */
export function serialFromFilter(filter: string | null): string | undefined {
  if (!filter) return undefined;
  return /serialNumber eq '([^']*)'/.exec(filter)?.[1];
}
