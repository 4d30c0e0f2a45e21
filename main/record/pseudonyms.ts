/**
 * Replaces the identifiers of real devices with stand-ins that stay the same for the whole bundle.
 *
 * A bundle is meant for a public bug report, so serial numbers, ECIDs, UDIDs and device names must not leave the
 * Mac, yet a replay needs them consistent: the ECID in `-e` must be the key of the `list` entry and the ECID part
 * of the UDID. So each real value gets one stand-in the first time it is seen (in argv or in output), and every
 * later occurrence, in any field, gets the same one. Stand-ins keep the shape the bench parses: an ECID stays
 * `0x` + hex with the same width and case, a modern UDID keeps its chip part and carries the ECID's stand-in.
 *
 * What is learned: ECIDs from `-e`, from `Output`/`Devices` keys and `ECID` fields; serials from
 * `serialNumber`; names from `name`/`deviceName` and from `rename`'s argument; IMEI/MEID/ICCID, phone numbers
 * and hardware addresses from their keys; UDIDs from their two shapes (40 hex digits, or 8-16 hex digits with
 * a dash) wherever they appear. A value is replaced as printed and as escaped inside a JSON string. Generic names a device has after an
 * erase (`iPad`, `iPhone`…) are not identifying and are kept, so replays still see them.
 */
import { parseEcid } from '../cfgutil/ecid';

/** Names every erased device shares: not identifying, and replacing them would corrupt model strings. */
const GENERIC_NAMES = new Set(['ipad', 'iphone', 'ipod', 'ipod touch', 'apple tv', 'mac', 'n/a', 'watch']);

/** Stand-in ECIDs start here, so they are obviously not Apple's and never collide with one another. */
const ECID_BASE = 0xe1d0000000n;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How `text` stands inside a JSON string in cfgutil's output (quotes and backslashes escaped). */
function inJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * Other properties a `get` can return that name a device or a person, with a stand-in of the same shape:
 * digits stay digits of the same length, a hardware address stays a (locally administered) address.
 */
const OTHER_PERSONAL: Readonly<Record<string, (n: number, real: string) => string>> = {
  IMEI: (n, real) => String(n).padStart(real.length, '0'),
  MEID: (n, real) => String(n).padStart(real.length, '0'),
  ICCID: (n, real) => String(n).padStart(real.length, '0'),
  phoneNumber: (n) => `Phone ${n}`,
  wifiAddress: (n) => macStandIn(n),
  bluetoothAddress: (n) => macStandIn(n),
  ethernetAddress: (n) => macStandIn(n),
};

function macStandIn(n: number): string {
  const low = n.toString(16).padStart(4, '0');
  return `02:00:00:00:${low.slice(-4, -2)}:${low.slice(-2)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Pseudonyms {
  private readonly ecids = new Map<bigint, bigint>();
  private readonly serials = new Map<string, string>();
  private readonly names = new Map<string, string>();
  private readonly longUdids = new Map<string, string>();
  /** IMEIs, phone numbers, hardware addresses (`OTHER_PERSONAL`). */
  private readonly others = new Map<string, string>();

  constructor(readonly enabled: boolean) {}

  /** How many of each were replaced (for the manifest; never the values themselves). */
  counts(): { ecids: number; serials: number; names: number; udids: number; others: number } {
    return {
      ecids: this.ecids.size,
      serials: this.serials.size,
      names: this.names.size,
      udids: this.longUdids.size,
      others: this.others.size,
    };
  }

  learnEcid(text: string): void {
    const value = parseEcid(text);
    if (value === undefined || this.ecids.has(value) || this.isStandIn(value)) return;
    this.ecids.set(value, ECID_BASE + BigInt(this.ecids.size + 1));
  }

  private isStandIn(value: bigint): boolean {
    return [...this.ecids.values()].includes(value);
  }

  learnSerial(text: string): void {
    const serial = text.trim();
    if (serial.length < 4 || this.serials.has(serial) || [...this.serials.values()].includes(serial)) return;
    this.serials.set(serial, `ZZ${String(this.serials.size + 1).padStart(10, '0')}`);
  }

  learnOther(key: string, text: string): void {
    const value = text.trim();
    const standIn = OTHER_PERSONAL[key];
    if (standIn === undefined || value.length < 2 || this.others.has(value)) return;
    this.others.set(value, standIn(this.others.size + 1, value));
  }

  learnName(text: string): void {
    const name = text.trim();
    if (name.length < 2 || GENERIC_NAMES.has(name.toLowerCase()) || this.names.has(name)) return;
    if ([...this.names.values()].includes(name)) return;
    this.names.set(name, this.serialBasedName(name) ?? `Bench Device ${this.names.size + 1}`);
  }

  /**
   * A name built from the serial (the bench's naming rule, `Field Check 3F7Q`) keeps its pattern with the
   * serial's stand-in in place, so a replay that applies the same rule to the stand-in serial asks for it.
   */
  private serialBasedName(name: string): string | undefined {
    for (const [real, stand] of this.serials) {
      for (let k = real.length; k >= 4; k -= 1) {
        const part = new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(real.slice(-k))}(?![A-Za-z0-9])`);
        if (part.test(name)) return name.replace(part, stand.slice(-k));
      }
    }
    return undefined;
  }

  /** Learns from the arguments of one run: the `-e` device and `rename`'s new name. */
  learnFromArgs(args: readonly string[]): void {
    for (let i = 0; i < args.length; i += 1) {
      if ((args[i] === '-e' || args[i] === '--ecid') && args[i + 1] !== undefined)
        this.learnEcid(args[i + 1] ?? '');
      if (args[i] === 'rename' && args[i + 1] !== undefined) this.learnName(args[i + 1] ?? '');
    }
  }

  /** Learns from cfgutil's JSON output (best effort: text output is covered by the shape rules in `apply`). */
  learnFromOutput(stdout: string): void {
    const start = stdout.indexOf('{');
    if (start < 0) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout.slice(start, stdout.lastIndexOf('}') + 1));
    } catch {
      return;
    }
    this.walk(parsed, 0);
  }

  private walk(value: unknown, depth: number): void {
    if (depth > 12) return;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (typeof item === 'string' && /^0x[0-9a-f]+$/i.test(item)) this.learnEcid(item);
        else this.walk(item, depth + 1);
      }
      return;
    }
    if (!isRecord(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (/^0x[0-9a-f]+$/i.test(key)) this.learnEcid(key);
      if (typeof inner === 'string') {
        if (key === 'ECID') this.learnEcid(inner);
        else if (key === 'serialNumber' || key === 'SerialNumber') this.learnSerial(inner);
        else if (key === 'name' || key === 'deviceName' || key === 'DeviceName') this.learnName(inner);
        else if (key === 'UDID' || key === 'udid') this.learnUdid(inner);
        else if (Object.hasOwn(OTHER_PERSONAL, key)) this.learnOther(key, inner);
      } else {
        this.walk(inner, depth + 1);
      }
    }
  }

  private learnUdid(text: string): void {
    const modern = /^([0-9a-f]{8})-([0-9a-f]{16})$/i.exec(text);
    if (modern?.[2]) this.learnEcid(`0x${modern[2]}`);
    else if (/^[0-9a-f]{40}$/i.test(text) && !this.longUdids.has(text.toLowerCase())) this.longUdid(text);
  }

  private longUdid(text: string): string {
    const key = text.toLowerCase();
    let stand = this.longUdids.get(key);
    if (stand === undefined) {
      stand = `e1d0${String(this.longUdids.size + 1).padStart(36, '0')}`;
      this.longUdids.set(key, stand);
    }
    return /[A-F]/.test(text) ? stand.toUpperCase() : stand;
  }

  private ecidText(hex: string, prefix: string): string | undefined {
    const stand = this.ecids.get(BigInt(`0x${hex}`));
    if (stand === undefined) return undefined;
    const digits = stand.toString(16).padStart(hex.length, '0');
    return prefix + (/[a-f]/.test(hex) && !/[A-F]/.test(hex) ? digits : digits.toUpperCase());
  }

  /** `text` with every learned identifier (and every UDID-shaped word) replaced by its stand-in. */
  apply(text: string): string {
    if (!this.enabled || text === '') return text;
    let out = text.replace(/\b([0-9a-f]{8})-([0-9a-f]{16})\b/gi, (whole, chip: string, ecid: string) => {
      this.learnEcid(`0x${ecid}`);
      const stand = this.ecidText(ecid, '');
      return stand === undefined ? whole : `${chip}-${stand}`;
    });
    out = out.replace(/\b[0-9a-f]{40}\b/gi, (whole) => this.longUdid(whole));
    out = out.replace(
      /\b0x([0-9a-f]{1,16})\b/gi,
      (whole, hex: string) => this.ecidText(hex, whole.slice(0, 2)) ?? whole,
    );
    // Each value as printed and as it stands inside a JSON string (a name with a quote is escaped there).
    const spellings = (real: string, stand: string): [string, string][] =>
      inJson(real) === real
        ? [[real, stand]]
        : [
            [real, stand],
            [inJson(real), inJson(stand)],
          ];
    for (const [real, stand] of [...this.serials, ...this.others])
      for (const [text, to] of spellings(real, stand))
        out = out.replace(new RegExp(`(?<![A-Za-z0-9])${escapeRegExp(text)}(?![A-Za-z0-9])`, 'g'), to);
    // Longest first, so "Ann's iPad" is replaced before a name "Ann" inside it.
    const names = [...this.names].sort((a, b) => b[0].length - a[0].length);
    for (const [real, stand] of names)
      for (const [text, to] of spellings(real, stand))
        out = out.replace(new RegExp(`(?<![\\w])${escapeRegExp(text)}(?![\\w])`, 'g'), to);
    return out;
  }

  /** `-e` values may be bare hex (cfgutil accepts them): those are mapped by value too. */
  applyArg(arg: string): string {
    if (!this.enabled) return arg;
    const bare = /^[0-9a-f]{6,16}$/i.exec(arg);
    if (bare) return this.ecidText(arg, '') ?? this.apply(arg);
    return this.apply(arg);
  }
}
