/**
 * Every error the simulated cfgutil can report, with its domain, code and localized message.
 *
 * Two tables. `defs`: codes and domains from main/cfgutil/README.md §7.1 (where only the wording is
 * unknown, it is the simulator's, marked [U]). `invented`: errors the reference knows no code for, all with the
 * one {@link INVENTED_CODE} and, where the reference has it, its exact English text (issue 8, item 6).
 * Messages change with the language; codes never do (§11).
 */
import type { SimLanguage } from './sim-options';

export const AMD_DOMAIN = 'com.apple.configurator.MobileDeviceKit.amd.error';
export const CUK_DOMAIN = 'ConfigurationUtilityKit.error';

/** One error as cfgutil prints it (JSON keys of §6.1). */
export interface SimErrorBody {
  readonly Domain: string;
  readonly FailureReason: string;
  readonly Message: string;
  readonly Code: number;
  readonly Detail?: string;
}

type Localized = Readonly<Record<SimLanguage, string>>;

interface ErrorDef {
  readonly domain: string;
  readonly code: number;
  readonly message: Localized;
  readonly detail?: Localized;
}

const defs = {
  needsApproval: {
    domain: CUK_DOMAIN,
    code: 625,
    message: {
      en: 'User interaction on the device is required to install this profile.',
      fr: 'Une interaction de l’utilisateur sur l’appareil est requise pour installer ce profil.',
      de: 'Zum Installieren dieses Profils ist eine Benutzerinteraktion auf dem Gerät erforderlich.',
    },
  },
  alreadyPrepared: {
    domain: CUK_DOMAIN,
    code: 612,
    message: {
      en: 'The device is already prepared and must be erased to change settings.',
      fr: 'L’appareil est déjà préparé et doit être effacé pour modifier les réglages.',
      de: 'Das Gerät ist bereits vorbereitet und muss gelöscht werden, um die Einstellungen zu ändern.',
    },
  },
  macOutOfDate: {
    domain: CUK_DOMAIN,
    code: 401,
    message: {
      en: 'The required framework "MobileDevice" is out of date. Please update macOS.',
      fr: 'Le framework requis « MobileDevice » n’est pas à jour. Veuillez mettre à jour macOS.',
      de: 'Das erforderliche Framework „MobileDevice“ ist veraltet. Aktualisiere macOS.',
    },
  },
  configurationUnavailable: {
    domain: 'MCCloudConfigurationErrorDomain',
    code: 33001,
    message: {
      en: 'The configuration is not available.',
      fr: 'La configuration n’est pas disponible.',
      de: 'Die Konfiguration ist nicht verfügbar.',
    },
  },
  passcodeProtected: {
    domain: AMD_DOMAIN,
    code: -402653158,
    message: {
      en: 'The device is passcode protected.',
      fr: 'L’appareil est protégé par un code.',
      de: 'Das Gerät ist durch einen Code geschützt.',
    },
  },
  valueMissing: {
    domain: AMD_DOMAIN,
    code: -402653163,
    message: { en: 'The value is missing.', fr: 'La valeur est manquante.', de: 'Der Wert fehlt.' },
  },
  setProhibited: {
    domain: AMD_DOMAIN,
    code: -402653161,
    message: {
      en: 'Cannot set value on device.',
      fr: 'Impossible de définir la valeur sur l’appareil.',
      de: 'Der Wert kann auf dem Gerät nicht festgelegt werden.',
    },
  },
  // [U] wording for the three pairing codes (§8.1).
  pairingProhibited: {
    domain: AMD_DOMAIN,
    code: -402653030,
    message: {
      en: 'Pairing with this device is prohibited by its configuration.',
      fr: 'Le jumelage avec cet appareil est interdit par sa configuration.',
      de: 'Das Koppeln mit diesem Gerät ist durch seine Konfiguration untersagt.',
    },
  },
  trustPending: {
    domain: AMD_DOMAIN,
    code: -402653034,
    message: {
      en: 'The user has not yet responded to the pairing request on the device.',
      fr: 'L’utilisateur n’a pas encore répondu à la demande de jumelage sur l’appareil.',
      de: 'Der Benutzer hat noch nicht auf die Kopplungsanfrage auf dem Gerät reagiert.',
    },
  },
  trustDenied: {
    domain: AMD_DOMAIN,
    code: -402653035,
    message: {
      en: 'The user denied the pairing request on the device.',
      fr: 'L’utilisateur a refusé la demande de jumelage sur l’appareil.',
      de: 'Der Benutzer hat die Kopplungsanfrage auf dem Gerät abgelehnt.',
    },
  },
  // Code from §7.1; wording seen by a predecessor script of S30 (§12).
  disconnected: {
    domain: AMD_DOMAIN,
    code: -402653052,
    message: {
      en: 'This device is no longer connected.',
      fr: 'Cet appareil n’est plus connecté.',
      de: 'Dieses Gerät ist nicht mehr verbunden.',
    },
  },
  deviceStateUnknown: {
    domain: CUK_DOMAIN,
    code: 603,
    message: {
      en: 'Unable to determine the state of the device.',
      fr: 'Impossible de déterminer l’état de l’appareil.',
      de: 'Der Status des Geräts kann nicht ermittelt werden.',
    },
  },
  restoreFailed: {
    domain: 'AMRestoreErrorDomain',
    code: 2006,
    message: {
      en: 'The device could not be restored.',
      fr: 'Impossible de restaurer l’appareil.',
      de: 'Das Gerät konnte nicht wiederhergestellt werden.',
    },
  },
} satisfies Record<string, ErrorDef>;

/**
 * [invented] The code the simulator reports where the reference knows no code at all. The client does not know
 * it, so these errors classify only through the client's English fallback table (`MESSAGE_FALLBACKS`), and a
 * French or German run honestly comes out as `unknown`, as it would on a Mac in that language.
 */
export const INVENTED_CODE = 1;

/**
 * [invented] Errors with no code in the reference. Where the reference has the English text (busy, Activation
 * Lock, not activated, the offline `Detail`) the English message is exactly that; the rest of the wording is
 * the simulator's. Translations are plain translations: no English substring is smuggled in.
 */
const invented = {
  busy: {
    message: {
      en: 'This action cannot be performed on the device while it is already in use.',
      fr: 'Cette action ne peut pas être effectuée sur l’appareil pendant qu’il est déjà utilisé.',
      de: 'Diese Aktion kann nicht ausgeführt werden, während das Gerät bereits verwendet wird.',
    },
  },
  activationLock: {
    message: {
      en: 'The device is locked to an Apple Account. Turn off Find My, or complete the activation process on the device.',
      fr: 'L’appareil est verrouillé sur un compte Apple. Désactivez Localiser ou terminez l’activation sur l’appareil.',
      de: 'Das Gerät ist an einen Apple Account gebunden. Deaktiviere „Wo ist?“ oder schließe die Aktivierung auf dem Gerät ab.',
    },
  },
  notActivated: {
    message: {
      en: 'The device is not activated.',
      fr: 'L’appareil n’est pas activé.',
      de: 'Das Gerät ist nicht aktiviert.',
    },
  },
  network: {
    message: {
      en: 'The activation record could not be downloaded.',
      fr: 'Impossible de télécharger l’enregistrement d’activation.',
      de: 'Der Aktivierungsdatensatz konnte nicht geladen werden.',
    },
    detail: {
      en: 'Network communication error.',
      fr: 'Erreur de communication réseau.',
      de: 'Fehler bei der Netzwerkkommunikation.',
    },
  },
  fileMissing: {
    message: {
      en: 'The file couldn’t be opened because there is no such file.',
      fr: 'Le fichier n’a pas pu être ouvert car il n’existe pas.',
      de: 'Die Datei konnte nicht geöffnet werden, da sie nicht existiert.',
    },
  },
  profileInvalid: {
    message: {
      en: 'The profile could not be read because it is not in the correct format.',
      fr: 'Le profil n’a pas pu être lu car son format est incorrect.',
      de: 'Das Profil konnte nicht gelesen werden, da es nicht das richtige Format hat.',
    },
  },
  supervisionRequired: {
    message: {
      en: 'This operation requires the supervision identity of the organization that supervises the device.',
      fr: 'Cette opération nécessite l’identité de supervision de l’organisation qui supervise l’appareil.',
      de: 'Für diesen Vorgang ist die Überwachungsidentität der Organisation erforderlich, die das Gerät überwacht.',
    },
  },
  wrongMode: {
    message: {
      en: 'The device is not in a state that allows this operation.',
      fr: 'L’appareil n’est pas dans un état qui permet cette opération.',
      de: 'Das Gerät befindet sich nicht in einem Zustand, der diesen Vorgang erlaubt.',
    },
  },
} satisfies Record<string, Omit<ErrorDef, 'domain' | 'code'>>;

export type SimErrorId = keyof typeof defs | keyof typeof invented;

/** Every invented error id, for the README table and the tests. */
export const INVENTED_ERRORS = Object.keys(invented) as (keyof typeof invented)[];

function defOf(id: SimErrorId): ErrorDef {
  if (Object.hasOwn(defs, id)) return defs[id as keyof typeof defs];
  return { domain: CUK_DOMAIN, code: INVENTED_CODE, ...invented[id as keyof typeof invented] };
}

/** The printable error for `id` in `language`. */
export function simError(id: SimErrorId, language: SimLanguage): SimErrorBody {
  const def = defOf(id);
  const body: SimErrorBody = {
    Domain: def.domain,
    FailureReason: '',
    Message: def.message[language],
    Code: def.code,
  };
  return def.detail ? { ...body, Detail: def.detail[language] } : body;
}

/** Top-level messages that go to stderr without an envelope (§6.2). */
const plain = {
  // Scripts match these two on stderr (§6.2, §7.1) and they carry no code, so they stay English here: a
  // localized variant would break the app in a way the real tool (as far as is known) does not.
  noDevices: { en: 'no devices found', fr: 'no devices found', de: 'no devices found' },
  noSuchProfile: { en: 'no such profile', fr: 'no such profile', de: 'no such profile' },
  ambiguous: {
    en: 'more than one device is attached; choose one with --ecid or use --foreach',
    fr: 'plusieurs appareils sont connectés ; choisissez-en un avec --ecid ou utilisez --foreach',
    de: 'mehrere Geräte sind angeschlossen; wähle eines mit --ecid oder verwende --foreach',
  },
} satisfies Record<string, Localized>;

/** A plain stderr message (no envelope, no code). */
export function plainMessage(id: keyof typeof plain, language: SimLanguage): string {
  return plain[id][language];
}
