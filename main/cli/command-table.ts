/**
 * Every `enroll-bench` command, its subcommands and flags, in one table: the single source the flag parser,
 * `enroll-bench help`, `COMMAND --help` and the zsh/bash completion scripts are all made from. A flag a
 * command accepts is listed here or it is a usage error; a flag listed here shows in its help.
 *
 * Pure data (no imports of the commands themselves), so printing help loads nothing else.
 */
import type { FlagSpec } from '../text/parse-flags';

export interface FlagDoc {
  readonly kind: 'string' | 'boolean';
  /** The value's placeholder in help (`FILE`, `N`); string flags only. */
  readonly value?: string;
  readonly help: string;
  /** What the shell completes the value with: file names, or one of these words. */
  readonly complete?: 'file' | readonly string[];
}

export type FlagDocs = Readonly<Record<string, FlagDoc>>;

export interface CommandDoc {
  readonly summary: string;
  /** Usage lines, each after `enroll-bench `. */
  readonly usage: readonly string[];
  readonly flags: FlagDocs;
  /**
   * The first word after the command, when it has any, with the flags each one takes (a subset of `flags`).
   * A command with subcommands accepts for each only the flags named here.
   */
  readonly subcommands?: Readonly<Record<string, readonly string[]>>;
  readonly example: string;
  /** Extra lines for the command's help (what the exit codes mean for it, where files go). */
  readonly notes?: readonly string[];
}

const json = { kind: 'boolean', help: 'print JSON on stdout instead of text' } as const satisfies FlagDoc;
const cfgutil = {
  kind: 'string',
  value: 'PATH',
  help: 'the cfgutil to run (default: ENROLL_BENCH_CFGUTIL, then where Apple installs it)',
  complete: 'file',
} as const satisfies FlagDoc;
const simulate = {
  kind: 'boolean',
  help: 'use simulated devices instead of real cfgutil',
} as const satisfies FlagDoc;
const scenario = {
  kind: 'string',
  value: 'NAME|FILE',
  help: 'the simulated cart to start with: clean-cart, messy-cart, ade-cart or a scenario file',
  complete: ['clean-cart', 'messy-cart', 'ade-cart'],
} as const satisfies FlagDoc;
const timeScale = {
  kind: 'string',
  value: 'X',
  help: 'speed of the simulated clock (1 = real time, 0.01 = a hundred times faster)',
} as const satisfies FlagDoc;

/** The app's and `serve`'s flags (main/cli/app-flags.ts parses them, for Electron too). */
export const appFlagDocs = {
  simulate,
  cfgutil,
  serve: { kind: 'boolean', help: 'serve the UI over HTTP instead of opening a window' },
  port: { kind: 'string', value: 'N', help: 'the HTTP port (default 4820; 0 = any free port)' },
  host: {
    kind: 'string',
    value: 'ADDRESS',
    help: 'listen on this address instead of 127.0.0.1 (other screens can then watch)',
  },
  'time-scale': timeScale,
  'allow-remote-control': {
    kind: 'boolean',
    help: 'other screens with the token may also run jobs (not import profiles or identities)',
  },
  scenario,
  'fake-intune': {
    kind: 'boolean',
    help: 'with --simulate: Settings › Intune talks to a fake Intune on this Mac, not a tenant',
  },
} as const satisfies FlagDocs;

/** `--record` and `--replay` (main/record/, main/sim/replay/): on `run` and `serve`; `field-check` records too. */
export const recordFlagDocs = {
  record: {
    kind: 'string',
    value: 'DIR',
    help: 'write every cfgutil run into this folder (serials, ECIDs, UDIDs, names pseudonymised; no secrets)',
    complete: 'file',
  },
  'record-raw': {
    kind: 'boolean',
    help: 'with --record: keep real serials, ECIDs, UDIDs and names (never attach to a public report)',
  },
  replay: {
    kind: 'string',
    value: 'BUNDLE',
    help: 'cfgutil answers from this recorded folder instead of a device (not with --simulate or --cfgutil)',
    complete: 'file',
  },
} as const satisfies FlagDocs;

const { record, 'record-raw': recordRaw } = recordFlagDocs;

const logFilters = {
  search: { kind: 'string', value: 'TEXT', help: 'part of a serial number or device name' },
  session: { kind: 'string', value: 'ID', help: 'one bench session' },
  from: { kind: 'string', value: 'DATE', help: 'from this day (YYYY-MM-DD, a whole local day) or ISO time' },
  to: { kind: 'string', value: 'DATE', help: 'up to this day (YYYY-MM-DD) or ISO time' },
  outcome: {
    kind: 'string',
    value: 'O',
    help: 'succeeded, failed, skipped, cancelled, interrupted or all',
    complete: ['succeeded', 'failed', 'skipped', 'cancelled', 'interrupted', 'all'],
  },
} as const satisfies FlagDocs;

const logFilterNames = Object.keys(logFilters);

export const commandTable = {
  start: {
    summary: 'open the app (falls back to the headless server where Electron cannot run)',
    usage: [
      'start [--simulate | --cfgutil PATH | --replay BUNDLE] [--record DIR [--record-raw]] [PROFILE.mobileconfig]',
    ],
    flags: { ...appFlagDocs, ...recordFlagDocs },
    example: 'enroll-bench start --simulate',
  },
  serve: {
    summary: 'serve the bench UI over HTTP on 127.0.0.1 with a token, and listen for `status`/`jobs`',
    usage: [
      'serve [--simulate | --cfgutil PATH | --replay BUNDLE] [--port N] [--host ADDRESS] [--allow-remote-control]',
      '    [--record DIR [--record-raw]]',
    ],
    flags: { ...appFlagDocs, ...recordFlagDocs },
    example: 'enroll-bench serve --simulate --port 4820',
  },
  run: {
    summary: 'provision every attached device with one workflow, headless',
    usage: [
      'run --workflow ID|FILE [--profile FILE] [--cfgutil PATH | --simulate [--cart N] [--scenario S]',
      '    [--time-scale X] | --replay BUNDLE] [--concurrency N] [--until-idle] [--resume] [--erase-in-use]',
      '    [--unassigned-to-direct] [--record DIR [--record-raw]] [--json]',
    ],
    flags: {
      workflow: {
        kind: 'string',
        value: 'ID|FILE',
        help: 'supervise-and-enroll, enroll-in-place, ade-reenroll, a saved workflow id or a .json file',
        complete: ['supervise-and-enroll', 'enroll-in-place', 'ade-reenroll'],
      },
      profile: {
        kind: 'string',
        value: 'FILE',
        help: 'import this Intune profile first',
        complete: 'file',
      },
      cfgutil: {
        ...cfgutil,
        help: 'the cfgutil to run (default: ENROLL_BENCH_CFGUTIL); run needs it or --simulate',
      },
      simulate,
      cart: { kind: 'string', value: 'N', help: 'simulated: attach N clean iPads (0 to 64)' },
      scenario,
      'time-scale': timeScale,
      concurrency: {
        kind: 'string',
        value: 'N',
        help: 'heavy steps at once for this run (1 to 64; default: the settings)',
      },
      'until-idle': {
        kind: 'boolean',
        help: 'end once every job has ended or waits for a person (otherwise run until Ctrl-C)',
      },
      resume: {
        kind: 'boolean',
        help: 'continue the jobs a crash or reboot interrupted, at their step',
      },
      'erase-in-use': {
        kind: 'boolean',
        help: 'erase devices in use without asking (the ignore list and other organizations still hold)',
      },
      'unassigned-to-direct': {
        kind: 'boolean',
        help: 'ade-reenroll: switch a device with no ADE configuration to supervise-and-enroll, no re-erase',
      },
      ...recordFlagDocs,
      json,
    },
    example: 'enroll-bench run --workflow supervise-and-enroll --until-idle --json',
    notes: [
      'Exit 0 every device succeeded or was already done, 1 some failed, 3 some wait for a person,',
      '4 the bench could not run (the disk is full, the data folder is read-only, no cfgutil).',
      'With --json every device that did not succeed carries "reason" and "instruction".',
    ],
  },
  status: {
    summary: 'what a running bench (the app or serve) is doing: devices, states, what each waits for',
    usage: ['status [--watch] [--json]'],
    flags: {
      watch: { kind: 'boolean', help: 'keep printing each change until Ctrl-C' },
      json,
    },
    example: 'enroll-bench status --json',
    notes: [
      'Exit 4 when no bench is running for this data folder.',
      'With --json, "attention" holds needsYou (devices waiting for a person) and cartFinished (done, failed, other; null until every job has ended); --watch --json prints {"attention": …} again whenever it changes.',
    ],
  },
  jobs: {
    summary:
      'act on a running bench’s jobs: retry, cancel, skip, start or continue some devices, or all failed/waiting',
    usage: [
      'jobs retry|cancel|skip|start ECID|SERIAL [ECID|SERIAL…] | --all-failed | --all-waiting [--json]',
      'jobs continue ECID|SERIAL [ECID|SERIAL…] | --all-waiting [--json]',
      'jobs start --all-in-use [--json]',
    ],
    flags: {
      'all-failed': { kind: 'boolean', help: 'every failed or interrupted job' },
      'all-waiting': { kind: 'boolean', help: 'every job that waits for a person' },
      'all-in-use': {
        kind: 'boolean',
        help: 'with start: Erase every device held as in use (the ignore list and other organizations still hold)',
      },
      json,
    },
    subcommands: {
      retry: ['all-failed', 'all-waiting', 'json'],
      cancel: ['all-failed', 'all-waiting', 'json'],
      skip: ['all-failed', 'all-waiting', 'json'],
      start: ['all-failed', 'all-waiting', 'all-in-use', 'json'],
      continue: ['all-waiting', 'json'],
    },
    example: 'enroll-bench jobs retry --all-failed',
    notes: [
      'The same rules as the window: an action the card does not offer now is refused with the reason.',
      'Several ECIDs or serials act on each in turn (the window’s bulk action); --json reports each device as done or refused with its reason, and the command exits 1 if any was refused. A job that moved on since the command read it (a countdown that started, a wait that ended) is refused, never acted on in its new state.',
      'continue answers what the card waits for (Continue, I approved it, I tapped Trust…): the job re-reads the device; refused when the card now waits for something else, and for a device in use (its answer is start, the card’s Erase).',
      'start --all-in-use is the window’s "Erase the N in-use devices on this bench": one answer for the whole cart, taken only from the Mac itself.',
      'Exit 0 done, 1 refused, 4 no bench is running.',
    ],
  },
  arm: {
    summary: 'a running bench starts new devices by itself (after the countdown)',
    usage: ['arm [--json]'],
    flags: { json },
    example: 'enroll-bench arm',
  },
  disarm: {
    summary: 'a running bench starts nothing by itself until armed again',
    usage: ['disarm [--json]'],
    flags: { json },
    example: 'enroll-bench disarm',
  },
  profile: {
    summary: 'the Intune enrollment profile: inspect a file, import it (exit 0 when usable), or train',
    usage: [
      'profile inspect FILE [--json]',
      'profile import FILE [--json]',
      'profile training [--simulate | --cfgutil PATH] [--json]   (a generated profile, simulator only)',
    ],
    flags: { simulate, cfgutil, json },
    subcommands: { inspect: ['json'], import: ['json'], training: ['simulate', 'cfgutil', 'json'] },
    example: 'enroll-bench profile inspect ~/Downloads/enrollment.mobileconfig',
  },
  identity: {
    summary: 'the supervision identity: create, import a .p12, or show it',
    usage: [
      'identity create --organization NAME [--replace] [--json]',
      'identity import FILE.p12 [--replace] [--json]   (password: ENROLL_BENCH_P12_PASSWORD or asked)',
      'identity show [--json]',
    ],
    flags: {
      organization: { kind: 'string', value: 'NAME', help: 'the name devices show as their supervisor' },
      replace: { kind: 'boolean', help: 'replace the identity this bench has (devices trust only one)' },
      json,
    },
    subcommands: {
      create: ['organization', 'replace', 'json'],
      import: ['replace', 'json'],
      show: ['json'],
    },
    example: 'enroll-bench identity create --organization "Contoso IT"',
  },
  preflight: {
    summary: 'the preflight checklist (exit 1 on any problem), or delete restore leftovers',
    usage: [
      'preflight [--simulate] [--cfgutil PATH] [--workflow ID] [--json]',
      'preflight clean NAME…|--all [--json]',
    ],
    flags: {
      simulate,
      cfgutil,
      workflow: {
        kind: 'string',
        value: 'ID',
        help: 'the workflow the cart will run (ade-reenroll: activation needs the network)',
        complete: ['supervise-and-enroll', 'enroll-in-place', 'ade-reenroll'],
      },
      all: { kind: 'boolean', help: 'clean: every restore leftover the checklist lists' },
      json,
    },
    example: 'enroll-bench preflight --json',
  },
  settings: {
    summary: 'the bench settings: show them, or set one',
    usage: ['settings show [--json]', 'settings set KEY VALUE|default [--json]'],
    flags: { json },
    subcommands: { show: ['json'], set: ['json'] },
    example: 'enroll-bench settings set concurrency 4',
  },
  workflow: {
    summary: 'workflows: list them, show one, check a workflow file, or list the panes prepare can skip',
    usage: [
      'workflow list [--json]',
      'workflow show ID [--json]',
      'workflow validate FILE [--json]',
      'workflow panes [--simulate | --cfgutil PATH] [--json]   (Setup Assistant panes, with their names)',
    ],
    flags: { simulate, cfgutil, json },
    subcommands: {
      list: ['json'],
      show: ['json'],
      validate: ['json'],
      panes: ['simulate', 'cfgutil', 'json'],
    },
    example: 'enroll-bench workflow show supervise-and-enroll',
  },
  intune: {
    summary:
      'Intune: connect, show status, list and pull the Apple Configurator profile, refresh, disconnect',
    usage: [
      'intune connect --tenant ID --client-id ID [--cloud NAME] [--device-code] [--json]',
      'intune connect --token-file FILE [--json]',
      'intune status [--json]',
      'intune profiles [--json]',
      'intune pull [--profile ID|NAME] [--json]',
      'intune refresh [--every-days N] [--json]',
      'intune push [--since DATE] [--dry-run] [--json]   (prepared serials from the log to Intune)',
      'intune verify [--log FILE…] [--json]   (each serial of the log(s) looked up in Intune now)',
      'intune disconnect',
    ],
    flags: {
      tenant: { kind: 'string', value: 'ID', help: 'connect: the Directory (tenant) ID' },
      'client-id': { kind: 'string', value: 'ID', help: 'connect: the Application (client) ID' },
      cloud: {
        kind: 'string',
        value: 'NAME',
        help: 'connect: global (default), usgov-high, usgov-dod or china',
        complete: ['global', 'usgov-high', 'usgov-dod', 'china'],
      },
      'device-code': { kind: 'boolean', help: 'connect: sign in with a device code (many tenants block it)' },
      'token-file': {
        kind: 'string',
        value: 'FILE',
        help: 'connect: use a token a script already holds, until it expires',
        complete: 'file',
      },
      'try-unconfirmed-cloud': { kind: 'boolean', help: 'connect: allow a cloud not yet confirmed' },
      profile: { kind: 'string', value: 'ID|NAME', help: 'pull: which profile' },
      'every-days': { kind: 'string', value: 'N', help: 'refresh: pull when the copy is this old' },
      since: {
        kind: 'string',
        value: 'DATE',
        help: 'push: serials prepared from this day (YYYY-MM-DD) or ISO time',
      },
      'dry-run': { kind: 'boolean', help: 'push: list what would be pushed, send nothing' },
      log: {
        kind: 'string',
        value: 'FILE',
        help: 'verify: a bench log (JSON or CSV, e.g. from log merge) instead of this bench’s',
        complete: 'file',
      },
      json,
    },
    subcommands: {
      connect: ['tenant', 'client-id', 'cloud', 'device-code', 'token-file', 'try-unconfirmed-cloud', 'json'],
      status: ['json'],
      profiles: ['json'],
      pull: ['profile', 'json'],
      refresh: ['every-days', 'json'],
      push: ['since', 'dry-run', 'json'],
      verify: ['log', 'json'],
      disconnect: [],
    },
    example: 'enroll-bench intune pull --profile "iPad carts" --json',
  },
  log: {
    summary: 'the bench log: export, merge, show, or tail a running bench',
    usage: [
      'log export --format csv|intune|json [FILTERS] [--out FILE] [--json]',
      'log merge FILE… --out FILE [--format json|csv|intune] [FILTERS] [--json]',
      'log show [FILTERS] [--intune STATE] [--json]',
      'log tail [--json]   (a running bench: one line per job change, until Ctrl-C)',
    ],
    flags: {
      ...logFilters,
      format: {
        kind: 'string',
        value: 'F',
        help: 'csv, intune (Intune corporate identifiers) or json',
        complete: ['csv', 'intune', 'json'],
      },
      intune: {
        kind: 'string',
        value: 'STATE',
        help: 'what Intune shows: not-enrolled (what to chase), enrolled, several, not-yet-seen, not-seen, not-checked',
        complete: ['not-enrolled', 'enrolled', 'several', 'not-yet-seen', 'not-seen', 'not-checked'],
      },
      out: {
        kind: 'string',
        value: 'FILE',
        help: 'write here (atomically) instead of stdout',
        complete: 'file',
      },
      json,
    },
    subcommands: {
      export: [...logFilterNames, 'intune', 'format', 'out', 'json'],
      merge: [...logFilterNames, 'intune', 'format', 'out', 'json'],
      show: [...logFilterNames, 'intune', 'json'],
      tail: ['json'],
    },
    example: 'enroll-bench log export --format csv --from 2026-03-02 --out today.csv',
    notes: ['FILTERS are the log view’s: --search, --session, --from, --to, --outcome.'],
  },
  sim: {
    summary: 'the simulated device world: start one, run cfgutil against it, play the operator’s hand',
    usage: [
      'sim world [--devices N | --scenario NAME|FILE] [--time-scale X] [--seed S] [--bench DIR]',
      'sim cfgutil [--socket PATH | --bench DIR] CFGUTIL-ARGUMENTS…',
      'sim replay BUNDLE   (a cfgutil answering from a --record folder; prints its path)',
      'sim [--socket PATH | --bench DIR] VERB [ARGUMENTS…]   (enroll-bench sim help lists the verbs)',
    ],
    flags: {
      devices: { kind: 'string', value: 'N', help: 'world: attach N clean devices' },
      scenario,
      'time-scale': timeScale,
      seed: { kind: 'string', value: 'S', help: 'world: the random seed' },
      bench: { kind: 'string', value: 'DIR', help: 'the bench (data folder) whose world to use' },
      socket: { kind: 'string', value: 'PATH', help: 'the world’s socket', complete: 'file' },
    },
    subcommands: {
      world: ['devices', 'scenario', 'time-scale', 'seed', 'bench'],
      cfgutil: ['socket', 'bench'],
      replay: [],
    },
    example: 'enroll-bench sim world --scenario messy-cart',
  },
  'field-check': {
    summary:
      'first real Mac: walk one device through every cfgutil step, asking before each erase, and report',
    usage: [
      'field-check [--cfgutil PATH | --simulate [--time-scale X]] [--ecid ECID] [--erase-serial SERIAL] [--yes]',
      '    [--profile FILE] [--out DIR] [--record DIR [--record-raw]] [--json]',
    ],
    flags: {
      cfgutil,
      simulate,
      'time-scale': {
        ...timeScale,
        help: 'with --simulate: speed of the simulated clock (above 0, at most 10)',
      },
      ecid: { kind: 'string', value: 'ECID', help: 'the device to check, when more than one is attached' },
      'erase-serial': {
        kind: 'string',
        value: 'SERIAL',
        help: 'consent up front to erase the device with this full serial number (else typed when asked)',
      },
      yes: { kind: 'boolean', help: 'answer the "press Enter when ready" questions (never an erase)' },
      profile: {
        kind: 'string',
        value: 'FILE',
        help: 'import this Intune profile first (default: the one already imported)',
        complete: 'file',
      },
      out: {
        kind: 'string',
        value: 'DIR',
        help: 'write the report here (default: the data folder’s field-check/)',
        complete: 'file',
      },
      record,
      'record-raw': recordRaw,
      json,
    },
    example: 'enroll-bench field-check --record ~/field-bundle',
    notes: [
      'Questions on stdout, answers on stdin. The report (markdown + JSON) says per row: confirmed,',
      'different (what was seen) or not tried. Exit 0 every row confirmed, 1 otherwise.',
    ],
  },
  diagnostics: {
    summary: 'export a zip for a bug report: versions, preflight, settings and logs, without secrets',
    usage: ['diagnostics export [--out FILE] [--lines N] [--simulate | --cfgutil PATH] [--json]'],
    flags: {
      out: {
        kind: 'string',
        value: 'FILE',
        help: 'the zip to write (default: "Enroll Bench diagnostics DATE.zip" in this folder)',
        complete: 'file',
      },
      lines: { kind: 'string', value: 'N', help: 'the last N journal and diagnostics lines (default 500)' },
      simulate,
      cfgutil,
      json,
    },
    subcommands: { export: ['out', 'lines', 'simulate', 'cfgutil', 'json'] },
    example: 'enroll-bench diagnostics export --out ~/Desktop/bench-diagnostics.zip',
    notes: ['A recent --record bundle is included unless it was made with --record-raw.'],
  },
  completion: {
    summary: 'print the shell completion script: completion zsh|bash',
    usage: ['completion zsh|bash'],
    flags: {},
    subcommands: { zsh: [], bash: [] },
    example: 'enroll-bench completion zsh > "${fpath[1]}/_enroll-bench"',
  },
  help: {
    summary: 'this help, or one command’s: help [COMMAND]',
    usage: ['help [COMMAND]'],
    flags: {},
    example: 'enroll-bench help run',
  },
} as const satisfies Readonly<Record<string, CommandDoc>>;

export type CommandName = keyof typeof commandTable;

export const commandNames = Object.keys(commandTable) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commandTable, name);
}

type FlagsOf<C extends CommandName> = (typeof commandTable)[C]['flags'];

/** The parser's spec for a flag list: name to kind. */
export type SpecOf<F extends FlagDocs> = { readonly [K in keyof F]: F[K]['kind'] };

export function specOf<F extends FlagDocs>(flags: F): SpecOf<F> {
  const spec: Record<string, 'string' | 'boolean'> = {};
  for (const [name, doc] of Object.entries(flags)) spec[name] = doc.kind;
  return spec as SpecOf<F>;
}

/** The flags a command (or one of its subcommands) accepts, as the parser's spec. */
export function flagSpec<C extends CommandName>(command: C, subcommand?: string): SpecOf<FlagsOf<C>> {
  const doc: CommandDoc = commandTable[command];
  const all = specOf(doc.flags) as FlagSpec;
  const allowed = subcommand === undefined ? undefined : doc.subcommands?.[subcommand];
  if (!allowed) return all as SpecOf<FlagsOf<C>>;
  const spec: Record<string, 'string' | 'boolean'> = {};
  for (const name of allowed) if (all[name]) spec[name] = all[name];
  return spec as SpecOf<FlagsOf<C>>;
}
