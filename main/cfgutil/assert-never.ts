/**
 * Compile-time exhaustiveness guard for `switch` statements over closed unions.
 *
 * When a new member is added to a union such as `ErrorCode`, every switch that ends in `assertNever` stops
 * compiling until the new member is handled (../shared/reference/style.md §5.4).
 */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${String(value)}`);
}
