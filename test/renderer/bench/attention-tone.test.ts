import { describe, expect, it, vi } from 'vitest';
import { playTone, unlockTone, type ToneContext } from '../../../renderer/bench/attention-tone';

function fakeContext(state = 'running') {
  const notes: { frequency: number; start: number; stop: number; connectedTo: unknown }[] = [];
  const destination = {} as AudioNode;
  const resume = vi.fn(async () => {});
  const context: ToneContext = {
    currentTime: 10,
    destination,
    state,
    resume,
    createOscillator: () => {
      const note = { frequency: 0, start: 0, stop: 0, connectedTo: undefined as unknown };
      notes.push(note);
      return {
        type: 'sine',
        frequency: {
          set value(v: number) {
            note.frequency = v;
          },
        },
        connect: (gain: { into?: unknown }) => (note.connectedTo = gain),
        start: (at: number) => (note.start = at),
        stop: (at: number) => (note.stop = at),
      } as unknown as OscillatorNode;
    },
    createGain: () =>
      ({
        gain: { setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() },
        connect: vi.fn(),
      }) as unknown as GainNode,
  };
  return { context, notes, resume, destination };
}

describe('playTone', () => {
  it('plays one short note for a device that needs you and two rising notes for a finished cart, fetching nothing', () => {
    const one = fakeContext();
    playTone('needs-you', one.context);
    expect(one.notes.map((n) => n.frequency)).toEqual([880]);
    expect(one.notes[0]?.stop).toBeGreaterThan(one.notes[0]?.start ?? Infinity);
    expect(one.notes[0]!.stop - one.notes[0]!.start).toBeLessThan(0.5);

    const two = fakeContext();
    playTone('cart-finished', two.context);
    const [low, high] = two.notes;
    expect((high?.frequency ?? 0) > (low?.frequency ?? 0)).toBe(true);
    expect(high?.start).toBeGreaterThanOrEqual(low?.stop ?? Infinity);
  });

  it('does nothing where there is no WebAudio', () => {
    expect(() => playTone('needs-you', undefined)).not.toThrow();
  });
});

describe('unlockTone', () => {
  it('resumes a context the browser started suspended, and leaves a running one alone', () => {
    const suspended = fakeContext('suspended');
    unlockTone(suspended.context);
    expect(suspended.resume).toHaveBeenCalledTimes(1);
    const running = fakeContext('running');
    unlockTone(running.context);
    expect(running.resume).not.toHaveBeenCalled();
  });
});
