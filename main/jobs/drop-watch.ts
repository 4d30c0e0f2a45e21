/**
 * Devices that keep dropping off USB mid-step (not during their own reboot) mean the hubs or cables cannot
 * carry the load: after `dropsToLowerCap` drops within `dropWindowMs` the heavy-step cap is halved, with a
 * note for the operator that says why (field notes: underpowered hubs are the usual cause). A lowered cap
 * doubles back, up to the operator's number, once `dropWindowMs` has passed without a drop or a change
 * (issue 21: a cap that only went down stayed at 1 until restart).
 */
import type { Clock } from '../async/clock';
import type { JobTimings } from './job-timings';

export interface LoweredCap {
  readonly limit: number;
  readonly note: string;
}

export interface RaisedCap {
  readonly limit: number;
  /** What the banner says while the cap is still below the setting; undefined once it is back. */
  readonly note?: string;
}

export class DropWatch {
  private drops: number[] = [];
  /** When the watch last lowered or raised the cap, and when the last drop came (clock milliseconds). */
  private changedAt = 0;
  private lastDropAt = 0;

  constructor(
    private readonly timings: Pick<JobTimings, 'dropWindowMs' | 'dropsToLowerCap'>,
    private readonly clock: Pick<Clock, 'now'>,
  ) {}

  /** Notes one drop under the cap `limit`; returns the lowered cap when it should come down, else undefined. */
  noteDrop(limit: number): LoweredCap | undefined {
    const now = this.clock.now();
    this.lastDropAt = now;
    this.drops = [...this.drops.filter((at) => at >= now - this.timings.dropWindowMs), now];
    if (this.drops.length < this.timings.dropsToLowerCap || limit <= 1) return undefined;
    const lowered = Math.max(1, Math.floor(limit / 2));
    const minutes = this.minutes();
    const note = `Lowered to ${heavySteps(lowered)}: ${this.drops.length} devices dropped off USB mid-step within ${minutes} min. Check the hubs' power and the cables. It steps back up after ${minutes} quiet min.`;
    this.changedAt = now;
    // The count starts again after lowering.
    this.drops = [];
    return { limit: lowered, note };
  }

  /** The cap after a quiet window: doubled up to `setting`; undefined while not quiet long enough or not lowered. */
  recover(limit: number, setting: number): RaisedCap | undefined {
    if (limit >= setting) return undefined;
    const now = this.clock.now();
    if (now - Math.max(this.changedAt, this.lastDropAt) < this.timings.dropWindowMs) return undefined;
    const raised = Math.min(setting, limit * 2);
    this.changedAt = now;
    if (raised >= setting) return { limit: raised };
    return {
      limit: raised,
      note: `Stepping back up: ${heavySteps(raised)} after ${this.minutes()} min without drop-offs.`,
    };
  }

  /** The operator set the cap: drop-offs seen so far no longer count. */
  forget(): void {
    this.drops = [];
  }

  private minutes(): number {
    return Math.max(1, Math.round(this.timings.dropWindowMs / 60_000));
  }
}

function heavySteps(n: number): string {
  return `${n} heavy step${n === 1 ? '' : 's'} at once`;
}
