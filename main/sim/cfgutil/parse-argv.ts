/**
 * Parses a cfgutil command line: global options first, then the subcommand and its arguments
 * (main/cfgutil/README.md §2, §11).
 *
 * argv arrives from a socket, so it is untrusted: every value is checked and a bad one becomes a usage
 * message, never an exception.
 */
import { parseEcid } from '../../cfgutil/ecid';

export type OutputFormat = 'text' | 'json' | 'plist';

export interface GlobalOptions {
  readonly certificate?: string;
  readonly privateKey?: string;
  /** `-e` values, parsed to numbers so `0x0ABC` and `0xabc` are the same device (§2.1). */
  readonly ecids: readonly bigint[];
  readonly foreach: boolean;
  readonly format: OutputFormat;
  readonly progress: boolean;
  /** Seconds to wait for the selected devices to appear (§2). */
  readonly timeout?: number;
  readonly verbose: number;
}

export interface Invocation {
  readonly options: GlobalOptions;
  /** Undefined when only options were given (cfgutil then prints its usage). */
  readonly command?: string;
  readonly args: readonly string[];
}

export type ParseResult =
  { readonly ok: true; readonly invocation: Invocation } | { readonly ok: false; readonly message: string };

const FORMATS: Readonly<Record<string, OutputFormat>> = { text: 'text', json: 'json', plist: 'plist' };

/** Splits `--name=value`; short options never take inline values. */
function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

export function parseArgv(argv: readonly string[]): ParseResult {
  let certificate: string | undefined;
  let privateKey: string | undefined;
  let format: OutputFormat = 'text';
  let timeout: number | undefined;
  let foreach = false;
  let progress = false;
  let verbose = 0;
  const ecids: bigint[] = [];
  let i = 0;
  const fail = (message: string): ParseResult => ({ ok: false, message });
  for (; i < argv.length; i++) {
    const [name, inline] = splitInline(argv[i] ?? '');
    if (!name.startsWith('-') || name === '-') break;
    const value = (): string | undefined => inline ?? argv[++i];
    switch (name) {
      case '-C':
      case '--certificate':
        certificate = value();
        if (!certificate) return fail(`option ${name} requires a value`);
        break;
      case '-K':
      case '--private-key':
        privateKey = value();
        if (!privateKey) return fail(`option ${name} requires a value`);
        break;
      case '-e':
      case '--ecid': {
        const text = value();
        const ecid = parseEcid(text);
        if (ecid === undefined) return fail(`invalid ECID "${text ?? ''}"`);
        if (!ecids.includes(ecid)) ecids.push(ecid);
        break;
      }
      case '-f':
      case '--foreach':
        foreach = true;
        break;
      case '--format': {
        const text = value() ?? '';
        const parsed = FORMATS[text.toLowerCase()];
        if (!parsed) return fail(`invalid format "${text}"; use text, JSON or plist`);
        format = parsed;
        break;
      }
      case '--progress':
        progress = true;
        break;
      case '--timeout': {
        const text = value() ?? '';
        const seconds = Number(text);
        if (!/^\d+(\.\d+)?$/.test(text) || seconds > 3600) return fail(`invalid timeout "${text}"`);
        timeout = seconds;
        break;
      }
      case '-v':
      case '--verbose':
        verbose++;
        break;
      default:
        // `-v` stacks: `-vvvv` is four times verbose, as AZTEC runs restore.
        if (/^-v{2,}$/.test(name)) {
          verbose += name.length - 1;
          break;
        }
        return fail(`unrecognized option "${name}"`);
    }
    if (inline !== undefined && ['-f', '--foreach', '--progress', '-v', '--verbose'].includes(name)) {
      return fail(`option ${name} takes no value`);
    }
  }
  const options: GlobalOptions = {
    certificate,
    privateKey,
    ecids,
    foreach,
    format,
    progress,
    timeout,
    verbose,
  };
  return { ok: true, invocation: { options, command: argv[i], args: argv.slice(i + 1) } };
}
