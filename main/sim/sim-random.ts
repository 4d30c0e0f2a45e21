/**
 * A small seeded random source for the simulated world.
 *
 * Tests and demos must see the same cart of devices for the same seed (main/cfgutil/README.md §11),
 * so nothing in the world may call `Math.random`.
 */
export class SimRandom {
  private state: number;

  constructor(seed: number) {
    // Any finite seed works; 0 would stall the generator, so it is nudged.
    this.state = Math.trunc(seed) >>> 0 || 0x9e3779b9;
  }

  /** Next float in [0, 1), a mulberry32-style step. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly [T, ...T[]]): T {
    return items[this.int(0, items.length - 1)] ?? items[0];
  }

  /** `count` characters drawn from `alphabet`. */
  chars(alphabet: string, count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += alphabet[this.int(0, alphabet.length - 1)] ?? alphabet[0];
    return out;
  }

  /** A bigint with exactly `bits` random bits below the top set bit. */
  bigint(bits: number): bigint {
    let value = 1n;
    for (let i = 0; i < bits; i++) value = (value << 1n) | (this.next() < 0.5 ? 1n : 0n);
    return value;
  }
}
