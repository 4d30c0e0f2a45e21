/**
 * A message that repeats (the journal retrying every 2 s on a full disk, between other lines) is printed
 * once and then counted, not reprinted: the counts are said when the command ends.
 */
export class RepeatedLines {
  private readonly seen = new Map<string, number>();

  constructor(private readonly print: (line: string) => void) {}

  line(text: string): void {
    const repeats = this.seen.get(text);
    if (repeats !== undefined) {
      this.seen.set(text, repeats + 1);
      return;
    }
    // Bounded: a run prints a handful of distinct notes; past this many, the oldest is forgotten.
    if (this.seen.size >= 500) this.seen.delete(this.seen.keys().next().value as string);
    this.seen.set(text, 0);
    this.print(text);
  }

  /** Says how often each message repeated, if any did. */
  flush(): void {
    for (const [text, repeats] of this.seen) {
      if (repeats === 0) continue;
      const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
      this.print(`enroll-bench: (repeated ${repeats} more time${repeats === 1 ? '' : 's'}: ${short})`);
      this.seen.set(text, 0);
    }
  }
}
