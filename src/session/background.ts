import { atom, type ReadableAtom } from 'nanostores';
import type { LocalVideoTrack, Room } from 'livekit-client';
import type { DevicePreferences } from './devices.js';
import type { JoinMedia } from './publish.js';
import type { BackgroundEffects } from './background-effects.js';

/** A background effect for the camera: none, a blur, or one of the images (by `id`). */
export type BackgroundChoice = { type: 'off' } | { type: 'blur' } | { type: 'image'; id: string };

/** An image the background can be replaced with. */
export interface BackgroundImage {
  /** Unique among the images; what a choice names (and what is remembered). */
  id: string;
  /** Its name, shown to the user (the built-in images' are translated). */
  label: string;
  /** The image (same origin, or served with CORS). */
  url: string;
  /** A small version for the picker (default: `url`). */
  thumbnail?: string;
}

/**
 * Where the effect stands: `off`; `loading` (the effect's code and model load, the first time);
 * `on` (the camera is processed, or will be as soon as it starts); `error` (it could not be
 * applied: `error` says why; the camera is not sent unprocessed).
 */
export type BackgroundStatus = 'off' | 'loading' | 'on' | 'error';

/** Why this browser cannot process the camera: no WebGL 2, or no way to process video frames. */
export type BackgroundUnsupported = 'no-webgl' | 'no-video-processing';

export interface BackgroundState {
  choice: BackgroundChoice;
  status: BackgroundStatus;
  /** What went wrong (`error` status): a stable code (`background-failed`) and the browser's words. */
  error?: string;
}

/** The remembered choice's name (beside the devices: `media-room-elements:background`). */
export const BACKGROUND_KEY = 'background';
const OFF: BackgroundChoice = { type: 'off' };

/**
 * The session's background effect (blur or replacement of the camera's background). Small and
 * always there: what does the work (`background-effects.ts`, then `@livekit/track-processors`
 * and MediaPipe with their WebAssembly and model, served from the package's own assets) loads
 * only once an effect is chosen, or a remembered one must be applied.
 */
export class Background {
  readonly #state = atom<BackgroundState>({ choice: OFF, status: 'off' });
  readonly #devices: DevicePreferences;
  readonly #room: () => Room | undefined;
  readonly #images: () => readonly BackgroundImage[] | undefined;
  #effects: Promise<BackgroundEffects> | undefined;
  #read = false;
  /** The camera track shown before joining (the pre-join preview), which a choice applies to. */
  preview: LocalVideoTrack | undefined;

  constructor(
    devices: DevicePreferences,
    room: () => Room | undefined,
    images: () => readonly BackgroundImage[] | undefined,
  ) {
    this.#devices = devices;
    this.#room = room;
    this.#images = images;
  }

  /** The images the page adds to ours (`backgroundImages` of the session's configuration, as given). */
  get pageImages(): readonly BackgroundImage[] | undefined {
    return this.#images();
  }

  /** The choice and its status; the remembered choice until one is made. */
  get $state(): ReadableAtom<BackgroundState> {
    this.#remembered();
    return this.#state;
  }

  /** The room in use (if made), for the effects to reach the camera and its capture defaults. */
  get room(): Room | undefined {
    return this.#room();
  }

  /** Set the state (for the effects). */
  update(state: Partial<BackgroundState>): void {
    this.#state.set({ ...this.#state.get(), ...state });
  }

  /**
   * Choose an effect: remembered with the devices and applied at once, live, to the camera (its
   * publication stays the same) and to the preview; off keeps nothing loaded running.
   */
  async set(choice: BackgroundChoice): Promise<void> {
    this.#read = true;
    this.#devices.rememberChoice(BACKGROUND_KEY, choice);
    this.update({ choice, error: undefined, status: choice.type === 'off' ? 'off' : 'on' });
    await (await this.effects()).apply();
  }

  /**
   * Before the camera goes out (joining) or is shown (the preview): the effect chosen goes on the
   * camera `track` (and on the room's captures), so no unprocessed frame is ever published. A
   * track it could not be applied to is stopped and left out of `media`. Nothing loads when off.
   */
  async beforePublish(media: Pick<JoinMedia, 'tracks' | 'kept'>): Promise<void> {
    if (this.$state.get().choice.type === 'off' && !this.#effects) return;
    const effects = await this.effects();
    for (const held of [media.tracks, media.kept]) {
      if (held?.video && !(await effects.prepare(held.video))) {
        held.video.stop();
        held.video = undefined;
      }
    }
    await effects.prepare();
  }

  /** The camera preview before joining (undefined: none now): it shows the effect chosen. */
  async previewing(track: LocalVideoTrack | undefined): Promise<void> {
    this.preview = track;
    if (track && this.$state.get().choice.type !== 'off') {
      await (await this.effects()).prepare(track);
    }
  }

  /** The effects' code (loaded once). */
  effects(): Promise<BackgroundEffects> {
    return (this.#effects ??= import('./background-effects.js').then(
      (m) => new m.BackgroundEffects(this),
    ));
  }

  #remembered(): void {
    if (this.#read) return;
    this.#read = true;
    const choice = this.#devices.getChoice<BackgroundChoice>(BACKGROUND_KEY);
    if (choice?.type === 'blur' || (choice?.type === 'image' && typeof choice.id === 'string')) {
      this.update({ choice, status: 'on' });
    }
  }
}
