/**
 * Compile-time exhaustiveness guard for `switch` statements over closed unions.
 *
 * When a new member is added to a union such as `ErrorCode`, every switch that ends in `assertNever` stops
 * compiling until the new member is handled.
 */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${String(value)}`);
}
