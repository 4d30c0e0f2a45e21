/**
 * The scenarios that ship with the simulator (issue 8, item 12), used by tests and the demo.
 *
 * `clean-cart`: the hands-free case a real Mac must still confirm (AGREED-SIM 2): iPads fresh from the box and
 * MDM enrollment profiles that install silently on a device we supervise. `messy-cart`: twelve devices, one of
 * each trouble a bench meets, and a few faults on top.
 */
import type { SimScenario } from './scenario-schema';

export const CLEAN_CART_SIZE = 30;

/** The clean cart with `count` iPads (`run --simulate --cart N`). */
export function cleanCartScenario(count = CLEAN_CART_SIZE): SimScenario {
  return {
    name: 'clean-cart',
    description: `${count} iPads fresh from the box; MDM enrollment installs silently on devices we supervise.`,
    seed: 30,
    switches: { mdmInstallsSilently: true },
    devices: [{ count, class: 'iPad', state: 'fresh', batteryPercent: 80 }],
  };
}

export const messyCartScenario: SimScenario = {
  name: 'messy-cart',
  description: 'Twelve devices, one of each trouble: every operator prompt and fault the bench must explain.',
  seed: 12,
  devices: [
    /* 0 */ { class: 'iPad', state: 'fresh' },
    /* 1 */ { class: 'iPad', state: 'in-use', name: 'Room 12 iPad' },
    /* 2 */ { class: 'iPad', state: 'in-use', paired: true, passcodeLocked: true },
    /* 3 */ { class: 'iPhone', state: 'in-use', paired: true, findMy: true, name: 'Logan’s iPhone' },
    /* 4 */ { class: 'iPad', state: 'in-use', supervisedBy: 'Fabrikam Schools', pairingProhibited: true },
    /* 5 */ { class: 'iPad', state: 'fresh', dfu: true },
    /* 6 */ { class: 'iPad', state: 'fresh', batteryPercent: 4 },
    /* 7 */ { class: 'iPad', state: 'fresh', flappingPort: 3 },
    /* 8 */ { class: 'iPad', state: 'fresh', dep: 'transient' },
    /* 9 */ { class: 'iPad', state: 'in-use', paired: true },
    /* 10 */ { class: 'iPad', state: 'fresh' },
    /* 11 */ { class: 'iPad', state: 'fresh' },
  ],
  faults: [
    { kind: 'disconnect', device: 9, command: 'erase', reattachAfterSeconds: 20 },
    { kind: 'bare-error', device: 10, command: 'prepare', error: 'deviceStateUnknown', happened: true },
    { kind: 'hang', device: 11, command: 'install-profile' },
  ],
};

/**
 * A mixed cart for `ade-reenroll` (issue 26), on a bench whose organization is Contoso Schools: last year's ADE
 * iPad, one set up before it was assigned (no ADE configuration), another organization's, one whose assignment
 * is a few minutes old (33001 twice first), and one Apple Business Manager assigns to another organization.
 */
export const adeCartScenario: SimScenario = {
  name: 'ade-cart',
  description:
    'Five iPads for ade-reenroll: assigned, unassigned, another organization’s, transient 33001, assigned elsewhere.',
  seed: 26,
  // As the clean cart: an MDM profile installs silently on a device we supervise (for Switch to direct).
  switches: { mdmInstallsSilently: true },
  devices: [
    /* 0 */ {
      class: 'iPad',
      state: 'in-use',
      paired: true,
      supervisedBy: 'Contoso Schools',
      dep: 'available',
    },
    /* 1 */ { class: 'iPad', state: 'in-use', paired: true, dep: 'none', name: 'Set up before assignment' },
    /* 2 */ {
      class: 'iPad',
      state: 'in-use',
      paired: true,
      supervisedBy: 'Fabrikam Schools',
      dep: 'available',
    },
    /* 3 */ {
      class: 'iPad',
      state: 'in-use',
      paired: true,
      supervisedBy: 'Contoso Schools',
      dep: 'transient',
      depFailures: 2,
    },
    /* 4 */ { class: 'iPad', state: 'fresh', dep: 'available', depOrganization: 'Fabrikam Schools' },
  ],
};

export const SHIPPED_SCENARIOS: Readonly<Record<string, () => SimScenario>> = {
  'clean-cart': () => cleanCartScenario(),
  'messy-cart': () => messyCartScenario,
  'ade-cart': () => adeCartScenario,
};
