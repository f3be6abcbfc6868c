import { atom, type ReadableAtom } from 'nanostores';
import type { Room } from 'livekit-client';
import type { DevicePreferences } from './devices.js';
import type { VoiceEngine } from './voice-engine.js';

/**
 * How the microphone is processed before others hear it. The first three are the browser's own
 * processing (track constraints, applied live); the others a Web Audio step on the published
 * track, loaded when first needed.
 */
export interface VoiceSettings {
  /** The browser's noise suppression. */
  noiseSuppression: boolean;
  /** The browser's echo cancellation. */
  echoCancellation: boolean;
  /** The browser's automatic gain control. */
  autoGainControl: boolean;
  /** Input volume: a gain from 0 (silent) to 2 (twice as loud); 1 leaves it as captured. */
  inputVolume: number;
  /**
   * Input sensitivity: a noise gate letting through only what is louder than this, in dB from
   * -100 (off: everything passes) to 0.
   */
  inputSensitivity: number;
  /** The stronger noise suppressor: RNNoise, in WebAssembly, served from the package. */
  suppressor: boolean;
}

export const VOICE_DEFAULTS: Readonly<VoiceSettings> = Object.freeze({
  noiseSuppression: true,
  echoCancellation: true,
  autoGainControl: true,
  inputVolume: 1,
  inputSensitivity: -100,
  suppressor: false,
});

export /**
 * Voice processing of one session's microphone: the settings (`$settings`, remembered with the
 * devices as `media-room-elements:voice`), applied to the microphone published now, to every
 * later capture (`audioCaptureDefaults`), after a device switch (livekit-client restarts the
 * processor on the new track) and after a rejoin (the processor is set again on the track
 * published again). What applies them (session/voice-engine.ts) loads only once settings are
 * remembered or first changed: untouched, the microphone is captured as livekit-client does by
 * default (the browser's processing on).
 */
class VoiceProcessing {
  readonly #devices: DevicePreferences;
  readonly #settings = atom<VoiceSettings>(VOICE_DEFAULTS);
  readonly #failed = atom(false);
  #room: Room | undefined;
  #engine: Promise<VoiceEngine> | undefined;
  #live: VoiceEngine | undefined;

  constructor(devices: DevicePreferences) {
    this.#devices = devices;
  }

  /** The settings in effect (the remembered ones once a Room is followed). */
  readonly $settings: ReadableAtom<VoiceSettings> = this.#settings;
  /** Whether the last change could not be applied (the processor failed to load or run). */
  readonly $failed: ReadableAtom<boolean> = this.#failed;

  /** The level the microphone sends now (0–1 RMS), while the Web Audio step runs; else undefined. */
  level(): number | undefined {
    return this.#live?.level();
  }

  /** Apply the settings to `room`'s microphone from now on (its captures and publications). */
  follow(room: Room): void {
    this.#room = room;
    if (this.#live) this.#live.follow(room);
    else if (this.#engine || this.#devices.getChoice('voice') !== undefined) {
      this.#load().catch(() => this.#failed.set(true));
    }
  }

  /** Stop following the Room (the processor goes with its track). */
  dispose(): void {
    this.#room = undefined;
    this.#live?.dispose();
  }

  /**
   * Change the settings (only the keys given), remember them, and apply them live. Resolves once
   * applied; rejects (and `$failed` is true) when the Web Audio step could not be set up.
   */
  set(change: Partial<VoiceSettings>): Promise<void> {
    // Shown at once; made whole and in range as the engine applies them.
    this.#settings.set({ ...this.#settings.get(), ...change });
    return this.#load().then(
      (engine) => engine.set(change, this.#room),
      (error: unknown) => {
        this.#failed.set(true);
        throw error;
      },
    );
  }

  /** The engine, made once; it follows the Room followed when it arrives. */
  #load(): Promise<VoiceEngine> {
    return (this.#engine ??= import('./voice-engine.js').then(
      ({ VoiceEngine }) => {
        const engine = (this.#live = new VoiceEngine(this.#settings, this.#failed, this.#devices));
        if (this.#room) engine.follow(this.#room);
        return engine;
      },
      (error: unknown) => {
        this.#engine = undefined; // tried again at the next change
        throw error;
      },
    ));
  }
}
