import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a fake cfgutil under test/fixtures/cfgutil/bin. */
export function fakeCfgutil(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/cfgutil/bin/${name}`, import.meta.url));
}

/** Absolute path of a fixture file under test/fixtures/cfgutil. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/cfgutil/${name}`, import.meta.url));
}

export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}

/** True when signalling the pid fails with ESRCH: the process no longer exists at all. */
export function signalFails(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * True when the process is gone or is a zombie. A killed grandchild is re-parented to PID 1, and in some
 * containers PID 1 never reaps it; a zombie runs no code, so it is not an orphan still at work.
 */
export function isGoneOrZombie(pid: number): boolean {
  if (signalFails(pid)) return true;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Resolves with the first stdout line matching `pattern`, seen through an `onStdoutLine` callback. */
export function lineWaiter(pattern: RegExp): {
  onLine: (line: string) => void;
  match: Promise<RegExpExecArray>;
} {
  let resolve: (match: RegExpExecArray) => void = () => undefined;
  const match = new Promise<RegExpExecArray>((r) => {
    resolve = r;
  });
  return {
    onLine: (line) => {
      const found = pattern.exec(line);
      if (found) resolve(found);
    },
    match,
  };
}
