import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Room, RoomOptions } from 'livekit-client';
import { sessionContext } from '../../context/session-context.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { toDomEvent } from '../../events/room-events.js';
import { define } from '../../internal/define.js';
import { themeStyles } from '../../internal/theme.styles.js';
import type { PartialMessages } from '../../locales/en.js';
import { RoomSession } from '../../session/room-session.js';
import type { RoomStore } from '../../store/room-store.js';
import { roomTypeFromMetadata, type RoomType } from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import type { GridLayout } from '../layout-grid/layout-grid.js';
import { announcementOf } from './announce.js';
import { styles } from './media-room.styles.js';

/**
 * Joins a LiveKit room and provides its session to every element inside it.
 *
 * Give it a `token-url` (or a `token` and `server-url`) and it joins when it is put on the page and
 * leaves when it is taken off (a move within the page does not leave). It is a thin shell over a
 * `RoomSession` (`session`): attributes configure it, and it is provided through `@lit/context` to
 * every element inside, which reads the room from `session.store` and acts through the session.
 * Without children it renders the default call UI, `<media-call>` (loaded on demand, so a page
 * that composes its own layout never downloads it); with children it renders only them.
 *
 * A failing token URL, an invalid or expired token or an unreachable server shows a readable
 * message (`role="alert"`) with a Retry button, and fires `error` with a stable `code`. When the
 * room is lost for no one's decision (the media server restarted), it says why and rejoins by
 * itself with a fresh token, retrying with a bounded backoff (about 75 s in all).
 *
 * The room's `type` (the attribute, else `{"type": …}` in the room's metadata, else `meeting`)
 * picks the default UI's layout and controls (see `<media-call>`).
 *
 * Moderators (tokens from the server helper with `moderate:participants`) get mute, remove,
 * bring-onto-stage and lower-hand actions in the participant list. They are carried out by the
 * server helper's `POST …/moderate` endpoint with the participant's own token as a Bearer token:
 * `moderation-url`, or beside the token URL (`…/join` → `…/moderate`, `/api/token` →
 * `/api/rooms/<room>/moderate`).
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
 * @csspart dismiss - The notice's Dismiss button.
 * @csspart call - The default UI, `<media-call>`; its parts below are exported through it.
 * @csspart pre-join - The default UI's `<pre-join>`.
 * @csspart layout - The default UI's `<layout-grid>`.
 * @csspart control-bar - The default UI's `<control-bar>`.
 * @csspart recording - The default UI's `<recording-indicator>` (in the control bar).
 * @csspart hand-raise - The default UI's `<hand-raise-button>` (in the control bar).
 * @csspart chat - The default UI's `<chat-panel>` (beside the tiles while open).
 * @csspart chat-toggle - The default UI's `<chat-toggle>` (in the control bar), with the unread count.
 * @csspart participants - The default UI's `<participant-list>` (beside the tiles while open).
 * @csspart participants-toggle - The default UI's `<participants-toggle>` (in the control bar).
 * @csspart reactions - The default UI's `<reaction-button>` (in the control bar).
 * @csspart deafen - The default UI's `<deafen-button>` (in the control bar).
 * @csspart announcer - The polite live region saying who joined or left, raised a hand, and when recording started or stopped (visually hidden).
 * @csspart role-notice - Tells a viewer they are in the audience, and a promoted viewer that they are on the stage (`role="status"`).
 *
 * @cssproperty --media-room-background - Background of the element.
 * @cssproperty --media-room-gap - Space between the parts of the default UI.
 *
 * @event connected - The room is joined. `ConnectedEvent`.
 * @event reconnecting - The connection dropped; livekit-client is reconnecting. `ReconnectingEvent`.
 * @event reconnected - The connection is back. `ReconnectedEvent`.
 * @event disconnected - The room was left; `reason` says why. `DisconnectedEvent`.
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

  /**
   * Room name sent to the token endpoint. When set, a token for another room is refused
   * (`token-wrong-room`).
   */
  @property({ attribute: 'room' }) roomName = '';

  /** Identity sent to the token endpoint. */
  @property() identity = '';

  /** Display name sent to the token endpoint. */
  @property() name = '';

  /**
   * An access token, used with `server-url` instead of `token-url`. It is taken off the element
   * as soon as it is given: the attribute is removed and the property reads back empty, so the
   * token never stays in the DOM (the element keeps it privately for rejoining).
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

  /** The LiveKit server URL (`wss://…`), used with `token`; also warms the connection early. */
  @property({ attribute: 'server-url' }) serverUrl = '';

  /** Publish the microphone on joining (without the pre-join screen; with it, the user chooses). */
  @property({ type: Boolean }) audio = false;

  /** Publish the camera on joining (without the pre-join screen; with it, the user chooses). */
  @property({ type: Boolean }) video = false;

  /**
   * Colours of this element and everything inside it: `dark`, `light`, or `auto` (the user's
   * system setting). Reflected, for styling.
   */
  @property({ reflect: true }) theme: 'dark' | 'light' | 'auto' = 'dark';

  /**
   * The default UI's layout: `grid`, `speaker`, `focus`, `stage` or `pip` (see `<layout-grid>`).
   * Unset, the room type's: `grid` for a meeting, `stage` for live and webinar, `pip` for 1to1.
   */
  @property() layout: GridLayout | undefined;

  /**
   * The kind of room: `meeting`, `webinar`, `live` or `1to1`. Unset, the `type` in the room's
   * metadata (JSON), else `meeting`. It picks the default UI's layout and controls.
   */
  @property() type: RoomType | undefined;

  /**
   * The server helper's moderation endpoint. Unset, it is worked out from `token-url`
   * (`…/join` → `…/moderate`; `/api/token` → `/api/rooms/<room>/moderate`).
   */
  @property({ attribute: 'moderation-url' }) moderationUrl = '';

  /** Join straight away instead of showing the pre-join screen first (default UI only). */
  @property({ type: Boolean, attribute: 'skip-prejoin' }) skipPrejoin = false;

  /** Options for the livekit-client `Room`, read when the room is first needed. */
  @property({ attribute: false }) roomOptions: Partial<RoomOptions> = {};

  /**
   * Your own wording for any term of the locales (`{ leave: 'Hang up' }`), used by this element
   * and every element inside it whatever the language. Assign a new object to change it.
   */
  @property({ attribute: false }) strings: PartialMessages = {};

  /** The session: the Room, its store and every action on the call. Stable for the element's life. */
  readonly session = new RoomSession();

  /** The page composed its own `<room-audio>`; otherwise this element plays remote audio. */
  @state() private hasOwnAudio = false;
  @state() private hasChildren = false;
  /** The last thing said to screen-reader users (the polite live region). */
  @state() private announcement = '';

  readonly #t = new LocalizeController(this, { session: () => this.session });
  readonly #provider = new ContextProvider(this, { context: sessionContext });
  readonly #view = new StoreController(this, selectView, {
    consume: false,
    fallback: selectView(undefined),
  });
  #offEvents: (() => void) | undefined;
  #offRejoin: (() => void) | undefined;
  #leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Left because it was taken off the page: put back, it joins again. */
  #leftOnDetach = false;

  constructor() {
    super();
    this.#provider.setValue(this.session);
    this.#view.setSession(this.session);
  }

  /**
   * The livekit-client `Room`, made when first needed. You may set your own instead (one you
   * connect yourself, or a simulated one) while none is connected; the store follows it.
   * Setting a string is the same as setting the `room` attribute (the room name), because
   * frameworks that set properties (Svelte, React) pass `room="standup"` this way.
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

  /**
   * Set attributes of the local participant: only the keys given change, the others stay.
   * Rejects when not connected or when the grant does not allow it (`canUpdateOwnMetadata`).
   */
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
    super.connectedCallback();
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    this.#configure();
    this.#offEvents ??= this.session.onEvent((event) => {
      const text = announcementOf(event, this.#t);
      if (text) this.announcement = text;
      this.dispatchEvent(toDomEvent(event));
    });
    this.#offRejoin ??= this.session.$rejoinAttempt.listen(() => this.requestUpdate());
    this.session.resume();
    this.#slotted();
    this.session.prepare();
    const phase = this.store.get().connection.phase;
    if (this.session.canJoin && !this.#showsPreJoin() && (phase === 'idle' || this.#leftOnDetach)) {
      void this.session.connect();
    }
    this.#leftOnDetach = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move within the page disconnects and reconnects in one task: only leave if still detached.
    this.#leaveTimer = setTimeout(() => {
      if (this.isConnected) return;
      this.#leftOnDetach = true;
      void this.session.leave().then(async () => {
        await this.session.store.settled();
        if (this.isConnected) return;
        // Let go of the Room (see `RoomSession.release`) once the `disconnected` event is out.
        this.#offEvents?.();
        this.#offRejoin?.();
        this.#offEvents = this.#offRejoin = undefined;
        this.session.release();
      });
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.session.setStrings(this.strings);
    const config = ['tokenUrl', 'token', 'serverUrl', 'roomName', 'identity', 'name'] as const;
    this.#configure();
    // Frameworks may set the configuration after putting the element on the page (React does):
    // join once it is complete, unless a join is already under way or done.
    if (
      this.isConnected &&
      !this.session.joining &&
      config.some((key) => changed.has(key)) &&
      this.session.canJoin &&
      !this.#showsPreJoin() &&
      this.store.get().connection.phase === 'idle'
    ) {
      void this.session.connect();
    }
  }

  override render(): TemplateResult {
    const { connection, error, roomName } = this.#view.value;
    const t = this.#t;
    const ui = !this.hasChildren;
    return html`
      <div
        part="base"
        role="region"
        aria-label=${t.term('roomLabel', roomName)}
        dir=${t.dir}
        lang=${t.lang}
      >
        ${error?.fatal ? this.#renderError(error.code, error.detail) : nothing}
        ${
          connection.phase === 'connecting' && !error?.fatal
            ? html`<p part="status" role="status">${t.term('connecting')}</p>`
            : this.session.$rejoinAttempt.get() > 0
              ? html`<p part="status" role="status">${t.term('rejoining')}</p>`
              : nothing
        }
        <connection-banner part="banner"></connection-banner>
        <div part="announcer" class="visually-hidden" role="status" aria-live="polite">
          ${this.announcement}
        </div>
        ${error && !error.fatal ? this.#renderNotice(error.code, error.detail) : nothing}
        <slot @slotchange=${this.#slotted}></slot>
        ${
          ui
            ? html`<media-call
                part="call"
                exportparts=${CALL_PARTS}
                .layout=${this.layout}
                .type=${this.type}
                .name=${this.name}
                ?prejoin=${this.#showsPreJoin()}
              ></media-call>`
            : nothing
        }
        ${this.hasOwnAudio ? nothing : html`<room-audio></room-audio><start-audio></start-audio>`}
      </div>
    `;
  }

  #renderError(code: string, detail: string | undefined): TemplateResult {
    const t = this.#t;
    const message =
      code === 'not-configured'
        ? t.term('notConfigured')
        : t.termFor(`error:${code}`, 'error:unknown');
    return html`<div part="error" role="alert">
      <p part="error-message">${message}</p>
      ${detail ? html`<p part="error-detail">${detail}</p>` : nothing}
      <button part="retry" @click=${() => this.connect()}>${t.term('retry')}</button>
    </div>`;
  }

  /** A problem that does not stop the call (a denied camera): said, and dismissable. */
  #renderNotice(code: string, detail: string | undefined): TemplateResult {
    const t = this.#t;
    return html`<div part="notice" role="alert">
      <span part="notice-message">${t.termFor(`error:${code}`, 'error:unknown')}</span>
      ${detail ? html`<span part="error-detail">${detail}</span>` : nothing}
      <button part="dismiss" @click=${() => this.session.clearError()}>${t.term('dismiss')}</button>
    </div>`;
  }

  /** What the page put inside decides what is loaded: the default UI, and audio unless its own. */
  #slotted = (): void => {
    this.hasChildren = hasContent(this);
    this.hasOwnAudio = !!this.querySelector('room-audio');
    // Around any UI: the connection banner, remote audio and the Start audio prompt.
    void import('../connection-banner/connection-banner.js');
    void import('../room-audio/room-audio.js');
    void import('../start-audio/start-audio.js');
    if (!this.hasChildren) void import('../media-call/media-call.js');
  };

  /** The default UI starts with the pre-join screen, unless told to skip it. */
  #showsPreJoin(): boolean {
    return (
      !this.hasChildren &&
      !this.skipPrejoin &&
      !this.session.joining &&
      this.#view.value.connection.phase === 'idle'
    );
  }

  #configure(): void {
    this.session.configure({
      tokenUrl: this.tokenUrl,
      tokenMethod: this.tokenMethod,
      tokenTimeout: this.tokenTimeout,
      roomName: this.roomName,
      identity: this.identity,
      name: this.name,
      serverUrl: this.serverUrl,
      audio: this.audio,
      video: this.video,
      moderationUrl: this.moderationUrl,
      roomOptions: this.roomOptions,
    });
  }
}

/** The default UI's parts, exported so `media-room::part(layout)` and the rest keep working. */
const CALL_PARTS = [
  'pre-join',
  'layout',
  'control-bar',
  'recording',
  'hand-raise',
  'chat',
  'chat-toggle',
  'participants',
  'participants-toggle',
  'reactions',
  'deafen',
  'role-notice',
].join(', ');

/** What `<media-room>` itself renders: a speaker change or a mute does not re-render it. */
interface View {
  connection: RoomSnapshot['connection'];
  error: RoomSnapshot['error'];
  roomName: string;
  metaType: RoomType | undefined;
}

const selectView = (s: RoomSnapshot | undefined): View => ({
  connection: s?.connection ?? { phase: 'idle' },
  error: s?.error,
  roomName: s?.room.name ?? '',
  metaType: roomTypeFromMetadata(s?.room.metadata ?? ''),
});

function hasContent(el: HTMLElement): boolean {
  for (const node of el.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE) return true;
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
  }
  return false;
}

define('media-room', MediaRoom);

declare global {
  interface HTMLElementTagNameMap {
    'media-room': MediaRoom;
  }
}
