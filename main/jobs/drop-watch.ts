/**
 * Devices that keep dropping off USB mid-step (not during their own reboot) mean the hubs or cables cannot
 * carry the load: after `dropsToLowerCap` drops within `dropWindowMs` the heavy-step cap is halved, with a
 * note for the operator that says why (field notes: underpowered hubs are the usual cause).
 */
import type { JobClock } from './job-board-types';
import type { JobTimings } from './job-timings';

export interface LoweredCap {
  readonly limit: number;
  readonly note: string;
}

export class DropWatch {
  private readonly drops: number[] = [];

  constructor(
    private readonly timings: Pick<JobTimings, 'dropWindowMs' | 'dropsToLowerCap'>,
    private readonly clock: Pick<JobClock, 'now'>,
  ) {}

  /** Notes one drop under the cap `limit`; returns the lowered cap when it should come down, else undefined. */
  noteDrop(limit: number): LoweredCap | undefined {
    const now = this.clock.now();
    this.drops.push(now);
    while (this.drops.length > 0 && (this.drops[0] ?? now) < now - this.timings.dropWindowMs)
      this.drops.shift();
    if (this.drops.length < this.timings.dropsToLowerCap || limit <= 1) return undefined;
    const lowered = Math.max(1, Math.floor(limit / 2));
    const minutes = Math.max(1, Math.round(this.timings.dropWindowMs / 60_000));
    const note = `Lowered to ${lowered} heavy step${lowered === 1 ? '' : 's'} at once: ${this.drops.length} devices dropped off USB mid-step within ${minutes} min. Check the hubs' power and the cables.`;
    this.drops.length = 0;
    return { limit: lowered, note };
  }
}
