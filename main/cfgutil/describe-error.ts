/**
 * The one place where every `ErrorCode` gets its operator-facing words.
 *
 * An IT tech at a bench reads these, so each entry is one short title plus a detail that says what happened
 * and what to do next, in plain language. Branching happens on codes elsewhere; this file only words them.
 */
import type { ErrorCode } from '../../preload/domain';
import { assertNever } from './assert-never';

/** Title, detail-with-the-fix and whether trying the same step again can succeed. */
export interface ErrorDescription {
  readonly title: string;
  readonly detail: string;
  /** True when repeating the same step, after the operator's fix or a short wait, may succeed. */
  readonly retryable: boolean;
}

function text(title: string, detail: string, retryable: boolean): ErrorDescription {
  return { title, detail, retryable };
}

/**
 * Words for one code. Exhaustive: adding a code to `ErrorCode` breaks the build until it is described here.
 *
 * Fixes follow README.md in this folder ("Errors"): what each cfgutil error means and what the bench does.
 */
export function describe(code: ErrorCode): ErrorDescription {
  switch (code) {
    case 'needs-user-approval':
      return text(
        'Approve the profile on the device',
        'The profile was sent, but iOS wants a person to approve it. Unlock the device and tap Install (or open ' +
          'Settings › General › VPN & Device Management if the sheet was dismissed), then enter the passcode. ' +
          'The bench notices by itself once it is installed.',
        true,
      );
    case 'already-prepared':
      return text(
        'Erase the device first',
        'This device has already been set up, and it can only be prepared straight after an erase. ' +
          'Erase it, wait until it restarts at the Hello screen, then prepare it again.',
        false,
      );
    case 'configuration-unavailable':
      return text(
        'This device has no Automated Device Enrollment configuration',
        'Apple gave no enrollment configuration for it (code 33001). Check: 1. in Apple Business Manager or Apple ' +
          'School Manager, the serial number is assigned to your Intune MDM server; 2. in Intune, the ADE token is ' +
          'valid and an enrollment profile is assigned to the device; 3. this Mac is online (the device reaches ' +
          'Apple through it). Right after an assignment this is often temporary: erase and try again.',
        true,
      );
    case 'not-activated':
      return text(
        'The device is not activated',
        'The device has not finished activating with Apple. This is usually temporary (the device is not ready ' +
          'yet after its restart): the bench tries again by itself. Make sure this Mac is online (the device ' +
          'activates through it).',
        true,
      );
    case 'passcode-locked':
      return text(
        'Unlock the device',
        'The device is locked with a passcode, so the Mac cannot read it. Unlock it, keep the screen on, then try again.',
        true,
      );
    case 'trust-pending':
      return text(
        'Tap Trust on the device',
        'Unlock the device and tap Trust on the "Trust This Computer?" prompt, then enter the passcode if asked. ' +
          'If no prompt shows, unplug the cable and plug it back in.',
        true,
      );
    case 'trust-denied':
      return text(
        'Trust was refused on the device',
        'Someone tapped "Don\'t Trust". Unplug the device, plug it back in, unlock it and tap Trust this time.',
        true,
      );
    case 'pairing-prohibited':
      return text(
        'The device refuses to pair with this Mac',
        'A restriction on the device forbids pairing with new computers. Use the Mac that supervises it, lift the ' +
          'restriction in Intune, or restore the device from recovery mode.',
        false,
      );
    case 'device-disconnected':
      return text(
        'The device disconnected',
        'The device dropped off USB during the step. Check the cable and the hub port and keep it plugged in. ' +
          'The step may still have finished: the bench re-reads the device before calling it a failure.',
        true,
      );
    case 'device-busy':
      return text(
        'The device is busy',
        'Another command is still working on this device (perhaps Apple Configurator itself). Wait for it to ' +
          'finish, or quit Apple Configurator, then try again.',
        true,
      );
    case 'activation-locked':
      return text(
        'Activation Lock is on',
        "The device is still linked to someone's Apple Account (Find My). Ask the owner to remove it from their " +
          'account, or release it in Apple Business Manager or Intune, then erase it again.',
        false,
      );
    case 'mac-out-of-date':
      return text(
        'Update this Mac',
        "This Mac's device support is older than the iOS on the device. Update macOS and Apple Configurator, then " +
          'try again.',
        false,
      );
    case 'no-devices-found':
      return text(
        'The device is not connected',
        'cfgutil cannot see this device. Check the cable and the port, unlock the device, then try again.',
        true,
      );
    case 'value-missing':
      return text(
        'The device has no such value',
        'The device does not report this value (for example, a Wi-Fi-only iPad has no IMEI). Nothing needs fixing.',
        false,
      );
    case 'set-prohibited':
      return text(
        'The device refused the change',
        'A profile on the device blocks this change (for example, renaming). Lift the restriction in Intune, or ' +
          'erase the device, then try again.',
        false,
      );
    case 'network-unavailable':
      return text(
        'This Mac is offline',
        'Preparing a device downloads its activation record from Apple. Connect the Mac to the internet (check ' +
          'the proxy or firewall), then try again.',
        true,
      );
    case 'no-such-profile':
      return text(
        'That profile is not installed',
        'The device has no profile with that identifier, so there was nothing to remove.',
        false,
      );
    case 'output-unparseable':
      return text(
        'cfgutil gave an answer the bench cannot read',
        "The bench could not understand cfgutil's reply; the raw text is in the bench log. Try again. If it keeps " +
          "happening, reinstall Apple Configurator's Automation Tools.",
        true,
      );
    case 'cfgutil-missing':
      return text(
        'cfgutil is not installed',
        'Open Apple Configurator and choose Apple Configurator › Install Automation Tools…, or set the cfgutil path ' +
          'in the bench settings.',
        false,
      );
    case 'cfgutil-not-executable':
      return text(
        'cfgutil cannot be started',
        "The cfgutil file is there but this Mac will not run it. Reinstall Apple Configurator's Automation Tools " +
          '(Apple Configurator › Install Automation Tools…) or check the file permissions.',
        false,
      );
    case 'timed-out':
      return text(
        'cfgutil took too long',
        'The step did not finish in time and was stopped. Check that the device is unlocked and still connected, ' +
          'then try again.',
        true,
      );
    case 'in-use-unanswered':
      return text(
        'Nobody answered for this device in use',
        'Nothing was done to it. Press Retry to be asked again, or Skip.',
        true,
      );
    case 'manager-unknown':
      return text(
        'The bench cannot tell who manages this device',
        'Nothing was done to it. Unplug it and plug it back in, or check it in Apple Configurator, then press Retry.',
        true,
      );
    case 'cancelled':
      return text(
        'Stopped',
        'The step was cancelled before it finished. The device may be part-way through it; check it before ' +
          'starting again.',
        true,
      );
    case 'invalid-request':
      return text('The request was refused', 'The bench refused a request that was not valid.', false);
    case 'internal':
      return text(
        'Something went wrong inside Enroll Bench',
        'The bench log has the technical details. Try again; if it keeps happening, restart the app.',
        true,
      );
    case 'unknown':
      return text(
        'cfgutil reported an error',
        'cfgutil failed with an error the bench does not recognise. Try again; if it repeats, look at the device ' +
          'in Apple Configurator.',
        true,
      );
    default:
      return assertNever(code, 'Undescribed error code');
  }
}
