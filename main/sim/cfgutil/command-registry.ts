/**
 * The device subcommands the simulator knows, by name and alias (§3 of main/cfgutil/README.md).
 * `list`, `help`, `version` and `exec` need no device and are handled by the runner itself.
 */
import type { DeviceCommand } from './command-types';
import { renameCommand, restartCommand, shutDownCommand } from './commands/device-admin';
import { eraseCommand } from './commands/erase';
import { getCommand } from './commands/get';
import { pairCommand, unpairCommand } from './commands/pair';
import { prepareCommand } from './commands/prepare';
import { installProfileCommand, removeProfileCommand } from './commands/profiles';
import { restoreCommand, updateCommand } from './commands/restore';

const all: readonly DeviceCommand[] = [
  getCommand,
  pairCommand,
  unpairCommand,
  eraseCommand,
  prepareCommand,
  installProfileCommand,
  removeProfileCommand,
  renameCommand,
  restartCommand,
  shutDownCommand,
  restoreCommand,
  updateCommand,
];

export function findDeviceCommand(name: string): DeviceCommand | undefined {
  return all.find((c) => c.name === name || (c.aliases ?? []).includes(name));
}
