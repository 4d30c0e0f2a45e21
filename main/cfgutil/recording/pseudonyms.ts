/**
 * Pseudonyms for a recorded cfgutil exchange (issue 20 item 8): serial numbers, ECIDs, UDIDs, device names,
 * IMEIs, phone numbers and Wi-Fi addresses are replaced, consistently within one recording, by stand-ins of
 * the same shape, so a field recording can be shared and replayed but names no real device or person.
 *
 * An ECID keeps its shape (`0x` + 13 padded digits, README.md in main/cfgutil §2.1) and a modern UDID keeps its
 * chip ID and its link to the ECID, because the bench parses both. The real values live only in memory.
 */
import { formatCfgutilEcid, parseEcid } from '../ecid';

/** Properties whose values identify a device or a person (README.md in main/cfgutil §5). */
const PERSONAL_KEYS = new Set(['serialNumber', 'name', 'deviceName', 'IMEI', 'phoneNumber', 'wifiAddress']);

/** Names that identify nothing (an erased device is called by its class) and also appear as other values. */
const GENERIC_VALUES = new Set(['iPhone', 'iPad', 'iPod', 'N/A', 'Unknown device']);

const ECID_TEXT = /\b0x[0-9A-Fa-f]{10,16}\b/g;
const MODERN_UDID = /\b([0-9A-Fa-f]{8})-([0-9A-Fa-f]{16})\b/g;
const LEGACY_UDID = /\b[0-9a-fA-F]{40}\b/g;

/** Fake ECIDs start high enough to have 13 digits, like real ones. */
const FAKE_ECID_BASE = 0x1000000000000n;

function escapeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export class Pseudonyms {
  private readonly ecids = new Map<bigint, bigint>();
  private readonly legacyUdids = new Map<string, string>();
  private readonly values = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  private next(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }

  private fakeEcid(value: bigint): bigint {
    let fake = this.ecids.get(value);
    if (fake === undefined) {
      fake = FAKE_ECID_BASE + BigInt(this.next('ecid'));
      this.ecids.set(value, fake);
    }
    return fake;
  }

  /** Learns the personal values in a cfgutil JSON reply (or any JSON value) so `scrub` replaces them. */
  learnJson(text: string): void {
    const start = text.indexOf('{');
    if (start < 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.slice(start));
    } catch {
      return;
    }
    this.learnValue(parsed, 0);
  }

  /** A value the caller knows is personal (a `rename` argument). */
  learnPersonal(key: string, value: string): void {
    if (value.trim() === '' || this.values.has(value) || GENERIC_VALUES.has(value)) return;
    const n = this.next(key);
    const stand =
      key === 'serialNumber'
        ? `SERIAL${String(n).padStart(4, '0')}`
        : key === 'IMEI'
          ? `35000000000${String(n).padStart(4, '0')}`
          : key === 'wifiAddress'
            ? `02:00:00:00:${String(Math.floor(n / 256) % 256).padStart(2, '0')}:${(n % 256).toString(16).padStart(2, '0')}`
            : `${key === 'phoneNumber' ? 'Phone' : 'Device'} ${n}`;
    this.values.set(value, stand);
  }

  private learnValue(value: unknown, depth: number): void {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (PERSONAL_KEYS.has(key) && typeof inner === 'string') this.learnPersonal(key, inner);
      else this.learnValue(inner, depth + 1);
    }
  }

  /** One command-line argument: a known personal value is replaced whole; ECIDs and UDIDs inside it too. */
  scrubArg(arg: string): string {
    return this.scrubIds(this.values.get(arg) ?? arg);
  }

  /**
   * Output text: every known personal value where it stands as a whole JSON string (`"Logan’s iPhone"`), or
   * as a whole text-mode name in `… <name> (ECID: …)`; then every ECID and UDID. A value is never replaced
   * inside another token (a device called "iPhone" must not change `iPhone16,1`).
   */
  scrub(text: string): string {
    let out = text;
    for (const [real, stand] of this.values) {
      out = out.split(`"${escapeJson(real)}"`).join(`"${escapeJson(stand)}"`);
      out = out.split(` ${real} (ECID: `).join(` ${stand} (ECID: `);
    }
    return this.scrubIds(out);
  }

  private scrubIds(text: string): string {
    let out = text;
    out = out.replace(MODERN_UDID, (_, chip: string, tail: string) => {
      const value = parseEcid(tail);
      if (value === undefined) return `${chip}-${tail}`;
      return `${chip.toUpperCase()}-${this.fakeEcid(value).toString(16).toUpperCase().padStart(16, '0')}`;
    });
    out = out.replace(LEGACY_UDID, (udid) => {
      let fake = this.legacyUdids.get(udid.toLowerCase());
      if (fake === undefined) {
        fake = this.next('udid').toString(16).padStart(40, '0');
        this.legacyUdids.set(udid.toLowerCase(), fake);
      }
      return fake;
    });
    return out.replace(ECID_TEXT, (text) => {
      const value = parseEcid(text);
      return value === undefined ? text : formatCfgutilEcid(this.fakeEcid(value));
    });
  }
}
