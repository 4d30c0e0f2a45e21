import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fitToScreens,
  loadWindowState,
  parseWindowState,
  rememberWindowState,
  WINDOW_STATE_FILE,
  type PlacedWindow,
  type Rect,
} from '../../../main/electron/window-state';
import { ManualTimers } from '../../fakes/manual-timers';

const laptop: Rect = { x: 0, y: 25, width: 1512, height: 920 };
const external: Rect = { x: 1512, y: -200, width: 2560, height: 1415 };

describe('fitToScreens', () => {
  it('keeps a rectangle that fits where it is', () => {
    const saved = { x: 100, y: 80, width: 1280, height: 800 };
    expect(fitToScreens(saved, [laptop])).toEqual(saved);
  });

  it('brings back a window whose monitor is gone, or that is barely visible', () => {
    expect(fitToScreens({ x: 2000, y: 100, width: 1280, height: 800 }, [laptop])).toBeUndefined();
    expect(fitToScreens({ x: 1400, y: 100, width: 1280, height: 800 }, [laptop])).toBeUndefined();
  });

  it('shrinks a window larger than its screen and pulls it fully inside', () => {
    expect(fitToScreens({ x: 900, y: 10, width: 2400, height: 1400 }, [laptop])).toEqual(laptop);
    expect(fitToScreens({ x: 700, y: 300, width: 1280, height: 800 }, [laptop])).toEqual({
      x: 232,
      y: 145,
      width: 1280,
      height: 800,
    });
  });

  it('picks the screen that shows most of the window', () => {
    const fitted = fitToScreens({ x: 1300, y: 100, width: 1280, height: 800 }, [laptop, external]);
    expect(fitted).toEqual({ x: 1512, y: 100, width: 1280, height: 800 });
  });
});

describe('parseWindowState', () => {
  const good = { version: 1, bounds: { x: 1, y: 2, width: 900, height: 600 }, maximized: false };

  it('accepts what it saves', () => {
    expect(parseWindowState(JSON.stringify(good))).toEqual({ bounds: good.bounds, maximized: false });
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ ...good, version: 2 })],
    ['a fractional size', JSON.stringify({ ...good, bounds: { ...good.bounds, width: 900.5 } })],
    ['a negative size', JSON.stringify({ ...good, bounds: { ...good.bounds, height: -5 } })],
    ['an absurd place', JSON.stringify({ ...good, bounds: { ...good.bounds, x: 1e12 } })],
    ['a string for a number', JSON.stringify({ ...good, bounds: { ...good.bounds, y: '2' } })],
    ['extra keys in bounds', JSON.stringify({ ...good, bounds: { ...good.bounds, z: 1 } })],
  ])('refuses %s', (_name, text) => {
    expect(parseWindowState(text)).toBeUndefined();
  });

  it('ignores a file over 4 KB without parsing it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'window-state-'));
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify(good) + ' '.repeat(5_000));
    expect(loadWindowState(dir)).toBeUndefined();
    writeFileSync(path.join(dir, WINDOW_STATE_FILE), JSON.stringify(good));
    expect(loadWindowState(dir)).toEqual({ bounds: good.bounds, maximized: false });
  });
});

function fakeWindow(bounds: Rect, maximized = false) {
  const listeners: { moved: (() => void)[]; close: (() => void)[] } = { moved: [], close: [] };
  const window = {
    bounds,
    maximized,
    getNormalBounds: () => window.bounds,
    isMaximized: () => window.maximized,
    setBounds: (b: Rect) => (window.bounds = b),
    maximize: () => (window.maximized = true),
    onMovedOrResized: (l: () => void) => listeners.moved.push(l),
    onClose: (l: () => void) => listeners.close.push(l),
    move(b: Rect) {
      window.bounds = b;
      for (const l of listeners.moved) l();
    },
    close: () => listeners.close.forEach((l) => l()),
  };
  return window satisfies PlacedWindow;
}

describe('rememberWindowState', () => {
  it('saves the place after moves settle and on close, and puts the next window there', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'window-state-'));
    const timers = new ManualTimers();
    const first = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    rememberWindowState(first, { dataDir, workAreas: () => [laptop], timers });
    expect(first.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 800 }); // nothing saved yet
    first.move({ x: 50, y: 60, width: 1000, height: 700 });
    expect(existsSync(path.join(dataDir, WINDOW_STATE_FILE))).toBe(false);
    await timers.advance(500);
    expect(JSON.parse(readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({
      bounds: { x: 50, y: 60, width: 1000, height: 700 },
    });
    first.move({ x: 70.4, y: 80, width: 1100, height: 720 });
    first.maximized = true;
    first.close();

    const second = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    rememberWindowState(second, { dataDir, workAreas: () => [laptop], timers });
    expect(second.bounds).toEqual({ x: 70, y: 80, width: 1100, height: 720 });
    expect(second.maximized).toBe(true);
  });

  it('leaves the default place when the saved one is off every screen', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'window-state-'));
    const saved = { version: 1, bounds: { x: 3000, y: 0, width: 1000, height: 700 }, maximized: true };
    writeFileSync(path.join(dataDir, WINDOW_STATE_FILE), JSON.stringify(saved));
    const window = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    rememberWindowState(window, { dataDir, workAreas: () => [laptop] });
    expect(window.bounds).toEqual({ x: 0, y: 0, width: 1280, height: 800 });
    expect(window.maximized).toBe(false);
  });

  it('a data folder it cannot write costs only the remembered place', () => {
    const logged: string[] = [];
    const window = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    rememberWindowState(window, {
      dataDir: '/nonexistent/enroll-bench',
      workAreas: () => [laptop],
      log: (message) => logged.push(message),
    });
    expect(() => window.close()).not.toThrow();
    expect(logged).toEqual(['The window position could not be saved']);
  });
});
