/**
 * The window remembers its size and place: `window-state.json` in the data folder.
 *
 * The file is untrusted like any other: read only up to a few KB, validated, and the rectangle is fitted to
 * the screens there are now (a monitor unplugged since, a smaller display), so the window never opens off
 * screen or larger than the screen. A bad file is ignored and replaced at the next save.
 */
import { closeSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { realClock, type Clock } from '../async/clock';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  readonly bounds: Rect;
  readonly maximized: boolean;
}

export const WINDOW_STATE_FILE = 'window-state.json';
const MAX_BYTES = 4_096;
/** The bench window's own minimum (window.ts). */
export const MIN_SIZE = { width: 800, height: 560 } as const;
/** A window counts as on a screen when at least this much of it (its title bar, say) is visible there. */
const MIN_VISIBLE = { width: 160, height: 48 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const extent = z.number().int().min(1).max(100_000);
const stateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({ x: coordinate, y: coordinate, width: extent, height: extent }).strict(),
  maximized: z.boolean(),
});

export function parseWindowState(text: string): WindowState | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = stateSchema.safeParse(json);
  return parsed.success ? { bounds: parsed.data.bounds, maximized: parsed.data.maximized } : undefined;
}

/** Synchronous: the window is placed before it is first shown. */
export function loadWindowState(dataDir: string): WindowState | undefined {
  let fd: number;
  try {
    fd = openSync(path.join(dataDir, WINDOW_STATE_FILE), 'r');
  } catch {
    return undefined; // first start
  }
  try {
    const buffer = Buffer.alloc(MAX_BYTES + 1);
    const bytesRead = readSync(fd, buffer, 0, buffer.length, 0);
    return bytesRead > MAX_BYTES ? undefined : parseWindowState(buffer.toString('utf8', 0, bytesRead));
  } finally {
    closeSync(fd);
  }
}

/** Synchronous, so it still lands when the window closes because the app quits. Write-then-rename. */
export function saveWindowState(dataDir: string, state: WindowState): void {
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify({ version: 1, ...state })}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The saved rectangle made to fit the screens' work areas (without menu bar and Dock), or undefined when
 * it is not visibly on any of them (then the window opens at its default size, centred).
 */
export function fitToScreens(saved: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: { area: Rect; visible: number } | undefined;
  for (const area of workAreas) {
    const { width, height } = overlap(saved, area);
    if (width < MIN_VISIBLE.width || height < MIN_VISIBLE.height) continue;
    if (!best || width * height > best.visible) best = { area, visible: width * height };
  }
  if (!best) return undefined;
  const { area } = best;
  const width = clamp(saved.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(saved.height, Math.min(MIN_SIZE.height, area.height), area.height);
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/** The window, as far as remembering its place needs it (mac-shell.ts adapts a BrowserWindow). */
export interface PlacedWindow {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  setBounds(bounds: Rect): void;
  maximize(): void;
  onMovedOrResized(listener: () => void): void;
  onClose(listener: () => void): void;
}

export interface RememberOptions {
  readonly dataDir: string;
  /** The work areas of the screens attached now (`screen.getAllDisplays()`). */
  readonly workAreas: () => readonly Rect[];
  readonly timers?: Clock;
  readonly saveDelayMs?: number;
  readonly log?: (message: string, detail?: unknown) => void;
}

/** Puts the window where it was (if that is still on a screen), then saves its place as it moves. */
export function rememberWindowState(window: PlacedWindow, options: RememberOptions): void {
  const { dataDir, timers = realClock, saveDelayMs = 500 } = options;
  const saved = loadWindowState(dataDir);
  const fitted = saved && fitToScreens(saved.bounds, options.workAreas());
  if (fitted) {
    window.setBounds(fitted);
    if (saved.maximized) window.maximize();
  }
  let timer: unknown;
  const save = () => {
    timer = undefined;
    const b = window.getNormalBounds();
    const bounds = {
      x: Math.round(b.x),
      y: Math.round(b.y),
      width: Math.round(b.width),
      height: Math.round(b.height),
    };
    try {
      saveWindowState(dataDir, { bounds, maximized: window.isMaximized() });
    } catch (error) {
      // A read-only or full disk costs only the remembered place.
      options.log?.('The window position could not be saved', error);
    }
  };
  window.onMovedOrResized(() => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(save, saveDelayMs);
  });
  window.onClose(() => {
    if (timer !== undefined) timers.clearTimeout(timer);
    save();
  });
}
