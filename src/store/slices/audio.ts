import { shallowEqual } from '../equality.js';
import type { Slice, SliceHost } from '../slice.js';
import type { LocalAudioState, RoomSnapshot } from '../types.js';

const DEFAULT_AUDIO: LocalAudioState = Object.freeze({
  deafened: false,
  volumes: Object.freeze({}),
});

/** How incoming audio plays here: deafened or not, and a volume per participant. Local only. */
export class AudioSlice implements Slice<'audio'> {
  readonly keys: readonly 'audio'[] = ['audio'];
  readonly initial: Pick<RoomSnapshot, 'audio'> = Object.freeze({ audio: DEFAULT_AUDIO });

  readonly #host: SliceHost;
  #audio: LocalAudioState = DEFAULT_AUDIO;

  constructor(host: SliceHost) {
    this.#host = host;
  }

  setDeafened(deafened: boolean): void {
    if (deafened === this.#audio.deafened) return;
    this.#audio = Object.freeze({ ...this.#audio, deafened });
    this.#host.invalidate(this);
  }

  /** 0 to 1, clamped; anything not a number plays at 1 (and 1 is not listed). */
  setVolume(identity: string, volume: number): void {
    const v = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
    const volumes: Record<string, number> = { ...this.#audio.volumes };
    if (v === 1) delete volumes[identity];
    else volumes[identity] = v;
    if (shallowEqual(volumes, this.#audio.volumes)) return;
    this.#audio = Object.freeze({ ...this.#audio, volumes: Object.freeze(volumes) });
    this.#host.invalidate(this);
  }

  build(): Pick<RoomSnapshot, 'audio'> {
    return { audio: this.#audio };
  }
}
