import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Room, RoomOptions } from 'livekit-client';
import { sessionContext } from '../../context/session-context.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import { themeStyles } from '../../internal/theme.styles.js';
import type { PartialMessages } from '../../locales/en.js';
import { RoomSession } from '../../session/room-session.js';
import type { RoomStore } from '../../store/room-store.js';
import type { RoomType } from '../../store/selectors.js';
import type { GridLayout } from '../layout-grid/layout-grid.js';
import { RoomAttachment } from './attachment.js';
import { JOIN_KEYS, sessionConfigOf } from './configuration.js';
import {
  hasContent,
  loadOnDemand,
  renderCall,
  renderError,
  renderNotice,
  renderStatus,
  selectView,
} from './room-status.js';
import { styles } from './media-room.styles.js';

/**
 * Joins a LiveKit room and provides its session to every element inside it.
 *
 * Give it a `token-url` (or a `token` and `server-url`): it joins when put on the page and leaves
 * when taken off (not when moved within it). A thin shell over a `RoomSession` (`session`, given
 * to every element inside through context): attributes configure it, elements act through it.
 * Without children it renders the default UI, `<media-call>`, loaded on demand.
 *
 * A failing token URL, a refused token or an unreachable server shows a message (`role="alert"`)
 * with Retry and fires `error` with a stable `code`. A connection lost for `rejoin-after` ms (at
 * once when its node is gone for sure), or a room lost for nobody's decision, is rejoined with a
 * fresh token (maybe another server node); chat messages sent around the loss are not lost.
 *
 * @tag media-room
 * @summary Joins a room from a token URL and provides the room session to its children.
 *
 * @slot - The call UI. Without any, the default UI is rendered: `<media-call>` (`<pre-join>`, then
 *   `<layout-grid>` and `<control-bar>`). Remote audio plays through a `<room-audio>` unless the
 *   slot holds one.
 *
 * @csspart base - The wrapper of everything rendered.
 * @csspart status - The line saying the room is being joined, or rejoined by itself.
 * @csspart banner - The `<connection-banner>` (reconnecting, reconnected, disconnected with Rejoin).
 * @csspart error - The error box (`role="alert"`).
 * @csspart error-message - The localized error message.
 * @csspart error-detail - Technical detail (HTTP status, server message), shown as text.
 * @csspart retry - The Retry button of the error box.
 * @csspart notice - A problem that does not end the call (a denied camera), with a Dismiss button.
 * @csspart notice-message - The localized message of the notice.
 * @csspart restore - The notice's "Turn back on" button, when media could not be published again after a reconnect.
 * @csspart dismiss - The notice's Dismiss button.
 * @csspart call - The default UI, `<media-call>`. Its parts are exported as this element's own:
 *   `pre-join`, `layout`, `control-bar`, `recording`, `hand-raise`, `chat`, `chat-toggle`,
 *   `participants`, `participants-toggle`, `reactions`, `deafen`, `pip`, `captions`,
 *   `captions-toggle`, `transcript`, `transcript-toggle`, `role-notice`, `waiting`, `knocks`,
 *   `encryption`, `encryption-notice`.
 * @csspart announcer - The polite live region saying who joined or left, raised a hand, and when recording started or stopped (visually hidden).
 *
 * @cssproperty --media-room-background - Background of the element.
 * @cssproperty --media-room-gap - Space between the parts of the default UI.
 *
 * @event connected - The room is joined. `ConnectedEvent`.
 * @event reconnecting - The connection dropped and is being recovered: fired as the banner starts saying "Reconnecting…" (livekit-client resuming or reconnecting fully). `ReconnectingEvent`.
 * @event reconnected - The connection is back; only ever after `reconnecting`. `ReconnectedEvent`.
 * @event disconnected - The room was left or lost; `reason` always says why (`reconnect-failed`: livekit-client gave up reconnecting; `unknown-reason`: nothing said). `DisconnectedEvent`.
 * @event participant-joined - A remote participant joined. `ParticipantJoinedEvent`.
 * @event participant-left - A remote participant left. `ParticipantLeftEvent`.
 * @event track-subscribed - A remote track is being received. `TrackSubscribedEvent`.
 * @event track-unsubscribed - A remote track is no longer received. `TrackUnsubscribedEvent`.
 * @event track-muted - A track was muted. `TrackMutedEvent`.
 * @event track-unmuted - A track was unmuted. `TrackUnmutedEvent`.
 * @event active-speakers-changed - Who is speaking changed. `ActiveSpeakersChangedEvent`.
 * @event data-received - A data message arrived. `DataReceivedEvent`.
 * @event recording-status-changed - Recording started or stopped. `RecordingStatusChangedEvent`.
 * @event media-devices-changed - A camera, microphone or speaker came or went. `MediaDevicesChangedEvent`.
 * @event attributes-changed - A participant's attributes changed (local ones too); `changed` has the new values. `AttributesChangedEvent`.
 * @event room-metadata-changed - The room's metadata changed (it may carry the room `type`). `RoomMetadataChangedEvent`.
 * @event reaction - Someone (you too) sent an emoji reaction. `ReactionEvent`.
 * @event connection-quality-changed - A participant's connection quality changed. `ConnectionQualityChangedEvent`.
 * @event error - Joining failed or a device could not be used; `code` says which. Fired on the element only (it does not bubble, like an `<img>`'s `error`). `RoomErrorEvent` (not named after its event: `ErrorEvent` is the DOM's; it extends it).
 */
export class MediaRoom extends LitElement {
  static override styles = [themeStyles, ...styles];

  /** URL that answers `{ token, url }` (or `{ participantToken, serverUrl }`). */
  @property({ attribute: 'token-url' }) tokenUrl = '';

  /** HTTP method for `token-url`: `POST` sends JSON, `GET` sends query parameters. */
  @property({ attribute: 'token-method' }) tokenMethod: 'POST' | 'GET' = 'POST';

  /** Milliseconds to wait for the token endpoint. */
  @property({ attribute: 'token-timeout', type: Number }) tokenTimeout = 10_000;

  /** Room name sent to the token endpoint; a token for another room is refused (`token-wrong-room`). */
  @property({ attribute: 'room' }) roomName = '';

  /** Identity sent to the token endpoint. */
  @property() identity = '';

  /** Display name sent to the token endpoint. */
  @property() name = '';

  /**
   * An access token, used with `server-url` instead of `token-url`. Taken off the element as soon
   * as given (never left in the DOM; the session keeps it privately for rejoining).
   */
  @property()
  get token(): string {
    return '';
  }

  set token(value: string | null) {
    // Removing the attribute below sets the property to null: that is not a new token.
    if (value === null) return;
    this.session.configure({ token: value });
    if (this.hasAttribute('token')) this.removeAttribute('token');
    this.requestUpdate('token', '');
  }

  /** End-to-end encryption: the passphrase the call shares (wins over the token reply's `e2eeKey`), from the next join. A property only, not kept on the element (reads ''). */
  get e2eePassphrase(): string {
    return '';
  }
  set e2eePassphrase(value: string) {
    this.session.configure({ e2eeKey: value ?? '' });
  }

  /** The LiveKit server URL (`wss://…`), used with `token`; also warms the connection early. */
  @property({ attribute: 'server-url' }) serverUrl = '';

  /** Publish the microphone on joining (without the pre-join screen; with it, the user chooses). */
  @property({ type: Boolean }) audio = false;

  /** Publish the camera on joining (without the pre-join screen; with it, the user chooses). */
  @property({ type: Boolean }) video = false;

  /** Colours of this element and all inside: `dark`, `light`, or `auto` (the system's). Reflected. */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'auto' = 'dark';

  /**
   * The default UI's layout: `grid`, `speaker`, `focus`, `stage` or `pip` (see `<layout-grid>`).
   * Unset, the room type's: `grid` for a meeting, `stage` for live and webinar, `pip` for 1to1.
   */
  @property() layout: GridLayout | undefined;

  /** `meeting`, `webinar`, `live` or `1to1`; unset, the room metadata's `type`, else `meeting`. */
  @property() type: RoomType | undefined;

  /** The server helper's moderation endpoint (`…/hand` beside it); unset, beside `token-url`. */
  @property({ attribute: 'moderation-url' }) moderationUrl = '';

  /** Join straight away instead of showing the pre-join screen first (default UI only). */
  @property({ type: Boolean, attribute: 'skip-prejoin' }) skipPrejoin = false;

  /** Options for the livekit-client `Room`, read when the room is first needed. */
  @property({ attribute: false }) roomOptions: Partial<RoomOptions> = {};

  /** ms a lost connection may take to come back before rejoining afresh (default 3000; at once
   * when its node is surely gone: media down, or no answer); 0: never. */
  @property({ attribute: 'rejoin-after', type: Number }) rejoinAfter: number | undefined;

  /** Your own wording for terms (`{ leave: 'Hang up' }`), for every element inside, any language. */
  @property({ attribute: false }) strings: PartialMessages = {};

  /** The session: the Room, its store and every action on the call. Stable for the element's life. */
  readonly session = new RoomSession();

  /** The page composed its own `<room-audio>`; otherwise this element plays remote audio. */
  @state() private hasOwnAudio = false;
  @state() private hasChildren = false;
  /** The last thing said to screen-reader users (the polite live region). */
  @state() private announcement = '';

  readonly #t = new LocalizeController(this, { session: () => this.session });
  readonly #view = new StoreController(this, selectView, {
    session: this.session,
    fallback: selectView(undefined),
  });
  readonly #attachment = new RoomAttachment(this, this.session, this.#t);

  constructor() {
    super();
    new ContextProvider(this, { context: sessionContext, initialValue: this.session });
  }

  /**
   * The livekit-client `Room`, made when first needed; set your own (or a simulated one) while
   * none is connected. A string sets the `room` attribute (frameworks pass `room="x"` this way).
   */
  get room(): Room {
    return this.session.room;
  }

  set room(room: Room | string) {
    if (typeof room === 'string') this.roomName = room;
    else this.session.useRoom(room);
  }

  /** The room store: snapshots of the room and slices of them. */
  get store(): RoomStore {
    return this.session.store;
  }

  /** The room type in effect: the attribute, else the room metadata's, else `meeting`. */
  get roomType(): RoomType {
    return this.type ?? this.#view.value.metaType ?? 'meeting';
  }

  /** Fetch a token if needed and join. Never rejects: failures land in the store and `error`. */
  connect(): Promise<void> {
    this.#configure();
    return this.session.connect();
  }

  /** Set attributes of the local participant (only those given); rejects without the grant. */
  setAttributes(attributes: Record<string, string>): Promise<void> {
    return this.session.setAttributes(attributes);
  }

  /** Delete attributes of the local participant (LiveKit deletes a key set to an empty string). */
  deleteAttributes(...keys: string[]): Promise<void> {
    return this.session.deleteAttributes(...keys);
  }

  /** Leave the room (and stop a join under way). */
  leave(): Promise<void> {
    return this.session.leave();
  }

  override connectedCallback(): void {
    this.#configure(); // first: attaching makes the Room (with roomOptions) and may join
    super.connectedCallback();
    this.#slotted();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.session.setStrings(this.strings);
    this.#configure();
    // Frameworks may set the configuration after putting the element on the page (React does).
    if (JOIN_KEYS.some((key) => changed.has(key))) this.#attachment.joinIfReady();
  }

  override render(): TemplateResult {
    const { connection, error, roomName } = this.#view.value;
    const t = this.#t;
    return html`
      <div
        part="base"
        role="region"
        aria-label=${t.term('roomLabel', roomName)}
        dir=${t.dir}
        lang=${t.lang}
      >
        ${error?.fatal ? renderError(t, error, () => void this.connect()) : nothing}
        ${renderStatus(t, connection.phase, !!error?.fatal, this.session.$rejoinAttempt.get() > 0)}
        <connection-banner part="banner"></connection-banner>
        <div part="announcer" class="visually-hidden" role="status" aria-live="polite">
          ${this.announcement}
        </div>
        ${error && !error.fatal ? renderNotice(t, error, this.session) : nothing}
        <slot @slotchange=${this.#slotted}></slot>
        ${this.hasChildren ? nothing : renderCall(this, this.showsPreJoin())}
        ${this.hasOwnAudio ? nothing : html`<room-audio></room-audio><start-audio></start-audio>`}
      </div>
    `;
  }

  /** What the page put inside decides what is loaded: the default UI, and audio unless its own. */
  #slotted = (): void => {
    this.hasChildren = hasContent(this);
    this.hasOwnAudio = !!this.querySelector('room-audio');
    loadOnDemand(!this.hasChildren);
  };

  /** Say `text` to screen-reader users (the polite live region). @internal */
  announce(text: string): void {
    this.announcement = text;
  }

  /** The default UI starts with the pre-join screen, unless told to skip it. @internal */
  showsPreJoin(): boolean {
    return (
      !this.hasChildren &&
      !this.skipPrejoin &&
      !this.session.joining &&
      this.#view.value.connection.phase === 'idle'
    );
  }

  /** Attributes and properties → the session's configuration (read at the next join). */
  #configure(): void {
    this.session.configure(sessionConfigOf(this));
  }
}

define('media-room', MediaRoom);

declare global {
  interface HTMLElementTagNameMap {
    'media-room': MediaRoom;
  }
}
