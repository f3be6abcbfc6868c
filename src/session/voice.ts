import { atom, type ReadableAtom } from 'nanostores';
import {
  RoomEvent,
  Track,
  type LocalAudioTrack,
  type LocalTrackPublication,
  type Room,
} from 'livekit-client';
import type { DevicePreferences } from './devices.js';
import type { VoiceProcessor } from './voice-processor.js';

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

const BROWSER = ['noiseSuppression', 'echoCancellation', 'autoGainControl'] as const;

const clamp = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : fallback;

/** Settings read from anywhere (storage, a page) made whole and in range. */
export function voiceSettings(input: Partial<VoiceSettings> | undefined): VoiceSettings {
  const s = input && typeof input === 'object' ? input : {};
  const flag = (key: keyof VoiceSettings) =>
    typeof s[key] === 'boolean' ? (s[key] as boolean) : (VOICE_DEFAULTS[key] as boolean);
  return {
    noiseSuppression: flag('noiseSuppression'),
    echoCancellation: flag('echoCancellation'),
    autoGainControl: flag('autoGainControl'),
    inputVolume: clamp(s.inputVolume, 0, 2, 1),
    inputSensitivity: clamp(s.inputSensitivity, -100, 0, -100),
    suppressor: flag('suppressor'),
  };
}

/** Whether the settings need the Web Audio step (else the microphone is published as captured). */
export const needsProcessor = (s: VoiceSettings): boolean =>
  s.suppressor || s.inputVolume !== 1 || s.inputSensitivity > -100;

const load = () => import('./voice-processor.js');

/**
 * Stop our processor (`fn`) keeping the microphone's own constraints (on `source`, the track it
 * processed) as they are. livekit-client re-applies them to the source on stopping a processor,
 * before it puts the source back on the sender; Firefox refuses any constraints, even none, on a
 * track the page made itself (Web Audio, a canvas) with an OverconstrainedError, and the stop
 * would end there, leaving the processed track, already stopped, on the sender: the others would
 * hear silence. Our processor never changes the source's constraints, so a refusal to re-apply
 * them changes nothing.
 */
async function keepingConstraints<T>(
  source: MediaStreamTrack | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!source) return fn();
  const own = Object.getOwnPropertyDescriptor(source, 'applyConstraints');
  const apply = source.applyConstraints.bind(source);
  source.applyConstraints = (constraints) =>
    apply(constraints).catch((error: unknown) => {
      if ((error as Error | undefined)?.name !== 'OverconstrainedError') throw error;
    });
  try {
    return await fn();
  } finally {
    if (own) Object.defineProperty(source, 'applyConstraints', own);
    else Reflect.deleteProperty(source, 'applyConstraints');
  }
}

/**
 * Voice processing of one session's microphone: the settings (`$settings`, remembered with the
 * devices as `media-room-elements:voice`), applied to the microphone published now, to every
 * later capture (`audioCaptureDefaults`), after a device switch (livekit-client restarts the
 * processor on the new track) and after a rejoin (the processor is set again on the track
 * published again).
 */
export class VoiceProcessing {
  readonly #devices: DevicePreferences;
  readonly #settings = atom<VoiceSettings>({ ...VOICE_DEFAULTS });
  readonly #failed = atom(false);
  #loaded = false;
  #room: Room | undefined;
  #off: (() => void) | undefined;
  #processor: VoiceProcessor | undefined;
  /** Changes applied one after another. */
  #chain: Promise<unknown> = Promise.resolve();

  constructor(devices: DevicePreferences) {
    this.#devices = devices;
  }

  /** The settings in effect (the remembered ones once a Room is followed). */
  get $settings(): ReadableAtom<VoiceSettings> {
    return this.#settings;
  }

  /** Whether the last change could not be applied (the processor failed to load or run). */
  get $failed(): ReadableAtom<boolean> {
    return this.#failed;
  }

  /** The level the microphone sends now (0–1 RMS), while the Web Audio step runs; else undefined. */
  level(): number | undefined {
    return this.#processor?.level();
  }

  /** Apply the settings to `room`'s microphone from now on (its captures and publications). */
  follow(room: Room): void {
    this.#off?.();
    this.#room = room;
    if (!this.#loaded) {
      this.#loaded = true;
      this.#settings.set(voiceSettings(this.#devices.getChoice<VoiceSettings>('voice')));
    }
    this.#setDefaults(room);
    const onPublished = (pub: LocalTrackPublication) => {
      // A failure shows as `$failed`; the microphone is published as it is.
      if (pub.source === Track.Source.Microphone) {
        this.#queue(() => this.#applyTo(room)).catch(() => undefined);
      }
    };
    room.on(RoomEvent.LocalTrackPublished, onPublished);
    this.#off = () => room.off(RoomEvent.LocalTrackPublished, onPublished);
    // Ready before publishing: the processor module is loaded while joining.
    if (needsProcessor(this.#settings.get())) void load().catch(() => undefined);
  }

  /** Stop following the Room (the processor goes with its track). */
  dispose(): void {
    this.#off?.();
    this.#off = undefined;
  }

  /**
   * Change the settings (only the keys given), remember them, and apply them live. Resolves once
   * applied; rejects (and `$failed` is true) when the Web Audio step could not be set up.
   */
  set(change: Partial<VoiceSettings>): Promise<void> {
    const next = voiceSettings({ ...this.#settings.get(), ...change });
    this.#settings.set(next);
    this.#devices.rememberChoice('voice', next);
    const room = this.#room;
    if (room) this.#setDefaults(room);
    return this.#queue(() => (room ? this.#applyTo(room) : Promise.resolve()));
  }

  #queue(fn: () => Promise<void>): Promise<void> {
    const run = this.#chain.then(fn).then(
      () => this.#failed.set(false),
      (error: unknown) => {
        this.#failed.set(true);
        throw error;
      },
    );
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Every later capture uses the browser's processing as set. */
  #setDefaults(room: Room): void {
    const s = this.#settings.get();
    const defaults = { ...room.options.audioCaptureDefaults };
    for (const key of BROWSER) defaults[key] = s[key];
    room.options.audioCaptureDefaults = defaults;
  }

  /** The settings on the microphone published now, if any. */
  async #applyTo(room: Room): Promise<void> {
    const track = room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track as
      LocalAudioTrack | undefined;
    if (!track || track.mediaStreamTrack?.readyState === 'ended') return;
    const s = this.#settings.get();
    const wanted = Object.fromEntries(BROWSER.map((key) => [key, s[key]]));
    const differs = () => {
      const now = track.getSourceTrackSettings() as Record<string, unknown>;
      return BROWSER.some((key) => key in now && now[key] !== s[key]);
    };
    if (differs()) {
      await track.applyConstraints(wanted).catch(() => undefined);
      // Chromium keeps its audio processing as captured: the microphone is captured again with
      // it (livekit-client puts the processor on the new capture). A muted one is left as is.
      // A track the page made itself (not a capture) is left as it is.
      if (differs() && !track.isMuted && !track.isUserProvided) {
        const deviceId = track.getSourceTrackSettings().deviceId;
        await track.restartTrack({ ...wanted, ...(deviceId ? { deviceId } : {}) }).catch(() => {
          /* The device refuses them: the one in use goes on as it was. */
        });
      }
    }
    const current = track.getProcessor();
    if (!needsProcessor(s)) {
      if (current && current === this.#processor) {
        await keepingConstraints(this.#processor.source, () => track.stopProcessor());
      }
      this.#processor = undefined;
      return;
    }
    if (current && current === this.#processor) return this.#processor.update(s);
    const { VoiceProcessor } = await load();
    const processor = new VoiceProcessor(s);
    await track.setProcessor(processor);
    this.#processor = processor;
  }
}
