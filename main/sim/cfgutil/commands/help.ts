/**
 * `help [command]` / `usage`, and `version` (§3 of main/cfgutil/README.md).
 *
 * The wording is the simulator's own: only fragments of Apple's help are public (S1–S3).
 */
import type { SimQuirks } from '../../sim-options';

const GLOBAL = `usage: cfgutil [options] <command> [<args>]

Options:
  -C, --certificate <path>   DER certificate of the supervising organization
  -K, --private-key <path>   DER private key of the supervising organization
  -e, --ecid <ECID>          device to act on (may be repeated)
  -f, --foreach              act on all attached devices
  --format <format>          output format: text, JSON or plist
  --progress                 show progress even when the format is not text
  --timeout <seconds>        how long to wait for devices to be detected
  -v, --verbose              more logging

Commands:`;

const COMMANDS: Readonly<Record<string, string>> = {
  list: 'list attached devices',
  get: 'get <property…|all>: read device properties',
  pair: 'pair the device with this Mac',
  unpair: 'remove the pairing with this Mac',
  erase: 'erase [--esim]: erase all content and settings',
  prepare:
    'prepare [--dep | --supervised --name <org> --host-cert <cert>] [--language <l>] [--locale <l>] [--skip-…]: initial configuration of an erased device',
  'install-profile': 'install-profile <path>: install a configuration profile',
  'remove-profile': 'remove-profile <identifier|path>: remove a configuration profile',
  rename: 'rename <name>: set the device name',
  restart: 'restart the device (supervised only)',
  'shut-down': 'shut down the device (supervised only)',
  restore: 'restore [-I <ipsw>]: erase and install the latest iOS (also from Recovery/DFU)',
  update: 'update [-I <ipsw>]: install the latest iOS (also from Recovery/DFU)',
  exec: 'exec -a <command> -d <command>: run commands when devices attach or detach',
  version: 'print the version',
  help: 'help [command]: show help',
};

/**
 * `help prepare` lists the skip flags only when the `helpListsSkipFlags` switch says so (the real layout is
 * not public); it lists exactly the panes this simulated cfgutil knows.
 */
function prepareHelp(quirks: Pick<SimQuirks, 'helpListsSkipFlags' | 'prepareSkipPanes'>): string {
  const head = `cfgutil prepare: ${COMMANDS.prepare ?? ''}\n`;
  if (!quirks.helpListsSkipFlags) return head;
  const flags = quirks.prepareSkipPanes.map((pane) => `  --skip-${pane}`);
  return `${head}\nSetup Assistant panes to skip:\n  --skip-all\n${flags.join('\n')}\n`;
}

export function helpText(
  command?: string,
  quirks?: Pick<SimQuirks, 'helpListsSkipFlags' | 'prepareSkipPanes'>,
): string | undefined {
  if (command === 'prepare' && quirks) return prepareHelp(quirks);
  if (command === undefined) {
    const lines = Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(16)} ${text}`);
    return `${GLOBAL}\n${lines.join('\n')}\n`;
  }
  const text = COMMANDS[command];
  return text === undefined ? undefined : `cfgutil ${command}: ${text}\n`;
}

export function versionText(version: string, build: string): string {
  return `cfgutil ${version} (${build})\n`;
}
