/**
 * Everyday names for Apple payload types, so a finding can say "Wi-Fi" instead of `com.apple.wifi.managed`.
 * A type we do not know is the file's own text: sanitised, and a list of them is capped, so a profile with
 * thousands of odd payloads gives one readable sentence, not a 600 KB finding.
 */
import { sanitizeText } from '../text/sanitize-text';

const MAX_LISTED = 5;
const NAMES: Readonly<Record<string, string>> = {
  'com.apple.wifi.managed': 'Wi-Fi',
  'com.apple.applicationaccess': 'Restrictions',
  'com.apple.vpn.managed': 'VPN',
  'com.apple.mail.managed': 'Mail',
  'com.apple.eas.account': 'Exchange ActiveSync',
  'com.apple.webClip.managed': 'Web Clip',
  'com.apple.security.root': 'root certificate',
  'com.apple.security.pem': 'certificate',
  'com.apple.security.pkcs1': 'certificate',
  'com.apple.security.pkcs12': 'identity certificate (PKCS#12)',
  'com.apple.security.scep': 'SCEP certificate request',
  'com.apple.security.acme': 'ACME certificate request',
  'com.apple.mobiledevice.passwordpolicy': 'Passcode',
  'com.apple.homescreenlayout': 'Home Screen Layout',
  'com.apple.notificationsettings': 'Notifications',
  'com.apple.dnsSettings.managed': 'DNS settings',
  'com.apple.mdm': 'MDM enrollment',
};

export function payloadName(type: string | undefined): string {
  if (!type) return 'an unnamed payload';
  return NAMES[type] ?? sanitizeText(type, { maxLength: 80 });
}

/** "Wi-Fi and Restrictions", "Wi-Fi, VPN and Mail", without repeats. */
export function listPayloadNames(types: readonly (string | undefined)[]): string {
  const all = [...new Set(types.map(payloadName))];
  if (all.length <= 1) return all[0] ?? 'nothing';
  if (all.length > MAX_LISTED)
    return `${all.slice(0, MAX_LISTED).join(', ')} and ${all.length - MAX_LISTED} other kinds of`;
  return `${all.slice(0, -1).join(', ')} and ${all[all.length - 1] ?? ''}`;
}
