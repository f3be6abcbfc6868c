import { ContextProvider } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ConnectionState,
  Room,
  type LocalAudioTrack,
  type LocalVideoTrack,
  type RoomOptions,
} from 'livekit-client';
import { roomContext } from '../../context/room-context.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import {
  ActiveSpeakersChangedEvent,
  AttributesChangedEvent,
  ConnectionQualityChangedEvent,
  DataReceivedEvent,
  MediaDevicesChangedEvent,
  ParticipantJoinedEvent,
  ParticipantLeftEvent,
  ReactionEvent,
  RecordingStatusChangedEvent,
  RoomMetadataChangedEvent,
  RoomConnectedEvent,
  RoomDisconnectedEvent,
  RoomErrorEvent,
  RoomReconnectedEvent,
  RoomReconnectingEvent,
  TrackEvent,
} from '../../events/room-events.js';
import { define } from '../../internal/define.js';
import { themeStyles } from '../../internal/theme.styles.js';
import { pauseIfUnseen } from '../../internal/unseen-video.js';
import { HAND_ATTRIBUTE } from '../../store/attributes.js';
import { RoomStore, type RoomStoreEvent } from '../../store/room-store.js';
import {
  canPublishSource,
  isViewer,
  roomTypeFromMetadata,
  type RoomType,
} from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import type { PartialMessages } from '../../locales/en.js';
import type { PreJoinEvent } from '../../events/pre-join-events.js';
import type { ChatToggleEvent } from '../../events/chat-events.js';
import type { ParticipantsToggleEvent } from '../../events/participant-events.js';
import type { GridLayout } from '../layout-grid/layout-grid.js';
import '../chat-panel/chat-panel.js';
import '../chat-toggle/chat-toggle.js';
import '../connection-banner/connection-banner.js';
import '../deafen-button/deafen-button.js';
import '../hand-raise-button/hand-raise-button.js';
import '../participant-list/participant-list.js';
import '../participants-toggle/participants-toggle.js';
import '../reaction-button/reaction-button.js';
import '../control-bar/control-bar.js';
import '../layout-grid/layout-grid.js';
import '../pre-join/pre-join.js';
import '../recording-indicator/recording-indicator.js';
import '../room-audio/room-audio.js';
import '../start-audio/start-audio.js';
import {
  RoomFailure,
  fetchConnectionDetails,
  moderationUrlFor,
  postModeration,
  toRoomError,
  type ConnectionDetails,
} from './connection.js';
import { styles } from './media-room.styles.js';

/**
 * Joins a LiveKit room and provides its store to every element inside it.
 *
 * Give it a `token-url` (or a `token` and `server-url`) and it joins when it is put on the page and
 * leaves when it is taken off (a move within the page does not leave). Without children it renders
 * a default call UI; with children it renders only them, and they read the room from the store it
 * provides (`@lit/context`).
 *
 * A failing token URL, an invalid or expired token or an unreachable server shows a readable
 * message (`role="alert"`) with a Retry button, and fires `error` with a stable `code`. When the
 * room is lost for no one's decision (the media server restarted), it says why and rejoins by
 * itself with a fresh token, retrying with a bounded backoff (about 75 s in all).
 *
 * The room's `type` (the attribute, else `{"type": …}` in the room's metadata, else `meeting`)
 * picks the default UI: `meeting` (everyone publishes; grid), `webinar` (a stage of those who may
 * publish and an audience who may raise a hand; stage layout), `live` (a stage and an audience who
 * watch, chat and react; stage layout) and `1to1` (picture-in-picture, no hand raise or
 * participant list). Every control shows only what the participant's grant allows and follows
 * changes live: a viewer brought onto the stage gets microphone and camera controls at once.
 *
 * Moderators (tokens from the server helper with `moderate:participants`) get mute, remove,
 * bring-onto-stage and lower-hand actions in the participant list. They are carried out by the
 * server helper's `POST …/moderate` endpoint with the participant's own token as a Bearer token:
 * `moderation-url`, or beside the token URL (`…/join` → `…/moderate`, `/api/token` →
 * `/api/rooms/<room>/moderate`).
 *
 * @tag media-room
 * @summary Joins a room from a token URL and provides the room store to its children.
 *
 * @slot - The call UI. Without any, the default UI is rendered: `<pre-join>`, then `<layout-grid>` and
 *   `<control-bar>`. Remote audio plays through a `<room-audio>` unless the slot holds one.
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
 * @event connected - The room is joined. `RoomConnectedEvent`.
 * @event reconnecting - The connection dropped; livekit-client is reconnecting. `RoomReconnectingEvent`.
 * @event reconnected - The connection is back. `RoomReconnectedEvent`.
 * @event disconnected - The room was left; `reason` says why. `RoomDisconnectedEvent`.
 * @event participant-joined - A remote participant joined. `ParticipantJoinedEvent`.
 * @event participant-left - A remote participant left. `ParticipantLeftEvent`.
 * @event track-subscribed - A remote track is being received. `TrackEvent`.
 * @event track-unsubscribed - A remote track is no longer received. `TrackEvent`.
 * @event track-muted - A track was muted. `TrackEvent`.
 * @event track-unmuted - A track was unmuted. `TrackEvent`.
 * @event active-speakers-changed - Who is speaking changed. `ActiveSpeakersChangedEvent`.
 * @event data-received - A data message arrived. `DataReceivedEvent`.
 * @event recording-status-changed - Recording started or stopped. `RecordingStatusChangedEvent`.
 * @event media-devices-changed - A camera, microphone or speaker came or went. `MediaDevicesChangedEvent`.
 * @event attributes-changed - A participant's attributes changed (local ones too); `changed` has the new values. `AttributesChangedEvent`.
 * @event room-metadata-changed - The room's metadata changed (it may carry the room `type`). `RoomMetadataChangedEvent`.
 * @event reaction - Someone (you too) sent an emoji reaction. `ReactionEvent`.
 * @event connection-quality-changed - A participant's connection quality changed. `ConnectionQualityChangedEvent`.
 * @event error - Joining failed or a device could not be used; `code` says which. Fired on the element only (it does not bubble, like an `<img>`'s `error`). `RoomErrorEvent`.
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
    const old = this.#given;
    this.#given = value;
    if (this.hasAttribute('token')) this.removeAttribute('token');
    this.requestUpdate('token', old);
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

  @state() private hasChildren = false;
  /** The page composed its own `<room-audio>`; otherwise this element plays remote audio. */
  @state() private hasOwnAudio = false;
  /**
   * The default UI's side panel that is open: the chat or the participant list (each stays
   * mounted while closed; the chat keeps its draft).
   */
  @state() private panel: 'chat' | 'participants' | undefined;
  /** The local participant was just brought onto the stage (a notice says so for a while). */
  @state() private promoted = false;
  #promotedTimer: ReturnType<typeof setTimeout> | undefined;
  #wasViewer = false;
  /** The token the room is joined with (refreshed by the server while connected). */
  #token = '';
  /** The token given with `token` (never kept in the DOM). */
  #given = '';
  #offTokenRefresh: (() => void) | undefined;
  /** The user went through the pre-join screen. */
  @state() private preJoined = false;
  /** Rejoining by itself after losing the room (a server restart): the attempt under way. */
  @state() private rejoinAttempt = 0;
  #rejoinTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last thing said to screen-reader users (the polite live region). */
  @state() private announcement = '';

  readonly #localize = new LocalizeController(this);
  readonly #provider = new ContextProvider(this, { context: roomContext });
  #room: Room | undefined;
  #store: RoomStore | undefined;
  readonly #view = new StoreController(this, selectView, {
    consume: false,
    fallback: selectView(undefined),
  });
  #attempt = 0;
  /** `connect()` was called and `leave()` not since. */
  #joining = false;
  #abort: AbortController | undefined;
  #lastUrl = '';
  #leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Left because it was taken off the page: put back, it joins again. */
  #leftOnDetach = false;
  /**
   * Taken off the page, it has let go of the room: the store is destroyed, so the Room holds no
   * listener that leads back to this element and a removed element can be collected (livekit-client
   * itself keeps every Room it made alive through a `devicechange` listener). Put back, it follows
   * the same Room with a new store.
   */
  #released = false;
  /** Tracks handed over by `<pre-join>`, published on joining. */
  #preJoinTracks: { audio?: LocalAudioTrack; video?: LocalVideoTrack } | undefined;
  /** What the user chose in the pre-join screen, for a later rejoin. */
  #choice: { audio: boolean; video: boolean } | undefined;

  /**
   * The livekit-client `Room`, made when first needed. You may set your own instead (one you
   * connect yourself, or a simulated one) while none is connected; the store follows it.
   * Setting a string is the same as setting the `room` attribute (the room name), because
   * frameworks that set properties (Svelte, React) pass `room="standup"` this way.
   */
  get room(): Room {
    this.#ensureRoom();
    return this.#room!;
  }

  set room(room: Room | string) {
    if (typeof room === 'string') {
      this.roomName = room;
      return;
    }
    if (room === this.#room && !this.#released) return;
    void this.leave();
    this.#store?.destroy();
    this.#released = false;
    this.#adopt(room);
  }

  /** The room store: snapshots of the room and slices of them. */
  get store(): RoomStore {
    this.#ensureRoom();
    return this.#store!;
  }

  /** Fetch a token if needed and join. Never rejects: failures land in the store and `error`. */
  async connect(): Promise<void> {
    this.#joining = true;
    const attempt = ++this.#attempt;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#follow();
    const { room, store } = this;
    try {
      if (room.state !== ConnectionState.Disconnected) await room.disconnect();
      if (attempt !== this.#attempt) return;
      if (!this.tokenUrl && !(this.#given && this.serverUrl)) {
        store.reportError({ code: 'not-configured', fatal: true });
        return;
      }
      store.beginConnect();
      if (this.#lastUrl) this.#prepare(this.#lastUrl);
      const details = await this.#connectionDetails(abort.signal);
      if (attempt !== this.#attempt) return;
      this.#lastUrl = details.url;
      await room.connect(details.url, details.token);
      if (attempt !== this.#attempt) return;
      if (this.roomName && room.name && room.name !== this.roomName) {
        // The token endpoint answered with a token for another room than the one asked for.
        await room.disconnect();
        throw new RoomFailure('token-wrong-room', `${room.name} ≠ ${this.roomName}`);
      }
      this.#followToken(room, details.token);
      await this.#publishOnJoin(room);
    } catch (error) {
      if (attempt !== this.#attempt) return;
      store.reportError(toRoomError(error));
    }
  }

  /**
   * Set attributes of the local participant: only the keys given change, the others stay.
   * Rejects when not connected or when the grant does not allow it (`canUpdateOwnMetadata`).
   */
  setAttributes(attributes: Record<string, string>): Promise<void> {
    return this.room.localParticipant.setAttributes(attributes);
  }

  /** Delete attributes of the local participant (LiveKit deletes a key set to an empty string). */
  deleteAttributes(...keys: string[]): Promise<void> {
    return this.setAttributes(Object.fromEntries(keys.map((key) => [key, ''])));
  }

  /** Leave the room (and stop a join under way). */
  async leave(): Promise<void> {
    this.#joining = false;
    this.#stopRejoining();
    this.#attempt += 1;
    this.#abort?.abort();
    // Tracks from the pre-join screen that never got published are ours to stop.
    this.#preJoinTracks?.audio?.stop();
    this.#preJoinTracks?.video?.stop();
    this.#preJoinTracks = undefined;
    if (this.#room) await this.#room.disconnect();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    this.#follow();
    this.hasChildren = hasContent(this);
    this.hasOwnAudio = !!this.querySelector('room-audio');
    if (this.serverUrl) this.#prepare(this.serverUrl);
    const phase = this.store.get().connection.phase;
    if (this.#canJoin() && !this.#showsPreJoin() && (phase === 'idle' || this.#leftOnDetach)) {
      void this.connect();
    }
    this.#leftOnDetach = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#promotedTimer);
    // A move within the page disconnects and reconnects in one task: only leave if still detached.
    this.#leaveTimer = setTimeout(() => {
      if (this.isConnected) return;
      this.#leftOnDetach = true;
      void this.leave().then(() => this.#release());
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#notePromotion();
    const config = ['tokenUrl', 'token', 'serverUrl', 'roomName', 'identity', 'name'] as const;
    // Frameworks may set the configuration after putting the element on the page (React does):
    // join once it is complete, unless a join is already under way or done.
    if (
      !this.#joining &&
      config.some((key) => changed.has(key)) &&
      this.#canJoin() &&
      !this.#showsPreJoin() &&
      this.store.get().connection.phase === 'idle'
    ) {
      void this.connect();
    }
  }

  /** The room type in effect: the attribute, else the room metadata's, else `meeting`. */
  get roomType(): RoomType {
    return this.type ?? this.#view.value.metaType ?? 'meeting';
  }

  override render(): TemplateResult {
    const { connection, error, roomName } = this.#view.value;
    const t = this.#localize;
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
            : this.rejoinAttempt > 0
              ? html`<p part="status" role="status">${t.term('rejoining')}</p>`
              : nothing
        }
        <connection-banner part="banner"></connection-banner>
        <div part="announcer" class="visually-hidden" role="status" aria-live="polite">
          ${this.announcement}
        </div>
        ${error && !error.fatal ? this.#renderNotice(error.code, error.detail) : nothing}
        <slot @slotchange=${this.#onSlotChange}></slot>
        ${
          this.#showsPreJoin()
            ? html`<pre-join
                part="pre-join"
                .name=${this.name}
                @join=${this.#onPreJoin}
              ></pre-join>`
            : nothing
        }
        ${
          this.hasChildren || connection.phase === 'idle' || error?.fatal
            ? nothing
            : this.#renderCall()
        }
        ${this.hasOwnAudio ? nothing : html`<room-audio></room-audio><start-audio></start-audio>`}
      </div>
    `;
  }

  /** The default UI in the room: tiles, side panels, role notice and the control bar. */
  #renderCall(): TemplateResult {
    const t = this.#localize;
    const type = this.roomType;
    const { viewer } = this.#view.value;
    const audience = type === 'webinar' || type === 'live';
    const layout = this.layout ?? LAYOUTS[type];
    // A live room's audience watches: no hand to raise. One-to-one has no queue and no list.
    const hand = type !== '1to1' && !(type === 'live' && viewer);
    const list = type !== '1to1';
    const togglePanel = (panel: 'chat' | 'participants', open: boolean) => {
      this.panel = open ? panel : this.panel === panel ? undefined : this.panel;
    };
    return html`${
        audience && (viewer || this.promoted)
          ? html`<p part="role-notice" role="status">
              ${viewer ? t.term('viewerNotice') : t.term('promotedNotice')}
            </p>`
          : nothing
      }
      <div class="stage">
        <layout-grid part="layout" layout=${layout}></layout-grid>
        <chat-panel part="chat" ?hidden=${this.panel !== 'chat'}></chat-panel>
        ${
          list
            ? html`<participant-list
                part="participants"
                ?hidden=${this.panel !== 'participants'}
              ></participant-list>`
            : nothing
        }
      </div>
      <control-bar part="control-bar">
        <recording-indicator slot="start" part="recording"></recording-indicator>
        <reaction-button slot="end" part="reactions"></reaction-button>
        ${hand ? html`<hand-raise-button slot="end" part="hand-raise"></hand-raise-button>` : nothing}
        <deafen-button slot="end" part="deafen"></deafen-button>
        ${
          list
            ? html`<participants-toggle
                slot="end"
                part="participants-toggle"
                .pressed=${this.panel === 'participants'}
                @participants-toggle=${(e: ParticipantsToggleEvent) =>
                  togglePanel('participants', e.open)}
              ></participants-toggle>`
            : nothing
        }
        <chat-toggle
          slot="end"
          part="chat-toggle"
          .pressed=${this.panel === 'chat'}
          @chat-toggle=${(e: ChatToggleEvent) => togglePanel('chat', e.open)}
        ></chat-toggle>
      </control-bar>`;
  }

  /** A viewer whose grant now lets it publish was brought onto the stage: say so for a while. */
  #notePromotion(): void {
    const { viewer, inRoom } = this.#view.value;
    if (inRoom && this.#wasViewer && !viewer) {
      this.promoted = true;
      clearTimeout(this.#promotedTimer);
      this.#promotedTimer = setTimeout(() => (this.promoted = false), PROMOTED_NOTICE_MS);
    }
    if (!inRoom) this.promoted = false;
    this.#wasViewer = inRoom && viewer;
  }

  /**
   * Keep the token the room is joined with (the server refreshes it while connected) and let the
   * store moderate with it through the server helper's endpoint.
   */
  #followToken(room: Room, token: string): void {
    this.#token = token;
    this.#offTokenRefresh?.();
    const onRefresh = (fresh: string) => (this.#token = fresh);
    // The engine of this connection: livekit-client drops it when the room disconnects.
    const { engine } = room;
    engine.on('tokenRefreshed', onRefresh);
    this.#offTokenRefresh = () => engine.off('tokenRefreshed', onRefresh);
    const url = this.moderationUrl
      ? new URL(this.moderationUrl, document.baseURI).href
      : moderationUrlFor(this.tokenUrl, room.name);
    this.store.setModerator(
      url ? (request) => postModeration(url, this.#token, request) : undefined,
    );
  }

  #renderError(code: string, detail: string | undefined): TemplateResult {
    const t = this.#localize;
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
    const t = this.#localize;
    return html`<div part="notice" role="alert">
      <span part="notice-message">${t.termFor(`error:${code}`, 'error:unknown')}</span>
      ${detail ? html`<span part="error-detail">${detail}</span>` : nothing}
      <button part="dismiss" @click=${() => this.store.clearError()}>${t.term('dismiss')}</button>
    </div>`;
  }

  #onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    this.hasChildren = slot
      .assignedNodes({ flatten: true })
      .some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim());
    this.hasOwnAudio = !!this.querySelector('room-audio');
  }

  /** The default UI starts with the pre-join screen, unless told to skip it. */
  #showsPreJoin(): boolean {
    return (
      !this.hasChildren &&
      !this.skipPrejoin &&
      !this.preJoined &&
      this.#view.value.connection.phase === 'idle'
    );
  }

  #onPreJoin(event: PreJoinEvent): void {
    this.#preJoinTracks = { audio: event.audioTrack, video: event.videoTrack };
    this.#choice = { audio: !!event.audioTrack, video: !!event.videoTrack };
    if (event.name) this.name = event.name;
    this.preJoined = true;
    void this.connect();
  }

  #canJoin(): boolean {
    return this.isConnected && !!(this.tokenUrl || (this.#given && this.serverUrl));
  }

  #ensureRoom(): void {
    if (!this.#room) {
      this.#adopt(new Room({ adaptiveStream: true, dynacast: true, ...this.roomOptions }));
    }
  }

  /** Make sure a store follows the room again after `#release()`, or at all. */
  #follow(): void {
    if (this.#released && this.#room) this.#adopt(this.#room);
    this.#released = false;
    this.#ensureRoom();
  }

  /** Let go of the room after leaving it, if still off the page (see `#released`). */
  #release(): void {
    if (this.isConnected || this.#released) return;
    this.#released = true;
    this.#store?.destroy();
    this.#offTokenRefresh?.();
    this.#offTokenRefresh = undefined;
  }

  #adopt(room: Room): void {
    const store = new RoomStore(room);
    this.#room = room;
    this.#store = store;
    this.#attempt += 1;
    store.onEvent((event) => {
      if (event.type === 'track-subscribed') pauseIfUnseen(event.publication);
      this.#announce(event);
      this.#followForRejoin(event);
      this.dispatchEvent(toDomEvent(event));
    });
    this.#provider.setValue(store);
    this.#view.setStore(store);
  }

  /**
   * Say what happened to screen-reader users, politely: someone joined or left, raised a hand,
   * recording started or stopped. (Reconnecting is said by `<connection-banner>`.)
   */
  #announce(event: RoomStoreEvent): void {
    const t = this.#localize;
    const nameOf = (p: { name?: string; identity: string }) => p.name || p.identity;
    let text = '';
    if (event.type === 'participant-joined')
      text = t.term('announceJoined', nameOf(event.participant));
    else if (event.type === 'participant-left')
      text = t.term('announceLeft', nameOf(event.participant));
    else if (event.type === 'recording-status-changed') {
      text = event.recording ? t.term('announceRecording') : t.term('announceRecordingStopped');
    } else if (
      event.type === 'attributes-changed' &&
      !event.participant.isLocal &&
      event.changed[HAND_ATTRIBUTE]
    ) {
      text = t.term('announceHand', nameOf(event.participant));
    }
    if (text) this.announcement = text;
  }

  /**
   * After losing the room for a reason that is nobody's decision (the server restarted, the
   * connection broke for good), join again by itself with a fresh token from the token URL, with
   * a bounded backoff (`REJOIN_DELAYS`); a failed attempt schedules the next one. Leaving, being
   * removed, a duplicate identity or a deleted room end it.
   */
  #followForRejoin(event: RoomStoreEvent): void {
    if (event.type === 'connected') {
      this.#stopRejoining();
    } else if (event.type === 'disconnected') {
      if (REJOIN_REASONS.has(event.reason ?? 'unknown-reason') && this.#canJoin()) {
        this.#scheduleRejoin();
      }
    } else if (event.type === 'error' && event.error.fatal && this.rejoinAttempt > 0) {
      this.#scheduleRejoin();
    }
  }

  #scheduleRejoin(): void {
    clearTimeout(this.#rejoinTimer);
    const delay = REJOIN_DELAYS[this.rejoinAttempt];
    if (delay === undefined) {
      // Out of attempts: the Rejoin and Retry buttons stay.
      this.rejoinAttempt = 0;
      return;
    }
    this.rejoinAttempt += 1;
    this.#rejoinTimer = setTimeout(() => {
      if (this.isConnected) void this.connect();
    }, delay);
  }

  #stopRejoining(): void {
    clearTimeout(this.#rejoinTimer);
    this.#rejoinTimer = undefined;
    this.rejoinAttempt = 0;
  }

  #prepare(url: string): void {
    this.room.prepareConnection(url).catch(() => {
      /* Only a warm-up: the real connect reports any problem. */
    });
  }

  async #connectionDetails(signal: AbortSignal): Promise<ConnectionDetails> {
    if (this.#given && this.serverUrl) return { token: this.#given, url: this.serverUrl };
    return fetchConnectionDetails({
      tokenUrl: this.tokenUrl,
      method: this.tokenMethod,
      body: { room: this.roomName, identity: this.identity, name: this.name },
      timeoutMs: this.tokenTimeout,
      signal,
    });
  }

  async #publishOnJoin(room: Room): Promise<void> {
    const lp = room.localParticipant;
    let tracks = this.#preJoinTracks;
    this.#preJoinTracks = undefined;
    let { audio, video } = this.#choice ?? { audio: this.audio, video: this.video };
    // What the grant forbids is not published (a viewer); a preview track of it is stopped.
    await this.store.settled();
    const snapshot = this.store.get();
    if (!canPublishSource(snapshot, 'microphone')) {
      tracks?.audio?.stop();
      tracks = { ...tracks, audio: undefined };
      audio = false;
    }
    if (!canPublishSource(snapshot, 'camera')) {
      tracks?.video?.stop();
      tracks = { ...tracks, video: undefined };
      video = false;
    }
    try {
      if (tracks?.video || tracks?.audio) {
        // The very tracks of the preview: no second permission prompt, no second camera start.
        await Promise.all([
          tracks.video ? lp.publishTrack(tracks.video) : undefined,
          tracks.audio ? lp.publishTrack(tracks.audio) : undefined,
        ]);
      } else if (audio && video) {
        try {
          await lp.enableCameraAndMicrophone();
        } catch {
          // One refused device (a denied camera) fails the joint request: the other one must
          // still be used, so ask for each alone. Each failure is reported for its own device.
          await lp.setMicrophoneEnabled(true).catch(() => undefined);
          await lp.setCameraEnabled(true).catch(() => undefined);
        }
      } else if (video) await lp.setCameraEnabled(true);
      else if (audio) await lp.setMicrophoneEnabled(true);
    } catch {
      // livekit-client reports the device error as a room event; the store shows it, and the
      // participant stays in the room, receiving.
    }
  }
}

/** Waits before each attempt to rejoin by itself (ms): bounded, about 75 s in all. */
const REJOIN_DELAYS = [1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000];

/** Disconnect reasons after which `<media-room>` rejoins by itself (nobody decided to end it). */
const REJOIN_REASONS = new Set([
  'unknown-reason',
  'server-shutdown',
  'state-mismatch',
  'join-failure',
  'migration',
  'signal-close',
  'connection-timeout',
  'media-failure',
]);

/** The default layout of each room type. */
const LAYOUTS: Record<RoomType, GridLayout> = {
  meeting: 'grid',
  webinar: 'stage',
  live: 'stage',
  '1to1': 'pip',
};

/** How long the notice saying you were brought onto the stage stays (ms). */
const PROMOTED_NOTICE_MS = 8000;

/** What `<media-room>` itself renders: a speaker change or a mute does not re-render it. */
interface View {
  connection: RoomSnapshot['connection'];
  error: RoomSnapshot['error'];
  roomName: string;
  metaType: RoomType | undefined;
  inRoom: boolean;
  /** The local participant may not publish at all (an audience member). */
  viewer: boolean;
}

const selectView = (s: RoomSnapshot | undefined): View => ({
  connection: s?.connection ?? { phase: 'idle' },
  error: s?.error,
  roomName: s?.room.name ?? '',
  metaType: roomTypeFromMetadata(s?.room.metadata ?? ''),
  inRoom: !!s?.local,
  viewer: isViewer(s?.local),
});

function toDomEvent(event: RoomStoreEvent): Event {
  switch (event.type) {
    case 'connected':
      return new RoomConnectedEvent();
    case 'reconnecting':
      return new RoomReconnectingEvent();
    case 'reconnected':
      return new RoomReconnectedEvent();
    case 'disconnected':
      return new RoomDisconnectedEvent(event.reason);
    case 'participant-joined':
      return new ParticipantJoinedEvent(event.participant);
    case 'participant-left':
      return new ParticipantLeftEvent(event.participant);
    case 'track-subscribed':
    case 'track-unsubscribed':
    case 'track-muted':
    case 'track-unmuted':
      return new TrackEvent(event.type, event.publication, event.participant);
    case 'active-speakers-changed':
      return new ActiveSpeakersChangedEvent(event.speakers);
    case 'data-received':
      return new DataReceivedEvent(event.payload, event.participant, event.topic);
    case 'recording-status-changed':
      return new RecordingStatusChangedEvent(event.recording);
    case 'media-devices-changed':
      return new MediaDevicesChangedEvent();
    case 'attributes-changed':
      return new AttributesChangedEvent(event.changed, event.participant);
    case 'connection-quality-changed':
      return new ConnectionQualityChangedEvent(event.quality, event.participant);
    case 'reaction':
      return new ReactionEvent(event.reaction);
    case 'room-metadata-changed':
      return new RoomMetadataChangedEvent(event.metadata);
    case 'error':
      return new RoomErrorEvent(event.error);
  }
}

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
