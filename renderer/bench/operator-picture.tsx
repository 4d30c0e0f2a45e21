/**
 * A picture of what to do on the device, one per {@link OperatorReason}: a phone outline with the screen
 * the operator will see and the thing to tap drawn thick. Inline SVG (the CSP allows no images from
 * elsewhere); the words come from the job's instruction, so the picture is decorative for screen readers.
 */
import type { ReactNode } from 'react';
import type { OperatorReason } from '../../preload/jobs-domain';

function Screen({ children }: { readonly children: ReactNode }) {
  return (
    <>
      <rect className="op-phone" x="14" y="4" width="52" height="92" rx="8" />
      <line className="op-thin" x1="34" y1="10" x2="46" y2="10" />
      {children}
    </>
  );
}

function Label({ x, y, children, size = 7 }: { x: number; y: number; children: string; size?: number }) {
  return (
    <text x={x} y={y} fontSize={size} textAnchor="middle" className="op-text">
      {children}
    </text>
  );
}

const scenes: Readonly<Record<OperatorReason, ReactNode>> = {
  'tap-trust': (
    <Screen>
      <rect className="op-thin" x="19" y="30" width="42" height="36" rx="4" />
      <Label x={40} y={41}>
        Trust This
      </Label>
      <Label x={40} y={49}>
        Computer?
      </Label>
      <rect className="op-tap" x="21" y="54" width="18" height="9" rx="2" />
      <Label x={30} y={61} size={6}>
        Trust
      </Label>
      <Label x={51} y={61} size={5}>
        Don&apos;t
      </Label>
    </Screen>
  ),
  'approve-profile': (
    <Screen>
      <circle className="op-thin" cx="40" cy="26" r="7" />
      <circle className="op-thin" cx="40" cy="26" r="2.5" />
      <Label x={40} y={44} size={6}>
        Settings ▸ General
      </Label>
      <rect className="op-tap" x="19" y="50" width="42" height="11" rx="2" />
      <Label x={40} y={57.5} size={5}>
        VPN &amp; Device Mgmt
      </Label>
      <Label x={40} y={74} size={6}>
        Install
      </Label>
    </Screen>
  ),
  'unlock-device': (
    <Screen>
      <rect className="op-tap" x="30" y="34" width="20" height="17" rx="3" />
      <path className="op-thin" d="M34 34v-5a6 6 0 0 1 12 0v5" />
      <Label x={40} y={66}>
        Enter passcode
      </Label>
      <Label x={40} y={80} size={10}>
        • • • • • •
      </Label>
    </Screen>
  ),
  'activation-lock': (
    <Screen>
      <circle className="op-thin" cx="40" cy="32" r="10" />
      <circle className="op-thin" cx="40" cy="32" r="4" />
      <Label x={40} y={54} size={6}>
        Find My
      </Label>
      <rect className="op-tap" x="29" y="60" width="22" height="11" rx="5.5" />
      <circle className="op-knob" cx="35" cy="65.5" r="4" />
      <Label x={40} y={82} size={6}>
        Turn it off
      </Label>
    </Screen>
  ),
  'finish-setup-assistant': (
    <Screen>
      <Label x={40} y={40} size={11}>
        Hello
      </Label>
      <rect className="op-tap" x="21" y="62" width="38" height="11" rx="5" />
      <Label x={40} y={69.5} size={6}>
        Continue ›
      </Label>
    </Screen>
  ),
  'reconnect-device': (
    <>
      <rect className="op-phone" x="14" y="4" width="52" height="70" rx="8" />
      <rect className="op-tap" x="34" y="80" width="12" height="9" rx="2" />
      <path className="op-thin" d="M40 89v8M40 74v4" />
      <Label x={40} y={42} size={7}>
        Plug in again
      </Label>
    </>
  ),
  'mac-offline': (
    <>
      <path className="op-thin" d="M12 40a40 40 0 0 1 56 0M22 52a26 26 0 0 1 36 0M32 64a12 12 0 0 1 16 0" />
      <circle className="op-knob" cx="40" cy="74" r="3" />
      <path className="op-tap" d="M16 88L64 24" />
    </>
  ),
  'confirm-rerun': (
    <>
      <path className="op-tap" d="M62 50a22 22 0 1 1-7-16" />
      <path className="op-thin" d="M56 22v13h-13" />
    </>
  ),
  'in-use': (
    <>
      <rect className="op-phone" x="22" y="6" width="36" height="68" rx="7" />
      <Label x={40} y={42} size={7}>
        Erase?
      </Label>
    </>
  ),
  'cannot-tell': (
    <>
      <rect className="op-phone" x="22" y="6" width="36" height="68" rx="7" />
      <Label x={40} y={46} size={20}>
        ?
      </Label>
    </>
  ),
};

export function OperatorPicture({ reason }: { readonly reason: OperatorReason }) {
  return (
    <svg
      className="operator-picture"
      viewBox="0 0 80 100"
      aria-hidden="true"
      focusable="false"
      data-reason={reason}
    >
      {scenes[reason]}
    </svg>
  );
}
