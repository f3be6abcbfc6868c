import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { TrackController } from '../../controllers/track-controller.js';
import { define } from '../../internal/define.js';
import type { ParticipantState, RoomSnapshot } from '../../store/types.js';
import { styles } from './participant-tile.styles.js';

const micOff = svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm7-3a7 7 0 0 1-11.9 5M5 11a7 7 0 0 0 6 6.9V21h2v-3.1M3 3l18 18" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`;
const camOff = svg`<path d="M16 16v1a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2h2m5 0h4a2 2 0 0 1 2 2v3.3l5-3.3v10M1 1l22 22" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/>`;

/**
 * One participant's video (or screen share), with their name and state.
 *
 * Bound by `identity` and `source` to a participant in the room store of the enclosing
 * `<media-room>`. Shows the video while it is published, subscribed and unmuted, and the
 * participant's initials otherwise. The video element is detached when the tile leaves the page.
 *
 * @tag participant-tile
 * @summary A participant's video with name, muted marks and speaking state.
 *
 * @slot overlay - Content over the video (top corner).
 *
 * @csspart base - The tile.
 * @csspart video - The `<video>` element.
 * @csspart avatar - The initials shown without video.
 * @csspart info - The bar with name and marks.
 * @csspart name - The participant's name.
 * @csspart mic-muted - The microphone-muted mark.
 *
 * @cssproperty --participant-tile-background - Background behind the video and avatar.
 * @cssproperty --participant-tile-speaking-color - Colour of the speaking ring.
 * @cssproperty --participant-tile-aspect-ratio - Aspect ratio of the tile (default 16 / 9).
 *
 * @cssstate speaking - The participant is speaking.
 * @cssstate muted - The participant's microphone is muted or absent.
 * @cssstate video-off - No video is shown.
 * @cssstate local - The participant is the local one.
 */
export class ParticipantTile extends LitElement {
  static override styles = styles;

  /** Identity of the participant to show. */
  @property() identity = '';

  /** Which video: `camera` or `screen_share`. */
  @property() source: 'camera' | 'screen_share' = 'camera';

  readonly #localize = new LocalizeController(this);
  readonly #participant = new StoreController<ParticipantState | undefined>(this, this.#select(), {
    fallback: undefined,
  });
  readonly #video = createRef<HTMLVideoElement>();
  readonly #videoTrack = new TrackController(this, () => this.#video.value);
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  #select() {
    return (s: RoomSnapshot) => s.participants.get(this.identity);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('identity')) this.#participant.select(this.#select());
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const p = this.#participant.value;
    const name = p?.name || p?.identity || this.identity;
    const video = p?.tracks[this.source];
    const showVideo = !!video && video.subscribed && !video.muted && !!video.publication.track;
    const mic = p?.tracks.microphone;
    const micMuted = !mic || mic.muted;
    const label = p?.isLocal ? t.term('you', name) : name;
    this.#setState('speaking', !!p?.isSpeaking);
    this.#setState('muted', micMuted);
    this.#setState('video-off', !showVideo);
    this.#setState('local', !!p?.isLocal);
    return html`
      <div
        part="base"
        role="group"
        aria-label=${t.term('tileLabel', label)}
        class=${p?.isSpeaking ? 'speaking' : ''}
      >
        <video
          ${ref(this.#video)}
          part="video"
          class=${p?.isLocal && this.source === 'camera' ? 'mirrored' : ''}
          ?hidden=${!showVideo}
          muted
          playsinline
          autoplay
          aria-hidden="true"
        ></video>
        ${showVideo ? nothing : html`<div part="avatar" aria-hidden="true">${initials(name)}</div>`}
        <slot name="overlay"></slot>
        <div part="info">
          ${
            micMuted
              ? html`<svg
                  part="mic-muted"
                  viewBox="0 0 24 24"
                  role="img"
                  aria-label=${t.term('microphoneMuted')}
                >
                  ${micOff}
                </svg>`
              : nothing
          }
          ${
            this.source === 'camera' && !showVideo
              ? html`<svg viewBox="0 0 24 24" role="img" aria-label=${t.term('cameraOff')}>
                  ${camOff}
                </svg>`
              : nothing
          }
          <span part="name">${label}</span>
          ${p?.isSpeaking ? html`<span class="visually-hidden">${t.term('speaking')}</span>` : nothing}
        </div>
      </div>
    `;
  }

  protected override updated(): void {
    const p = this.#participant.value;
    const video = p?.tracks[this.source];
    const track = video && video.subscribed && !video.muted ? video.publication.track : undefined;
    this.#videoTrack.set(track);
  }

  #setState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    if (on) states.add(name);
    else states.delete(name);
  }
}

/** Up to two initials of a display name, for the avatar. */
function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s._@-]+/u)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return (
    letters
      .map((w) => Array.from(w ?? '')[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

define('participant-tile', ParticipantTile);

declare global {
  interface HTMLElementTagNameMap {
    'participant-tile': ParticipantTile;
  }
}
