import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RemoteAudioTrack } from 'livekit-client';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import { selectLocalAudio } from '../../store/selectors.js';
import type { LocalAudioState, RoomSnapshot, TrackSourceName } from '../../store/types.js';
import { styles } from './room-audio.styles.js';

/** One remote audio track to play. */
export interface RemoteAudioEntry {
  readonly sid: string;
  readonly identity: string;
  readonly source: TrackSourceName;
  readonly track: RemoteAudioTrack;
}

const AUDIO_SOURCES: readonly TrackSourceName[] = ['microphone', 'screen_share_audio'];

/**
 * The subscribed remote audio tracks (microphones and screen-share audio), in join order. Speaker
 * changes, mutes of video and name changes give an equal list, so they do not re-render.
 */
export const selectRemoteAudio = (s: RoomSnapshot): readonly RemoteAudioEntry[] => {
  const entries: RemoteAudioEntry[] = [];
  for (const p of s.remotes) {
    for (const source of AUDIO_SOURCES) {
      const t = p.tracks[source];
      const track = t?.subscribed ? t.publication.track : undefined;
      if (t && track) {
        entries.push({
          sid: t.sid,
          identity: p.identity,
          source,
          track: track as RemoteAudioTrack,
        });
      }
    }
  }
  return entries;
};

/** Two lists of entries are equal when they name the same tracks of the same people in order. */
export function audioEntriesEqual(
  a: readonly RemoteAudioEntry[],
  b: readonly RemoteAudioEntry[],
): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every(
    (e, i) => e.sid === b[i]!.sid && e.track === b[i]!.track && e.identity === b[i]!.identity,
  );
}

/**
 * Plays the remote participants' audio: one `<audio>` element per subscribed remote microphone
 * and screen-share audio track, in its shadow root, attached with the track's `attach()` and
 * detached when the track is unsubscribed or unpublished, when the room disconnects and when the
 * element leaves the page (no element keeps a stream).
 *
 * It shows nothing. Put one inside a `<media-room>` that renders its own UI (the default UI
 * of `<media-room>` is expected to include one). It re-renders only when the list of subscribed
 * audio tracks changes, not when someone starts or stops speaking.
 *
 * Deafen and per-participant volume come from two places, multiplied: the room store
 * (`session.setDeafened()`, `session.setVolume()`, used by `<deafen-button>` and `<participant-list>`)
 * and this element's own `muted` and `volumes`.
 *
 * If the browser blocks autoplay, livekit-client reports it and `<start-audio>` offers a button.
 *
 * @tag room-audio
 * @summary Plays every remote participant's audio; deafen locally, set per-participant volume.
 */
export class RoomAudio extends LitElement {
  static override styles = styles;

  /** Deafen locally: every remote track plays at volume 0 (the subscription stays). */
  @property({ type: Boolean }) muted = false;

  /**
   * Volume per participant identity, from 0 to 1 (values outside are clamped); 1 for anyone not
   * listed. Applied with `RemoteAudioTrack.setVolume`, so it holds for every element the track is
   * attached to and for a room that mixes audio with Web Audio. Assign a new object to change it
   * (a change inside the same object is not seen).
   */
  @property({ attribute: false }) volumes: Readonly<Record<string, number>> = {};

  readonly #audio = new StoreController(this, selectRemoteAudio, {
    fallback: [],
    equals: audioEntriesEqual,
  });
  /** Deafen and per-participant volumes set through the store (by any element of the room). */
  readonly #local = new StoreController(this, selectLocalAudio, {
    fallback: { deafened: false, volumes: {} },
  });
  #lastLocal: LocalAudioState | undefined;
  /** What is attached where, by track sid. */
  readonly #attached = new Map<string, { track: RemoteAudioTrack; element: HTMLAudioElement }>();

  /** The tracks being played (a copy). */
  get tracks(): RemoteAudioTrack[] {
    return [...this.#attached.values()].map((a) => a.track);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back on the page: attach again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const sid of [...this.#attached.keys()]) this.#detach(sid);
  }

  override render(): TemplateResult {
    return html`${repeat(
      this.#audio.value,
      (e) => e.sid,
      (e) => html`<audio data-sid=${e.sid} data-identity=${e.identity} autoplay></audio>`,
    )}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const entries = this.#audio.value;
    const keep = new Set(entries.map((e) => e.sid));
    for (const sid of [...this.#attached.keys()]) if (!keep.has(sid)) this.#detach(sid);

    const local = this.#local.value;
    const volumesChanged =
      changed.has('volumes') || changed.has('muted') || local !== this.#lastLocal;
    this.#lastLocal = local;
    for (const entry of entries) {
      const element = this.renderRoot.querySelector<HTMLAudioElement>(
        `audio[data-sid="${CSS.escape(entry.sid)}"]`,
      );
      if (!element) continue;
      const current = this.#attached.get(entry.sid);
      const fresh = current?.track !== entry.track || current.element !== element;
      if (fresh) {
        if (current) this.#detach(entry.sid);
        entry.track.attach(element);
        this.#attached.set(entry.sid, { track: entry.track, element });
      }
      if (fresh || volumesChanged) entry.track.setVolume(this.#volumeOf(entry.identity));
    }
  }

  /** This element's volume for the participant times the store's; 0 when either deafens. */
  #volumeOf(identity: string): number {
    const local = this.#local.value;
    if (this.muted || local.deafened) return 0;
    return clampVolume(this.volumes[identity]) * clampVolume(local.volumes[identity]);
  }

  #detach(sid: string): void {
    const a = this.#attached.get(sid);
    if (!a) return;
    a.track.detach(a.element);
    this.#attached.delete(sid);
  }
}

function clampVolume(v: number | undefined): number {
  if (typeof v !== 'number' || Number.isNaN(v)) return 1;
  return Math.min(1, Math.max(0, v));
}

define('room-audio', RoomAudio);

declare global {
  interface HTMLElementTagNameMap {
    'room-audio': RoomAudio;
  }
}
