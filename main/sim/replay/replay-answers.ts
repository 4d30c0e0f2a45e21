/**
 * Chooses the recorded answer for a cfgutil request: the heart of `sim replay`.
 *
 * The rule: a request matches an exchange with the same command, the same normalised arguments and the same
 * device. Device commands are answered in the order they were recorded, per device (each device has its own
 * lane, as in the bench, so two devices may interleave differently than they did). A request that repeats the
 * answer just given is given it again (polling), and reads (`get`) that the recording has but the replay skips
 * are passed over; anything else out of order has no answer. Device-less commands (`list`, `version`) follow
 * the devices: a later recorded `list` is given only once every device exchange recorded before it has been
 * asked for, so the world a replay sees changes when, and only when, the recorded world did.
 */
import { formatEcid, parseEcid } from '../../cfgutil/ecid';
import type { RecordedExchange } from '../../record/bundle-format';
import { commandOf } from '../../record/bundle-format';
import { FILE_PLACEHOLDER } from '../../record/secret-filter';

export type ReplayAnswer =
  | { readonly kind: 'answer'; readonly exchange: RecordedExchange }
  | { readonly kind: 'no-answer'; readonly reason: string };

/** Commands whose repetition or omission changes nothing on the device. */
const READS = new Set(['get', 'list', 'version', 'help']);

/** Arguments as compared: any file is `<file>` (its name differs between Macs), ECIDs by value. */
export function normalizeArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => {
    if (FILE_PLACEHOLDER.test(arg) || arg.startsWith('/')) return '<file>';
    if (args[i - 1] === '-e' || args[i - 1] === '--ecid') return deviceKey(arg);
    return arg;
  });
}

function deviceKey(text: string): string {
  const value = parseEcid(text);
  return value === undefined ? text : formatEcid(value);
}

function keyOf(args: readonly string[]): string {
  return JSON.stringify(normalizeArgs(args));
}

interface Lane {
  readonly exchanges: RecordedExchange[];
  /** Index of the next unanswered exchange. */
  next: number;
  /** The last answer given, for repeats. */
  last?: RecordedExchange;
}

export class ReplayAnswers {
  private readonly lanes = new Map<string, Lane>();
  private readonly global: RecordedExchange[] = [];
  private readonly answeredSeqs = new Set<number>();
  private readonly deviceSeqs: number[] = [];
  private readonly lastGlobal = new Map<string, RecordedExchange>();
  private readonly misses: string[] = [];

  constructor(exchanges: readonly RecordedExchange[]) {
    for (const exchange of exchanges) {
      if (exchange.ecid === undefined) {
        this.global.push(exchange);
        continue;
      }
      const key = deviceKey(exchange.ecid);
      const lane = this.lanes.get(key) ?? { exchanges: [], next: 0 };
      lane.exchanges.push(exchange);
      this.lanes.set(key, lane);
      this.deviceSeqs.push(exchange.seq);
    }
  }

  /** Requests that had no answer, in plain words (for the operator and the tests). */
  unanswered(): readonly string[] {
    return this.misses;
  }

  /** Device exchanges the replay never asked for. */
  leftOver(): number {
    return this.deviceSeqs.filter((seq) => !this.answeredSeqs.has(seq)).length;
  }

  answer(args: readonly string[]): ReplayAnswer {
    const { command, ecid } = commandOf(args);
    const result =
      ecid === undefined ? this.answerGlobal(args, command) : this.answerDevice(args, command, ecid);
    if (result.kind === 'no-answer') this.misses.push(result.reason);
    return result;
  }

  private answerDevice(args: readonly string[], command: string, ecid: string): ReplayAnswer {
    const lane = this.lanes.get(deviceKey(ecid));
    const key = keyOf(args);
    const shown = `cfgutil ${args.join(' ')}`;
    if (!lane) return { kind: 'no-answer', reason: `${shown}: the recording never talked to device ${ecid}` };
    for (let i = lane.next; i < lane.exchanges.length; i += 1) {
      const candidate = lane.exchanges[i] as RecordedExchange;
      if (keyOf(candidate.args) === key) {
        // Reads passed over count as asked, so the device-less answers that waited for them move on.
        for (const skipped of lane.exchanges.slice(lane.next, i)) this.answeredSeqs.add(skipped.seq);
        lane.next = i + 1;
        lane.last = candidate;
        this.answeredSeqs.add(candidate.seq);
        return { kind: 'answer', exchange: candidate };
      }
      // Only a read may be passed over: skipping a change would replay a device that never had it.
      if (!READS.has(candidate.command)) break;
    }
    if (lane.last && keyOf(lane.last.args) === key && READS.has(command))
      return { kind: 'answer', exchange: lane.last };
    const expected = lane.exchanges[lane.next];
    return {
      kind: 'no-answer',
      reason: `${shown}: the recording has no such step for ${ecid} here${
        expected
          ? ` (it did: cfgutil ${expected.args.join(' ')})`
          : ' (its exchanges for this device are used up)'
      }`,
    };
  }

  private answerGlobal(args: readonly string[], command: string): ReplayAnswer {
    const key = keyOf(args);
    const same = this.global.filter((e) => keyOf(e.args) === key);
    if (same.length === 0)
      return {
        kind: 'no-answer',
        reason: `cfgutil ${args.join(' ')}: the recording never ran ${command} like this`,
      };
    const last = this.lastGlobal.get(key);
    const candidate = same.find((e) => e.seq > (last?.seq ?? -1));
    const ready =
      candidate !== undefined &&
      this.deviceSeqs.every((seq) => seq > candidate.seq || this.answeredSeqs.has(seq));
    const chosen = ready || last === undefined ? (candidate ?? same.at(-1)) : last;
    const exchange = chosen ?? (same[0] as RecordedExchange);
    this.lastGlobal.set(key, exchange);
    return { kind: 'answer', exchange };
  }
}
