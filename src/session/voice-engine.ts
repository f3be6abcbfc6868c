import type { WritableAtom } from 'nanostores';
import {
  RoomEvent,
  Track,
  type LocalAudioTrack,
  type LocalTrackPublication,
  type Room,
} from 'livekit-client';
import type { DevicePreferences } from './devices.js';
import type { VoiceSettings } from './voice.js';
import { BROWSER, captureDefaults, voiceSettings } from './voice-values.js';
import type { VoiceProcessor } from './voice-processor.js';

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
 * What applies a session's voice settings (session/voice.ts, which loads this when settings are
 * remembered or first changed) to a Room's microphone: the browser's processing through track
 * constraints, the Web Audio step as livekit-client's audio processor.
 */
export class VoiceEngine {
  readonly #settings: WritableAtom<VoiceSettings>;
  readonly #failed: WritableAtom<boolean>;
  readonly #devices: DevicePreferences;
  #off: (() => void) | undefined;
  #processor: VoiceProcessor | undefined;
  /** Changes applied one after another. */
  #chain: Promise<unknown> = Promise.resolve();

  /** Takes the session's settings (the remembered ones from now on) and failure flag. */
  constructor(
    settings: WritableAtom<VoiceSettings>,
    failed: WritableAtom<boolean>,
    devices: DevicePreferences,
  ) {
    this.#settings = settings;
    this.#failed = failed;
    this.#devices = devices;
    settings.set(voiceSettings(devices.getChoice<VoiceSettings>('voice') ?? settings.get()));
  }

  /** Change the settings (only the keys given), remember them, and apply them to `room`. */
  set(change: Partial<VoiceSettings>, room: Room | undefined): Promise<void> {
    const next = voiceSettings({ ...this.#settings.get(), ...change });
    this.#settings.set(next);
    this.#devices.rememberChoice('voice', next);
    return this.apply(room);
  }

  /** The level the microphone sends now (0–1 RMS), while the Web Audio step runs; else undefined. */
  level(): number | undefined {
    return this.#processor?.level();
  }

  /** Apply the settings to `room`'s microphone, published now (if any) and later. */
  follow(room: Room): void {
    this.#off?.();
    const onPublished = (pub: LocalTrackPublication) => {
      // A failure shows as `$failed`; the microphone is published as it is.
      if (pub.source === Track.Source.Microphone) this.apply(room).catch(() => undefined);
    };
    room.on(RoomEvent.LocalTrackPublished, onPublished);
    this.#off = () => room.off(RoomEvent.LocalTrackPublished, onPublished);
    // Ready before publishing: the processor module is loaded while joining.
    if (needsProcessor(this.#settings.get())) void load().catch(() => undefined);
    this.apply(room).catch(() => undefined);
  }

  /** Stop following the Room (the processor goes with its track). */
  dispose(): void {
    this.#off?.();
    this.#off = undefined;
  }

  /** The settings (as they are now) on `room`: its later captures and its microphone now. */
  apply(room: Room | undefined): Promise<void> {
    if (room) captureDefaults(room, this.#settings.get());
    const run = this.#chain
      .then(() => room && this.#applyTo(room))
      .then(
        () => this.#failed.set(false),
        (error: unknown) => {
          this.#failed.set(true);
          throw error;
        },
      );
    this.#chain = run.catch(() => undefined);
    return run;
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
      if (current && current === this.#processor)
        await keepingConstraints(this.#processor.source, () => track.stopProcessor());
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
