/**
 * Apple USB identifiers, and what a product ID says about the device's mode.
 *
 * Ranges from usbmuxd and libirecovery (./README.md D1). A product ID never tells an
 * iPhone from an iPad: that comes from cfgutil's `deviceType`.
 */
import type { DeviceMode } from '../../preload/domain';

export const APPLE_VENDOR_ID = 0x05ac;

export type UsbClassification = DeviceMode | 'ignore';

export function classifyUsbDevice(vendorId: number, productId: number): UsbClassification {
  if (vendorId !== APPLE_VENDOR_ID) return 'ignore';
  if (productId >= 0x1290 && productId <= 0x12af) return 'normal';
  if (productId >= 0x1280 && productId <= 0x1283) return 'recovery';
  if (productId === 0x1227) return 'dfu';
  if (productId === 0x1222 || productId === 0xf014) return 'other';
  // Keyboards, hubs, Mac internals and everything else Apple makes.
  return 'ignore';
}
