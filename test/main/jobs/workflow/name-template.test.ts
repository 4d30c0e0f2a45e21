import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNameTemplate,
  deviceClassOf,
  expandNameTemplate,
  MAX_DEVICE_NAME,
} from '../../../../main/jobs/workflow/name-template';

describe('checkNameTemplate', () => {
  it('accepts templates that tell devices apart', () => {
    for (const template of ['iPad-{serial}', 'Cart7-{n:2}', '{model} {n}', '{serial}', 'Café ☕ {n:3}']) {
      expect(checkNameTemplate(template)).toBeUndefined();
    }
  });

  it('refuses a template that gives no name or the same name to every device', () => {
    expect(checkNameTemplate('  ')).toMatch(/empty/);
    expect(checkNameTemplate('Cart 7')).toMatch(/same name/);
    expect(checkNameTemplate('{model}')).toMatch(/same name/);
  });

  it('names an unknown or broken field', () => {
    expect(checkNameTemplate('{serial}-{name}')).toBe(
      '{name} is not a name field; use {serial}, {model}, {class} or {n:3}.',
    );
    expect(checkNameTemplate('{n:12}')).toMatch(/^\{n:12\} is not a name field/);
    expect(checkNameTemplate('{serial')).toMatch(/^\{serial is not a name field/);
    expect(checkNameTemplate('x}{n}')).toMatch(/^\} is not a name field/);
  });

  it('refuses a prefix so long that the cap would cut off what differs', () => {
    expect(checkNameTemplate(`${'x'.repeat(60)}-{serial}`)).toMatch(/would come out the same/);
    expect(checkNameTemplate(`${'x'.repeat(50)}-{serial}`)).toBeUndefined();
  });

  it('refuses control characters, a leading dash and an overlong template', () => {
    expect(checkNameTemplate('a\n{n}')).toMatch(/control character/);
    expect(checkNameTemplate('a\u202e{n}')).toMatch(/control character/);
    expect(checkNameTemplate('-{serial}')).toMatch(/must not start with "-"/);
    expect(checkNameTemplate(`{n}${'x'.repeat(200)}`)).toMatch(/longer than 120/);
  });

  it('never accepts a template that can give two devices the same name or an empty one', () => {
    const piece = fc.constantFrom(
      '{serial}',
      '{model}',
      '{n}',
      '{n:3}',
      '-',
      ' ',
      'Cart',
      'x'.repeat(20),
      '{',
      'é',
    );
    const device = fc.record({
      serialNumber: fc.stringMatching(/^[A-Z0-9]{10,12}$/),
      model: fc.constantFrom(
        'iPad (10th generation)',
        'iPhone 15 Pro Max',
        'iPad Pro 12.9-inch (6th generation) Wi-Fi',
      ),
      counter: fc.integer({ min: 1, max: 999 }),
    });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), device, device, (pieces, a, b) => {
        const template = pieces.join('');
        fc.pre(checkNameTemplate(template) === undefined);
        fc.pre(a.serialNumber !== b.serialNumber && a.counter !== b.counter);
        const nameA = expandNameTemplate(template, a);
        expect(nameA).not.toBe('');
        expect(nameA.startsWith('-')).toBe(false);
        expect(nameA).not.toBe(expandNameTemplate(template, b));
      }),
      { numRuns: 500 },
    );
  });
});

describe('expandNameTemplate', () => {
  it('fills the fields, pads the counter and caps the length', () => {
    const fields = { serialNumber: 'F9FXQ0A1HG7Q', model: 'iPad mini', counter: 7 };
    expect(expandNameTemplate('Cart7-{n:3}', fields)).toBe('Cart7-007');
    expect(expandNameTemplate('{model} {serial}', fields)).toBe('iPad mini F9FXQ0A1HG7Q');
    expect(expandNameTemplate(`${'y'.repeat(70)}{n}`, fields)).toHaveLength(MAX_DEVICE_NAME);
  });

  it('drops control characters and never splits an emoji at the cap', () => {
    expect(expandNameTemplate('a\u0007b{n}', { counter: 1 })).toBe('ab1');
    const name = expandNameTemplate(`${'x'.repeat(62)}😀😀{n}`, { counter: 1 });
    expect([...name]).toHaveLength(MAX_DEVICE_NAME);
    expect(name.endsWith('😀')).toBe(true);
  });
});

describe('{class}', () => {
  it('names the device class from its product type or model, and a template may use it', () => {
    expect(deviceClassOf('iPhone14,6')).toBe('iPhone');
    expect(deviceClassOf(undefined, 'iPad (10th generation)')).toBe('iPad');
    expect(deviceClassOf('AppleTV5,3', 'Apple TV')).toBeUndefined();
    expect(checkNameTemplate('{class}-{serial}')).toBeUndefined();
    expect(
      expandNameTemplate('{class}-{serial}', { serialNumber: 'S1', deviceClass: 'iPhone', counter: 1 }),
    ).toBe('iPhone-S1');
  });
});
