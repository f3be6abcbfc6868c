import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssomStyle } from '../../internal/cssom-style.js';
import type { Participant, Track } from 'livekit-client';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { TrackController } from '../../controllers/track-controller.js';
import { TilePinEvent, type TileSource } from '../../events/tile-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { HAND_ATTRIBUTE } from '../../store/attributes.js';
import { shallowEqual } from '../../store/equality.js';
import { isReaction, type ReactionEmoji } from '../../store/reactions.js';
import { selectRaisedHands, selectReactionsOf } from '../../store/selectors.js';
import { selectHostLayout } from '../../store/host-layout.js';
import { encryptionOf, type ParticipantEncryption } from '../../store/encryption.js';
import { icons } from '../../internal/icons.js';
import type { ParticipantState, Reaction, RoomSnapshot, TrackState } from '../../store/types.js';
import '../connection-quality/connection-quality.js';
import { styles } from './participant-tile.styles.js';
import { initials } from '../../internal/initials.js';
import { NAME_SLOT, withName } from '../../internal/isolate.js';
import { englishE2ee } from '../../locales/en-e2ee.js';

/**
 * One participant's video (or screen share), with their name and state.
 *
 * Bound to a participant in the room store of the enclosing `<media-room>`: by `identity`, or by
 * the `participant` property (a livekit-client `Participant`, whose identity is then used; the
 * store stays the source of state). `source` picks the camera or the screen share. Shows the video
 * while it is published, subscribed and unmuted, and otherwise the participant's initials (camera)
 * or a screen icon (screen share). The video element is detached when the tile leaves the page.
 * Through a reconnect, your own camera keeps showing while it is published again, and a remote
 * participant who vanished without leaving stays, greyed and marked "Reconnecting…", for the
 * store's grace period (`PARTICIPANT_GRACE_MS`).
 *
 * A camera tile shows the participant's reactions (`<reaction-button>`) as emoji floating up
 * from the bottom for about three seconds (with reduced motion: appearing and fading in place),
 * and announces those of remote participants once, politely, to screen readers.
 *
 * The Pin button (in the actions area, shown on hover and focus, always in the tab order) fires
 * `tile-pin`; the tile does not pin itself: its owner (say, `<layout-grid>`) sets `pinned`. It is
 * named after the participant and what it does: "Pin Ada", "Unpin Ada", "Pin Ada's screen".
 *
 * A tile builds only what it shows: the `<video>` once there is video to show (then kept, hidden
 * while there is none), the reactions layer while reactions show, the Pin button's icon once the
 * tile is first hovered or focused (or pinned, or on a device without hover), and the `overlay` and
 * `actions` slots while something is slotted into them. The Pin button itself, named, is always
 * there: in the tab order and to screen readers.
 *
 * @tag participant-tile
 * @summary A participant's video with name, muted marks, connection quality and speaking state.
 *
 * @dependency connection-quality
 *
 * @slot overlay - Content over the video (top corner).
 * @slot actions - Extra buttons next to the Pin button (in the tab order before it).
 *
 * @csspart base - The tile.
 * @csspart video - The `<video>` element (built once there is video to show).
 * @csspart avatar - The initials (camera) or screen icon (screen share) shown without video.
 * @csspart info - The bar with name and marks.
 * @csspart name - The participant's name (or "Ada's screen").
 * @csspart reconnecting - "Reconnecting…" after the name of a participant kept through a grace period.
 * @csspart hand - The raised-hand mark (its label says the place in the queue).
 * @csspart spotlight - "Spotlight" with a star, on the camera tile of the participant a host spotlighted for everyone.
 * @csspart mic-muted - The audio-muted mark: the microphone, or the screen-share audio for a screen share.
 * @csspart connection-quality - The `<connection-quality>` element in the info bar.
 * @csspart actions - The actions area (Pin button and the `actions` slot).
 * @csspart pin-button - The Pin / Unpin button (named "Pin Ada" / "Unpin Ada").
 * @csspart reactions - The layer the reactions float in (camera tiles only, while reactions show).
 * @csspart reaction - One reaction's emoji.
 * @csspart encrypted - The lock in the info bar: the participant's media is end-to-end encrypted.
 * @csspart undecryptable - Shown instead of the video when the participant's media arrives encrypted and cannot be decrypted here (another key, or none): an icon and why.
 *
 * @cssproperty --participant-tile-background - Background behind the video and avatar.
 * @cssproperty --participant-tile-speaking-color - Colour of the speaking ring.
 * @cssproperty --participant-tile-aspect-ratio - Aspect ratio of the tile (default 16 / 9).
 * @cssproperty --participant-tile-reaction-size - Font size of a reaction's emoji (default 2rem).
 * @cssproperty --participant-tile-video-fit - `object-fit` of a camera video (default `cover`; a screen share is always `contain`).
 *
 * @cssstate speaking - The participant is speaking.
 * @cssstate muted - The participant's microphone (for a screen share: its audio) is muted or absent.
 * @cssstate video-off - No video is shown.
 * @cssstate local - The participant is the local one.
 * @cssstate hand-raised - The participant's hand is raised.
 * @cssstate spotlight - A host spotlighted this participant for everyone (camera tile).
 * @cssstate pinned - The tile is pinned (`pinned` is set).
 * @cssstate screen-share - The tile shows a screen share.
 * @cssstate reconnecting - The participant vanished without leaving and is kept for a grace period (greyed, "Reconnecting…").
 * @cssstate encrypted - The participant's media is end-to-end encrypted (and decrypted here).
 * @cssstate undecryptable - The participant's media is end-to-end encrypted and cannot be decrypted here.
 *
 * @event tile-pin - The user pressed Pin or Unpin; `identity`, `source` and the asked-for `pinned`. Cancelable. `TilePinEvent`.
 */
export class ParticipantTile extends LitElement {
  static override styles = styles;

  /** Identity of the participant to show (unless `participant` is set). */
  @property() identity = '';

  /** Which video: `camera` or `screen_share`. */
  @property() source: TileSource = 'camera';

  /**
   * The livekit-client participant to show; when set, its identity is used instead of `identity`.
   * State still comes from the room store.
   */
  @property({ attribute: false }) participant: Participant | undefined;

  /** The tile is pinned (its button then says Unpin). Set by the tile's owner (never by the tile). */
  @property({ type: Boolean, reflect: true }) pinned = false;

  readonly #localize = new LocalizeController(this);
  readonly #participant = new StoreController<ParticipantState | undefined>(this, this.#select(), {
    fallback: undefined,
  });
  /** The place of this participant's raised hand in the queue (1-based), 0 when not raised. */
  readonly #hand = new StoreController<number>(this, this.#selectHand(), { fallback: 0 });
  /** A host spotlighted this participant for everyone (the camera tile shows it). */
  readonly #spotlight = new StoreController<boolean>(this, this.#selectSpotlight(), {
    fallback: false,
  });
  /** How this participant's media stands with end-to-end encryption here. */
  readonly #e2ee = new StoreController<ParticipantEncryption>(this, this.#selectE2ee(), {
    fallback: 'none',
  });
  /** This participant's reactions now showing; compared shallowly, so others' do not re-render. */
  readonly #reactions = new StoreController<readonly Reaction[]>(this, this.#selectReactions(), {
    fallback: NO_REACTIONS,
    equals: shallowEqual,
  });
  readonly #video = createRef<HTMLVideoElement>();
  readonly #videoTrack = new TrackController(this, () => this.#video.value);
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  /** A `<video>` was built (there was video to show once): kept from then on. */
  #videoBuilt = false;
  /** Hovered or focused once: the Pin button's icon is built from then on. */
  #engaged = false;
  /** Which slots have something slotted (light DOM children with `slot="…"`). */
  #slotted = { overlay: false, actions: false };
  #children: MutationObserver | undefined;

  constructor() {
    super();
    this.addEventListener('pointerenter', this.#engage);
    this.addEventListener('focusin', this.#engage);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readSlotted();
    this.#children ??= new MutationObserver(() => this.#readSlotted());
    // Children come and go, or change their `slot` (`subtree` for the latter; only the host's own
    // children are read).
    this.#children.observe(this, { childList: true, subtree: true, attributeFilter: ['slot'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children?.disconnect();
  }

  /** Notes which slots have content; re-renders when that changed. */
  #readSlotted(): void {
    let overlay = false;
    let actions = false;
    for (let c = this.firstElementChild; c; c = c.nextElementSibling) {
      const slot = c.getAttribute('slot');
      if (slot === 'overlay') overlay = true;
      else if (slot === 'actions') actions = true;
    }
    if (overlay === this.#slotted.overlay && actions === this.#slotted.actions) return;
    this.#slotted = { overlay, actions };
    this.requestUpdate();
  }

  readonly #engage = (): void => {
    if (this.#engaged) return;
    this.#engaged = true;
    this.requestUpdate();
  };

  /** The identity the tile shows: the `participant`'s, else `identity`. */
  get #identity(): string {
    return this.participant?.identity ?? this.identity;
  }

  get #isScreen(): boolean {
    return this.source === 'screen_share';
  }

  #select() {
    const identity = this.#identity;
    return (s: RoomSnapshot) => s.participants.get(identity);
  }

  #selectHand() {
    const identity = this.#identity;
    // The queue is sorted only while this participant's hand is up.
    return (s: RoomSnapshot) =>
      s.participants.get(identity)?.attributes[HAND_ATTRIBUTE]
        ? selectRaisedHands(s).indexOf(identity) + 1
        : 0;
  }

  #selectSpotlight() {
    const identity = this.#identity;
    return (s: RoomSnapshot) => selectHostLayout(s).spotlight === identity;
  }

  #selectE2ee() {
    const identity = this.#identity;
    return (s: RoomSnapshot) => encryptionOf(s, identity, s.local?.identity === identity);
  }

  #selectReactions() {
    // A screen share shows none: the camera tile of the same participant does.
    if (this.#isScreen) return () => NO_REACTIONS;
    return selectReactionsOf(this.#identity);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('identity') || changed.has('participant')) {
      this.#participant.select(this.#select());
      this.#hand.select(this.#selectHand());
      this.#spotlight.select(this.#selectSpotlight());
      this.#e2ee.select(this.#selectE2ee());
    }
    if (changed.has('identity') || changed.has('participant') || changed.has('source')) {
      this.#reactions.select(this.#selectReactions());
    }
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const p = this.#participant.value;
    const identity = this.#identity;
    const screen = this.#isScreen;
    const name = p ? p.displayName : identity;
    const video = p?.tracks[screen ? 'screen_share' : 'camera'];
    const e2ee = this.#e2ee.value;
    // Media that cannot be decrypted shows why, not a black box.
    const cannot = e2ee === 'undecryptable' || e2ee === 'no-key';
    const showVideo = !cannot && !!video && video.subscribed && !video.muted && !!mediaOf(video);
    const audio = p?.tracks[screen ? 'screen_share_audio' : 'microphone'];
    const audioOff = !audio || audio.muted;
    let label: string;
    if (screen) label = p?.isLocal ? t.term('tileYourScreen') : t.term('tileScreenLabel', name);
    else label = p?.isLocal ? t.term('you', name) : name;
    // Shown with the name isolated: alone, in a `dir="auto"` span; in a term, in its own <bdi>.
    let shown: TemplateResult | string = label;
    if (screen && !p?.isLocal) shown = withName(t.term('tileScreenLabel', NAME_SLOT), name);
    else if (!screen && p?.isLocal) shown = withName(t.term('you', NAME_SLOT), name);
    const avatar = initials(name, p?.identity ?? identity);
    setState(this.#internals, 'speaking', !!p?.isSpeaking);
    setState(this.#internals, 'muted', audioOff);
    setState(this.#internals, 'video-off', !showVideo);
    setState(this.#internals, 'local', !!p?.isLocal);
    setState(this.#internals, 'pinned', this.pinned);
    setState(this.#internals, 'screen-share', screen);
    setState(this.#internals, 'reconnecting', !!p?.reconnecting);
    // The English words of encryption come with its first use (not with <media-room>).
    if (e2ee !== 'none') englishE2ee();
    setState(this.#internals, 'encrypted', e2ee === 'encrypted');
    setState(this.#internals, 'undecryptable', cannot);
    const hand = screen ? 0 : this.#hand.value;
    setState(this.#internals, 'hand-raised', hand > 0);
    const spotlit = !screen && this.#spotlight.value;
    setState(this.#internals, 'spotlight', spotlit);
    // Named after the participant (every tile has one) and after what it does: "Pin Ada", "Unpin
    // Ada". Its name says the state, so it is a plain button, not a toggle ("Unpin, pressed").
    const pinLabel = screen
      ? t.term(this.pinned ? 'tileUnpinScreen' : 'tilePinScreen', name)
      : t.term(this.pinned ? 'tileUnpin' : 'tilePin', label);
    if (showVideo) this.#videoBuilt = true;
    // The icon shows whenever the actions do: hovered or focused (once), pinned, or no hover.
    const pinIcon = this.#engaged || this.pinned || noHover();
    return html`
      <div
        part="base"
        role="group"
        aria-label=${screen ? label : t.term('tileLabel', label)}
        class=${p?.reconnecting ? 'reconnecting' : p?.isSpeaking ? 'speaking' : ''}
      >
        ${
          this.#videoBuilt
            ? html`<video
                ${ref(this.#video)}
                part="video"
                class=${screen ? 'screen' : p?.isLocal ? 'mirrored' : ''}
                ?hidden=${!showVideo}
                muted
                playsinline
                autoplay
                aria-hidden="true"
              ></video>`
            : nothing
        }
        ${
          cannot
            ? html`<div part="undecryptable">
                <svg viewBox="0 0 24 24" aria-hidden="true">${icons.lock}</svg>
                ${t.term(e2ee === 'no-key' ? 'tileNoKey' : 'tileCantDecrypt')}
              </div>`
            : showVideo
              ? nothing
              : screen
                ? html`<div part="avatar" class="screen" aria-hidden="true">
                    <svg viewBox="0 0 24 24">${icons.screen}</svg>
                  </div>`
                : html`<div part="avatar" aria-hidden="true">${avatar}</div>`
        }
        ${screen ? nothing : this.#renderReactions(name, !!p?.isLocal)}
        ${this.#slotted.overlay ? html`<slot name="overlay"></slot>` : nothing}
        <div part="actions">
          ${this.#slotted.actions ? html`<slot name="actions"></slot>` : nothing}
          <button
            part="pin-button"
            type="button"
            aria-label=${pinLabel}
            title=${pinLabel}
            @click=${this.#onPin}
          >
            ${pinIcon ? html`<svg viewBox="0 0 24 24" aria-hidden="true">${icons.pin}</svg>` : nothing}
          </button>
        </div>
        <div part="info">
          ${
            audioOff
              ? html`<svg
                  part="mic-muted"
                  viewBox="0 0 24 24"
                  role="img"
                  aria-label=${t.term(screen ? 'tileScreenAudioOff' : 'microphoneMuted')}
                >
                  ${icons.micOff}
                </svg>`
              : nothing
          }
          ${
            !screen && !showVideo
              ? html`<svg
                  class="camera-off"
                  viewBox="0 0 24 24"
                  role="img"
                  aria-label=${t.term('cameraOff')}
                >
                  ${icons.camOff}
                </svg>`
              : nothing
          }
          ${
            e2ee === 'encrypted'
              ? html`<svg
                  part="encrypted"
                  viewBox="0 0 24 24"
                  role="img"
                  aria-label=${t.term('tileEncrypted')}
                >
                  ${icons.lock}
                </svg>`
              : nothing
          }
          ${
            hand
              ? html`<svg
                  part="hand"
                  viewBox="0 0 24 24"
                  role="img"
                  aria-label=${t.term('handRaised', hand)}
                >
                  ${icons.hand}
                </svg>`
              : nothing
          }
          ${
            spotlit
              ? html`<span part="spotlight"
                  ><svg viewBox="0 0 24 24" aria-hidden="true">${icons.spotlight}</svg
                  >${t.term('tileSpotlight')}</span
                >`
              : nothing
          }
          <span part="name" dir=${label === name ? 'auto' : nothing} title=${label}>${shown}</span>
          ${
            p?.reconnecting
              ? html`<span part="reconnecting">${t.term('tileReconnecting')}</span>`
              : nothing
          }
          <connection-quality part="connection-quality" identity=${identity}></connection-quality>
          ${p?.isSpeaking ? html`<span class="visually-hidden">${t.term('speaking')}</span>` : nothing}
        </div>
      </div>
    `;
  }

  /**
   * The floating emoji (hidden from assistive technology; their layer only while some show), and,
   * on a remote participant's tile, a polite live region holding one line per reaction now
   * showing: each is added once, so each is announced once. The live region is always there: one
   * inserted with its first line might not be announced.
   */
  #renderReactions(name: string, local: boolean): TemplateResult {
    const reactions = this.#reactions.value;
    return html`
      ${
        reactions.length
          ? html`<div part="reactions" aria-hidden="true">
              ${repeat(
                reactions,
                (r) => r.id,
                (r) =>
                  html`<span part="reaction" style=${cssomStyle({ '--x': `${driftOf(r.id)}%` })}
                    >${r.emoji}</span
                  >`,
              )}
            </div>`
          : nothing
      }
      ${local ? nothing : this.#renderAnnouncements(name)}
    `;
  }

  /** The live region of a remote participant's reactions. */
  #renderAnnouncements(name: string): TemplateResult {
    const t = this.#localize;
    const reactions = this.#reactions.value;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite">
        ${repeat(
          reactions.filter((r) => !r.isLocal && isReaction(r.emoji)),
          (r) => r.id,
          (r) =>
            html`<span
              >${t.term('reactedWith', name, t.term(`reaction:${r.emoji as ReactionEmoji}`))}</span
            >`,
        )}
      </div>
    `;
  }

  protected override updated(): void {
    const p = this.#participant.value;
    const video = p?.tracks[this.#isScreen ? 'screen_share' : 'camera'];
    // Media that cannot be decrypted is let go of (adaptive stream then stops it) until a new key.
    const e2ee = this.#e2ee.value;
    const clear = e2ee === 'none' || e2ee === 'encrypted';
    this.#videoTrack.set(
      video && video.subscribed && !video.muted && clear ? mediaOf(video) : undefined,
    );
  }

  readonly #onPin = (): void => {
    this.dispatchEvent(new TilePinEvent(this.#identity, this.source, !this.pinned));
  };
}

const NO_REACTIONS: readonly Reaction[] = Object.freeze([]);

let hoverless: MediaQueryList | undefined;
/** A device without hover (a touch screen) shows the actions always, icon and all. */
function noHover(): boolean {
  hoverless ??= globalThis.matchMedia?.('(hover: none)');
  return !!hoverless?.matches;
}

/** The media of a track: the one from before while it is being published again, else the live one. */
const mediaOf = (video: TrackState): Track | undefined => video.track ?? video.publication.track;

/** Where across the tile a reaction rises (10–70 % from the start edge), spread by its id. */
function driftOf(id: string): number {
  let hash = 0;
  for (let i = 0; i < id.length; i += 1) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return 10 + (Math.abs(hash) % 61);
}

define('participant-tile', ParticipantTile);

declare global {
  interface HTMLElementTagNameMap {
    'participant-tile': ParticipantTile;
  }
}
