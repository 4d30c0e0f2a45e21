/**
 * The cfgutil lines of the checklist: is it found, what version it says it is, is it Apple's, and are the
 * Automation Tools installed (the `/usr/local/bin/cfgutil` link Apple Configurator's menu puts there).
 */
import type { EngineStatus } from '../../preload/domain';
import type { PreflightCheck } from '../../preload/preflight-domain';
import type { CfgutilVersion } from '../cfgutil/cfgutil-client';
import { DEFAULT_CFGUTIL_PATHS, type CheckFile } from '../cfgutil/locate-cfgutil';
import type { CfgutilSignatureCheck } from '../cfgutil/verify-cfgutil-signature';
import { CfgutilError } from '../cfgutil/cfgutil-error';
import { describeDroppedFlags, prepareFlagReport } from '../cfgutil/prepare-flag-support';
import { sanitizeText } from '../text/sanitize-text';
import { check } from './preflight-check';

export const AUTOMATION_TOOLS_PATH = DEFAULT_CFGUTIL_PATHS[0] ?? '/usr/local/bin/cfgutil';

const INSTALL_FIX =
  'Install Apple Configurator from the Mac App Store, open it once and choose Apple Configurator ▸ Install Automation Tools…, then press Check again.';

export function cfgutilFoundCheck(engine: EngineStatus): PreflightCheck {
  const title = 'cfgutil';
  if (engine.kind === 'cfgutil') return check('cfgutil-found', title, 'ok', `Found at ${engine.path}.`);
  if (engine.kind === 'missing') {
    return check(
      'cfgutil-found',
      title,
      'problem',
      `cfgutil was not found (looked in ${engine.searched.length} places).`,
      INSTALL_FIX,
    );
  }
  return check(
    'cfgutil-found',
    title,
    'warning',
    'This is a simulated bench: its own stand-in for cfgutil runs, and no real device is touched.',
    'For real devices, use a Mac with the Automation Tools installed and start without --simulate.',
  );
}

/** Runs `cfgutil version` through the client; some builds do not say (./README.md F1). */
export async function cfgutilVersionCheck(
  engine: EngineStatus,
  version: ((signal: AbortSignal) => Promise<CfgutilVersion>) | undefined,
  signal: AbortSignal,
): Promise<PreflightCheck> {
  const title = 'cfgutil version';
  if (engine.kind === 'simulator' && !version) {
    return check(
      'cfgutil-version',
      title,
      'warning',
      'Not checked: no simulated world runs here (the command line starts none).',
    );
  }
  if (engine.kind === 'missing' || !version) {
    return check(
      'cfgutil-version',
      title,
      'problem',
      'No cfgutil is running, so it has no version.',
      INSTALL_FIX,
    );
  }
  let answer: CfgutilVersion;
  try {
    answer = await version(signal);
  } catch (error) {
    const code = error instanceof CfgutilError ? error.info.code : undefined;
    if (code === 'cfgutil-missing' || code === 'cfgutil-not-executable') {
      return check('cfgutil-version', title, 'problem', 'cfgutil could not be started.', INSTALL_FIX);
    }
    return check(
      'cfgutil-version',
      title,
      'warning',
      'cfgutil did not answer "cfgutil version".',
      'Update Apple Configurator from the App Store and install the Automation Tools again.',
    );
  }
  const words = [answer.version, answer.build ? `(${answer.build})` : undefined].filter(Boolean).join(' ');
  if (!words) {
    return check(
      'cfgutil-version',
      title,
      'warning',
      'cfgutil ran but did not say which version it is.',
      'Nothing to do unless devices fail; then update Apple Configurator.',
    );
  }
  const who = engine.kind === 'simulator' ? 'The simulated cfgutil reports' : 'cfgutil reports';
  const said = `${who} version ${sanitizeText(words, { maxLength: 60 })}.`;
  // Prepare options this cfgutil turned out not to know (main/cfgutil/README.md §8.3).
  const dropped =
    engine.kind === 'cfgutil' ? describeDroppedFlags(prepareFlagReport(engine.path)) : undefined;
  if (dropped !== undefined) {
    return check(
      'cfgutil-version',
      title,
      'warning',
      `${said} ${dropped}`,
      'Update Apple Configurator from the App Store and install the Automation Tools again; until then a person may tap through those screens.',
    );
  }
  return check('cfgutil-version', title, 'ok', said);
}

export async function cfgutilSignatureCheck(
  engine: EngineStatus,
  signature: CfgutilSignatureCheck,
): Promise<PreflightCheck> {
  const title = "Apple's cfgutil";
  if (engine.kind === 'simulator') {
    return check(
      'cfgutil-signature',
      title,
      'warning',
      "Not checked: the simulated bench runs its own cfgutil, which is not Apple's.",
    );
  }
  if (engine.kind === 'missing') {
    return check('cfgutil-signature', title, 'problem', 'There is no cfgutil to check.', INSTALL_FIX);
  }
  const verdict = await signature.verify(engine.path);
  if (verdict === 'apple') return check('cfgutil-signature', title, 'ok', 'Signed by Apple.');
  if (verdict === 'unavailable') {
    return check(
      'cfgutil-signature',
      title,
      'warning',
      'Cannot check here: only macOS can verify that cfgutil is signed by Apple.',
    );
  }
  return check(
    'cfgutil-signature',
    title,
    'problem',
    `${engine.path} is not signed by Apple.`,
    'Use the cfgutil that Apple Configurator installs: Install Automation Tools…, then start the bench without --cfgutil.',
  );
}

export async function automationToolsCheck(
  platform: NodeJS.Platform,
  checkFile: CheckFile,
): Promise<PreflightCheck> {
  const title = 'Automation Tools';
  if (platform !== 'darwin') {
    return check(
      'automation-tools',
      title,
      'warning',
      'Cannot check here: the Automation Tools exist only on a Mac.',
    );
  }
  if ((await checkFile(AUTOMATION_TOOLS_PATH)) === 'executable') {
    return check('automation-tools', title, 'ok', `Installed (${AUTOMATION_TOOLS_PATH}).`);
  }
  for (const inside of DEFAULT_CFGUTIL_PATHS.slice(1)) {
    if ((await checkFile(inside)) === 'executable') {
      return check(
        'automation-tools',
        title,
        'warning',
        'Not installed: the bench can use the cfgutil inside Apple Configurator, but scripts and Terminal cannot.',
        'In Apple Configurator choose Apple Configurator ▸ Install Automation Tools…',
      );
    }
  }
  return check(
    'automation-tools',
    title,
    'problem',
    'Not installed, and Apple Configurator was not found.',
    INSTALL_FIX,
  );
}
