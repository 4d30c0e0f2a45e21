/**
 * The Graph calls behind "pushed and enrolled":
 *
 * - Push: `POST /beta/deviceManagement/depOnboardingSettings/{A}/importedAppleDeviceIdentities/importAppleDeviceIdentityList`
 *   with `importedAppleDeviceIdentities` (serial, `requestedEnrollmentProfileId` = the profile's bare GUID) and
 *   `overwriteImportedDeviceIdentities: false`; the answer lists each item with a Boolean `status`.
 * - Already imported?: `GET …/importedAppleDeviceIdentities?$filter=serialNumber eq '…'` (used after a crash
 *   mid-push, so a serial whose push may have reached Intune is looked up, never sent again).
 * - Enrolled?: `GET /v1.0/deviceManagement/managedDevices?$filter=serialNumber eq '…'`, up to 20 per `$batch`.
 *
 * Filters are re-checked on our side: some Graph filters are silently ignored and answer with every device.
 * Serials go into URLs only after `isSerial` (letters and digits), so no quoting is ever needed.
 */
import type { GraphClient } from '../graph-client';
import { IntuneError } from '../intune-error';
import { describeIssues } from '../graph-schemas';
import {
  batchAnswerSchema,
  importAnswerSchema,
  importedIdentitySchema,
  managedDeviceSchema,
  type ManagedDeviceRecord,
} from './enrollment-schemas';

const SERIAL = /^[A-Z0-9]{6,32}$/;
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const ACCOUNT = /^[A-Za-z0-9_-]{1,200}$/;

/** Graph's own limit for one JSON batch. */
export const MAX_BATCH_REQUESTS = 20;
/** Items per import call: small enough that one refused call costs little, large enough for a cart. */
export const IMPORT_CHUNK = 50;

export function isSerial(text: string): boolean {
  return SERIAL.test(text);
}

/** `<accountId>_<guid>` → `<guid>`; the import wants the bare GUID. Undefined when the id has no GUID tail. */
export function bareProfileGuid(profileId: string): string | undefined {
  const tail = profileId.slice(profileId.lastIndexOf('_') + 1);
  return GUID.test(tail) ? tail.toLowerCase() : undefined;
}

export interface ImportItemResult {
  readonly serial: string;
  readonly ok: boolean;
  /** Why Intune did not take it, in words. */
  readonly why?: string;
}

/** One serial's managed-device lookup: the records whose serial really matches, or a retry-later. */
export type DeviceLookup =
  | { readonly kind: 'found'; readonly records: readonly ManagedDeviceRecord[] }
  | { readonly kind: 'retry'; readonly why: string };

function checked(id: string, pattern: RegExp, what: string): string {
  if (!pattern.test(id))
    throw new IntuneError(
      'malformed-response',
      'Intune sent an unexpected id',
      `The ${what} is not a plain id.`,
    );
  return id;
}

export class EnrollmentApi {
  constructor(private readonly graph: GraphClient) {}

  private base(accountId: string): string {
    return `/beta/deviceManagement/depOnboardingSettings/${checked(accountId, ACCOUNT, 'Intune account id')}/importedAppleDeviceIdentities`;
  }

  /** Imports up to {@link IMPORT_CHUNK} serials; every item's `status` read back. A missing item is a failure. */
  async importSerials(
    accountId: string,
    serials: readonly string[],
    profileGuid: string,
  ): Promise<ImportItemResult[]> {
    if (serials.length > IMPORT_CHUNK) throw new Error(`at most ${IMPORT_CHUNK} serials per import`);
    for (const s of serials) checked(s, SERIAL, 'serial number');
    const answer = await this.graph.postJson(
      `${this.base(accountId)}/importAppleDeviceIdentityList`,
      {
        importedAppleDeviceIdentities: serials.map((serialNumber) => ({
          '@odata.type': '#microsoft.graph.importedAppleDeviceIdentity',
          serialNumber,
          requestedEnrollmentProfileId: checked(profileGuid, GUID, 'profile GUID'),
          description: 'Prepared by Enroll Bench',
        })),
        overwriteImportedDeviceIdentities: false,
      },
      importAnswerSchema,
      `import ${serials.length} serial number${serials.length === 1 ? '' : 's'}`,
      { idempotent: false },
    );
    return serials.map((serial) => {
      const item = answer.value.find((v) => v.serialNumber?.toUpperCase() === serial);
      if (!item) return { serial, ok: false, why: 'Intune did not answer for this serial; it stays queued.' };
      if (item.status === true) return { serial, ok: true };
      return {
        serial,
        ok: false,
        why: 'Intune refused this serial (status false): check that it is a real Apple serial number and not already imported with another profile.',
      };
    });
  }

  /** Whether Intune already holds `serial` as an imported identity (for `profileGuid`, when given). */
  async isImported(accountId: string, serial: string, profileGuid: string): Promise<boolean> {
    const items = await this.graph.getAll(
      `${this.base(accountId)}?$filter=${encodeURIComponent(`serialNumber eq '${checked(serial, SERIAL, 'serial number')}'`)}`,
      importedIdentitySchema,
      `look up the imported serial ${serial}`,
    );
    return items.some(
      (i) =>
        i.serialNumber?.toUpperCase() === serial &&
        (i.requestedEnrollmentProfileId ?? '').toLowerCase().endsWith(profileGuid.toLowerCase()),
    );
  }

  /**
   * Managed devices for up to 20 serials in one `$batch`. Each answer is re-checked by serial (an ignored filter
   * returns every device); a 429 or 5xx inside the batch leaves that serial to be asked again later.
   */
  async lookupDevices(serials: readonly string[]): Promise<Map<string, DeviceLookup>> {
    if (serials.length > MAX_BATCH_REQUESTS) throw new Error(`at most ${MAX_BATCH_REQUESTS} per batch`);
    const requests = serials.map((serial, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: `/deviceManagement/managedDevices?$filter=${encodeURIComponent(`serialNumber eq '${checked(serial, SERIAL, 'serial number')}'`)}&$select=id,serialNumber,enrolledDateTime,deviceEnrollmentType,isSupervised`,
    }));
    const answer = await this.graph.postJson(
      '/v1.0/$batch',
      { requests },
      batchAnswerSchema,
      'look up managed devices by serial number',
      { idempotent: true },
    );
    const result = new Map<string, DeviceLookup>();
    for (const [i, serial] of serials.entries()) {
      const response = answer.responses.find((r) => r.id === String(i + 1));
      if (!response) {
        result.set(serial, { kind: 'retry', why: 'Intune left this lookup out of its batch answer' });
      } else if (response.status === 429 || response.status >= 500) {
        result.set(serial, {
          kind: 'retry',
          why:
            response.status === 429 ? 'Intune throttled this lookup' : `Intune answered ${response.status}`,
        });
      } else if (response.status !== 200) {
        result.set(serial, { kind: 'retry', why: `Intune refused this lookup (${response.status})` });
      } else {
        const value = (response.body as { value?: unknown } | undefined)?.value;
        if (!Array.isArray(value)) {
          result.set(serial, { kind: 'retry', why: 'the lookup answer has no "value" list' });
          continue;
        }
        const records: ManagedDeviceRecord[] = [];
        for (const item of value.slice(0, 10_000)) {
          const parsed = managedDeviceSchema.safeParse(item);
          if (!parsed.success) {
            result.set(serial, { kind: 'retry', why: describeIssues(parsed.error, item) });
            break;
          }
          // The filter may have been ignored: only records whose serial really is this one count.
          if (parsed.data.serialNumber?.trim().toUpperCase() === serial) records.push(parsed.data);
        }
        if (!result.has(serial)) result.set(serial, { kind: 'found', records });
      }
    }
    return result;
  }
}
