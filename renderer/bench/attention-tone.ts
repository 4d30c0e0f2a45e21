/**
 * The served UI's sound for a notification, when Settings asks for one (`sounds`): a short tone made with
 * WebAudio, so nothing is fetched and nothing ships as an asset. One note for a device that needs you, two
 * rising notes for a finished cart.
 *
 * Browsers start an AudioContext suspended until the page has had a click; the "Notify me" press is that
 * click, so it calls {@link unlockTone} first.
 */
type ToneKind = 'needs-you' | 'cart-finished';

/** The part of `AudioContext` the tone uses (tests pass a double). */
export interface ToneContext {
  readonly currentTime: number;
  readonly destination: AudioNode;
  readonly state: string;
  resume(): Promise<void>;
  createOscillator(): OscillatorNode;
  createGain(): GainNode;
}

const NOTES: Readonly<Record<ToneKind, readonly number[]>> = {
  'needs-you': [880],
  'cart-finished': [660, 990],
};
const NOTE_SECONDS = 0.18;
const VOLUME = 0.15;

let shared: ToneContext | undefined;

function defaultContext(): ToneContext | undefined {
  if (shared) return shared;
  const Ctor = typeof window === 'undefined' ? undefined : window.AudioContext;
  shared = Ctor ? new Ctor() : undefined;
  return shared;
}

/** Creates and resumes the context inside the operator's click, so later tones may play. */
export function unlockTone(context: ToneContext | undefined = defaultContext()): void {
  if (context && context.state === 'suspended') void context.resume().catch(() => {});
}

/** Plays the tone of the kind; silently nothing where the browser has no WebAudio. */
export function playTone(kind: ToneKind, context: ToneContext | undefined = defaultContext()): void {
  if (!context) return;
  const start = context.currentTime;
  NOTES[kind].forEach((frequency, i) => {
    const at = start + i * NOTE_SECONDS;
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    // A quick fade in and out: a square start and stop clicks in the speaker.
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(VOLUME, at + 0.02);
    gain.gain.linearRampToValueAtTime(0, at + NOTE_SECONDS);
    oscillator.connect(gain);
    gain.connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + NOTE_SECONDS);
  });
}
