/**
 * Everyday names for Apple payload types, so a finding can say "Wi-Fi" instead of `com.apple.wifi.managed`.
 */
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
  return NAMES[type] ?? type;
}

/** "Wi-Fi and Restrictions", "Wi-Fi, VPN and Mail", without repeats. */
export function listPayloadNames(types: readonly (string | undefined)[]): string {
  const names = [...new Set(types.map(payloadName))];
  if (names.length <= 1) return names[0] ?? 'nothing';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}
