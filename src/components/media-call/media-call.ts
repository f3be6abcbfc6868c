import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import type { CaptionsToggleEvent, TranscriptToggleEvent } from '../../events/captions-events.js';
import type { ChatToggleEvent } from '../../events/chat-events.js';
import type { ParticipantsToggleEvent } from '../../events/participant-events.js';
import type { PanelCloseEvent } from '../../events/panel-events.js';
import type { PinnedChangeEvent } from '../../events/layout-events.js';
import type { JoinEvent } from '../../events/pre-join-events.js';
import { define } from '../../internal/define.js';
import { canShareScreen } from '../../internal/capabilities.js';
import { unlessCancelled } from '../../internal/unless-cancelled.js';
import {
  canPublishSource,
  isViewer,
  selectCanModerate,
  roomTypeFromMetadata,
  type RoomType,
} from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import type { GridLayout } from '../layout-grid/layout-grid.js';
import '../chat-panel/chat-panel.js';
import '../chat-toggle/chat-toggle.js';
import '../control-bar/control-bar.js';
import '../deafen-button/deafen-button.js';
import '../hand-raise-button/hand-raise-button.js';
import '../layout-grid/layout-grid.js';
import '../participant-list/participant-list.js';
import '../participants-toggle/participants-toggle.js';
import '../pip-button/pip-button.js';
import '../pre-join/pre-join.js';
import '../reaction-button/reaction-button.js';
import '../recording-indicator/recording-indicator.js';
import '../device-picker/device-picker.js';
import '../screen-share-button/screen-share-button.js';
import { selectLocalWaiting } from '../../store/waiting-room.js';
import { CompactController } from './compact.js';
import { LazyPart } from './lazy-part.js';
import { selectMissingKey } from '../../store/encryption.js';
import { styles } from './media-call.styles.js';
import { moreMenu, sheet } from './parts.js';

/**
 * The default call UI: the pre-join screen, then the tiles, side panels and control bar, chosen
 * for the room type. `<media-room>` renders one (loaded on demand) when it has no children; put
 * one inside a `<media-room>` of your own to have the default UI among your own elements.
 *
 * The room's `type` (the attribute, else `{"type": …}` in the room's metadata, else `meeting`)
 * picks the layout and controls: `meeting` (everyone publishes; grid), `webinar` (a stage of
 * those who may publish and an audience who may raise a hand; stage layout), `live` (a stage and
 * an audience who watch, chat and react; stage layout) and `1to1` (picture-in-picture, no hand
 * raise or participant list). Every control shows only what the participant's grant allows and
 * follows changes live: a viewer brought onto the stage gets microphone and camera controls.
 *
 * Once the room has a transcription source (LiveKit's `lk.transcription` text streams: an agent
 * transcribing the call), a Captions button (with the extras) shows live captions over the tiles
 * (on or off as the user last left them), and a Transcript button opens the transcript as a side panel; their elements load only then.
 *
 * Keyboard: opening the chat or the participant list from its button moves focus into it (the
 * message field, the search field); the open panel comes right after the control bar in the tab
 * order (it is still shown beside the tiles, or instead of them on a phone). Each panel stands in
 * a sheet of its own surface with a heading and a close button; Escape inside the panel, or the
 * close button (both fire `panel-close`), closes it and puts focus back on its button.
 *
 * Phone-sized (narrower than 36rem, or lower than 30rem: a phone held sideways), the control bar
 * keeps to one row: the device pickers (labelled entries: "Microphone", "Camera"), screen share
 * (where the browser can capture a screen), reactions, hand raise and deafen go behind
 * a "More" button (`aria-expanded`; the group follows it in the tab order; Escape or a press
 * outside hides it); the tiles come 4 a page (a screen share and a strip of 3, the strip beside
 * it when the stage is wide and low), and pages turn by swipe too. Touch screens
 * (`pointer: coarse`) get targets of at least 44 × 44 px; the call keeps clear of the safe-area
 * insets (with `viewport-fit=cover`).
 *
 * In a waiting room (`{"waitingRoom": true}` in the room's metadata), a newcomer sees
 * `<waiting-screen>` instead of the call until a host lets them in, and a host sees
 * `<knock-notices>` above the tiles while anyone waits. Both are loaded the first time they are
 * needed (a newcomer waits, or the participant may moderate).
 *
 * @tag media-call
 * @summary The default call UI: pre-join, tiles, side panels and controls for the room type.
 *
 * @csspart pre-join - The `<pre-join>` screen (with `prejoin`, before joining).
 * @csspart layout - The `<layout-grid>`.
 * @csspart control-bar - The `<control-bar>`.
 * @csspart recording - The `<recording-indicator>` (in the control bar).
 * @csspart hand-raise - The `<hand-raise-button>` (in the control bar).
 * @csspart chat - The `<chat-panel>` (beside the tiles while open).
 * @csspart chat-toggle - The `<chat-toggle>` (in the control bar), with the unread count.
 * @csspart participants - The `<participant-list>` (beside the tiles while open).
 * @csspart participants-toggle - The `<participants-toggle>` (in the control bar).
 * @csspart reactions - The `<reaction-button>` (in the control bar).
 * @csspart deafen - The `<deafen-button>` (in the control bar).
 * @csspart captions - The `<captions-overlay>` over the tiles (while captions are on).
 * @csspart captions-toggle - The `<captions-toggle>` (in the control bar, once the room has a transcription source).
 * @csspart transcript - The `<transcript-panel>` (beside the tiles while open).
 * @csspart transcript-toggle - The `<transcript-toggle>` (in the control bar, once the room has a transcription source).
 * @csspart pip - The `<pip-button>` (in the control bar; only where the browser has picture-in-picture).
 * @csspart panel - The sheet of a side panel (its heading, close button and the panel); one per panel.
 * @csspart panel-header - The row of a sheet's heading and close button.
 * @csspart panel-heading - A sheet's heading (`h2`): the panel's name.
 * @csspart panel-close - A sheet's close button (fires the panel's `panel-close`).
 * @csspart more - The "More" button of the control bar (phone-sized only).
 * @csspart more-menu - The group of controls it shows (`role="group"`, labelled).
 * @csspart microphone-picker - The microphone `<device-picker>` in the "More" group (phone-sized).
 * @csspart camera-picker - The camera `<device-picker>` in the "More" group (phone-sized).
 * @csspart screen-share - The `<screen-share-button>` in the "More" group (phone-sized).
 * @csspart waiting - The `<waiting-screen>` shown instead of the call while you wait to be let in (a waiting room).
 * @csspart knocks - The `<knock-notices>` above the tiles: newcomers asking to join, for a host (a waiting room).
 * @csspart role-notice - Tells a viewer they are in the audience, and a promoted viewer that they are on the stage (`role="status"`).
 * @csspart encryption - The "End-to-end encrypted" badge with a lock (in the control bar), while your media is encrypted.
 * @csspart encryption-notice - Tells a page without a key, in a call whose media is end-to-end encrypted, why it sees and hears nothing (`role="status"`).
 *
 * @cssproperty --media-room-gap - Space between the parts.
 * @cssproperty --media-call-panel-background - Background of a side panel's sheet (default `--mr-color-surface`).
 * @cssproperty --media-call-panel-border-color - Border of a side panel's sheet and the "More" group (default `--mr-color-border`).
 *
 * @event panel-close - From a panel (Escape) or its sheet's close button; cancelable: cancelled, the panel stays open. `PanelCloseEvent`.
 */
export class MediaCall extends LitElement {
  static override styles = styles;

  /**
   * The layout: `grid`, `speaker`, `focus`, `stage` or `pip` (see `<layout-grid>`). Unset, the
   * room type's: `grid` for a meeting, `stage` for live and webinar, `pip` for 1to1.
   */
  @property() layout: GridLayout | undefined;

  /** The kind of room: `meeting`, `webinar`, `live` or `1to1`. Unset, the room metadata's. */
  @property() type: RoomType | undefined;

  /** Show the pre-join screen while the room is not joined; its Join button joins. */
  @property({ type: Boolean }) prejoin = false;

  /** The name the pre-join screen's field starts with. */
  @property() name = '';

  /** The side panel that is open (each stays mounted while closed; the chat keeps its draft). */
  @state() private panel: Panel | undefined;
  /** The local participant was just brought onto the stage (a notice says so for a while). */
  @state() private promoted = false;
  /**
   * The captions are shown over the tiles (the user pressed `<captions-toggle>`); the choice is
   * remembered with the devices and is the next call's.
   */
  @state() private captions = false;
  #captionsRead = false;
  /** The "More" group of the control bar is shown (on a phone). */
  @state() private more = false;
  #promotedTimer: ReturnType<typeof setTimeout> | undefined;
  #wasViewer = false;

  readonly #t = new LocalizeController(this);
  readonly #view = new StoreController(this, selectView, {
    fallback: selectView(undefined),
    equals: sameView,
  });
  readonly #compact = new CompactController(this);
  /** Parts loaded once needed: captions (a transcription source), encryption (encrypted media). */
  readonly #cc = new LazyPart(this, () => import('./captions.js').then((m) => m.captionsParts));
  readonly #e2ee = new LazyPart(this, () =>
    import('./encryption.js').then((m) => m.encryptionParts),
  );

  /** The room type in effect: the attribute, else the room metadata's, else `meeting`. */
  get roomType(): RoomType {
    return this.type ?? this.#view.value.metaType ?? 'meeting';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onDocumentPointerDown, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#promotedTimer);
    document.removeEventListener('pointerdown', this.#onDocumentPointerDown, true);
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const { viewer, inRoom } = this.#view.value;
    if (inRoom && this.#wasViewer && !viewer) {
      this.promoted = true;
      clearTimeout(this.#promotedTimer);
      this.#promotedTimer = setTimeout(() => (this.promoted = false), PROMOTED_NOTICE_MS);
    }
    if (!inRoom) this.promoted = false;
    if (!this.#compact.compact) this.more = false;
    const session = this.#view.session;
    if (session && !this.#captionsRead) {
      this.#captionsRead = true;
      this.captions = session.devices.getChoice<boolean>('captions') === true;
    }
    // Let in from a waiting room is not being brought onto a stage.
    this.#wasViewer = inRoom && viewer && !this.#view.value.waiting;
  }

  override render(): TemplateResult | typeof nothing {
    const { phase, fatal } = this.#view.value;
    if (phase === 'idle') {
      return this.prejoin
        ? html`<pre-join part="pre-join" .name=${this.name} @join=${this.#onJoin}></pre-join>`
        : nothing;
    }
    if (fatal) return nothing;
    // A waiting room: until a host lets this participant in, the waiting screen instead.
    if (!this.#view.value.waiting) return this.#renderCall();
    return this.#waitingLoaded() ? html`<waiting-screen part="waiting"></waiting-screen>` : nothing;
  }

  #renderCall(): TemplateResult {
    const t = this.#t;
    const type = this.roomType;
    const { viewer, allowed } = this.#view.value;
    // The captions parts load once the room has a transcription source (most calls have none).
    const cc = this.#view.value.transcribed ? this.#cc.get() : undefined;
    const { encrypted, missingKey } = this.#view.value;
    const e2ee = encrypted || missingKey ? this.#e2ee.get() : undefined;
    const audience = type === 'webinar' || type === 'live';
    const layout = this.layout ?? LAYOUTS[type];
    // A live room's audience watches: no hand to raise. One-to-one has no queue and no list.
    const hand = type !== '1to1' && !(type === 'live' && viewer);
    const list = type !== '1to1';
    const panel = this.panel;
    const compact = this.#compact.compact;
    // On a phone the extras, the device pickers and screen sharing go behind "More".
    const slot = compact ? nothing : 'end';
    const extras = html`
      ${
        compact && allowed.microphone
          ? html`<device-picker
              part="microphone-picker"
              kind="audioinput"
              show-label
            ></device-picker>`
          : nothing
      }
      ${
        compact && allowed.camera
          ? html`<device-picker part="camera-picker" kind="videoinput" show-label></device-picker>`
          : nothing
      }
      ${
        compact && allowed.screen && canShareScreen()
          ? html`<screen-share-button part="screen-share"></screen-share-button>`
          : nothing
      }
      <reaction-button slot=${slot} part="reactions"></reaction-button>
      ${hand ? html`<hand-raise-button slot=${slot} part="hand-raise"></hand-raise-button>` : nothing}
      <deafen-button slot=${slot} part="deafen"></deafen-button>
      ${cc ? cc.toggle(this.captions, slot, this.#onCaptionsToggle) : nothing}
      <pip-button slot=${slot} part="pip"></pip-button>
      ${
        // On a phone the transcript's button waits behind "More" too: the bar stays one row.
        cc && compact
          ? cc.transcriptToggle(panel === 'transcript', this.#onTranscriptToggle, slot)
          : nothing
      }
    `;
    // The open panel follows the control bar in the tab order; the grid shows it beside the tiles.
    return html`${
        audience && (viewer || this.promoted)
          ? html`<p part="role-notice" role="status">
              ${viewer ? t.term('viewerNotice') : t.term('promotedNotice')}
            </p>`
          : nothing
      }
      ${missingKey && e2ee ? e2ee.notice(t) : nothing}
      ${
        this.#view.value.moderator && this.#waitingLoaded()
          ? html`<knock-notices part="knocks"></knock-notices>`
          : nothing
      }
      <div class="stage ${panel ? 'open' : ''} ${compact ? 'compact' : ''} ${cc ? 'cc' : ''}">
        <layout-grid
          part="layout"
          layout=${layout}
          max-tiles=${compact ? COMPACT_MAX_TILES : 12}
          @pinned-change=${this.#onPinned}
        ></layout-grid>
        ${this.captions && cc ? cc.overlay() : nothing}
        <control-bar
          part="control-bar"
          ?no-device-pickers=${compact}
          ?no-screen-share=${compact}
          @keydown=${this.#onBarKeyDown}
          @focusout=${this.#onBarFocusOut}
        >
          <recording-indicator slot="start" part="recording"></recording-indicator>
          ${encrypted && e2ee ? e2ee.badge(t, compact) : nothing}
          ${compact ? moreMenu(t, this.more, this.#onMore, extras) : extras}
          ${
            list
              ? html`<participants-toggle
                  slot="end"
                  part="participants-toggle"
                  .pressed=${panel === 'participants'}
                  @participants-toggle=${this.#onParticipantsToggle}
                ></participants-toggle>`
              : nothing
          }
          ${
            cc && !compact
              ? cc.transcriptToggle(panel === 'transcript', this.#onTranscriptToggle, 'end')
              : nothing
          }
          <chat-toggle
            slot="end"
            part="chat-toggle"
            .pressed=${panel === 'chat'}
            @chat-toggle=${this.#onChatToggle}
          ></chat-toggle>
        </control-bar>
        ${sheet(
          t,
          'chat',
          t.term('chat'),
          panel === 'chat',
          this.#onChatClose,
          html`<chat-panel part="chat" ?hidden=${panel !== 'chat'}></chat-panel>`,
        )}
        ${
          list
            ? sheet(
                t,
                'participants',
                t.term('participants'),
                panel === 'participants',
                this.#onParticipantsClose,
                html`<participant-list
                  part="participants"
                  ?hidden=${panel !== 'participants'}
                ></participant-list>`,
              )
            : nothing
        }
        ${cc ? cc.transcriptSheet(t, panel === 'transcript', this.#onTranscriptClose) : nothing}
      </div>`;
  }

  #waiting: 'loaded' | Promise<unknown> | undefined;

  /**
   * Whether the waiting room's elements are defined; the first call loads them (most rooms have no
   * waiting room) and renders again once they are.
   */
  #waitingLoaded(): boolean {
    this.#waiting ??= Promise.all([
      import('../waiting-screen/waiting-screen.js'),
      import('../knock-notices/knock-notices.js'),
    ]).then(
      () => {
        this.#waiting = 'loaded';
        this.requestUpdate();
      },
      // Not loaded (offline): tried again at the next render.
      () => (this.#waiting = undefined),
    );
    return this.#waiting === 'loaded';
  }

  /** Picture-in-picture shows the tile pinned here large. */
  #onPinned = (e: PinnedChangeEvent): void => {
    this.#view.session?.pictureInPicture.setPinned(e.pinned);
  };

  #onMore = (): void => {
    this.more = !this.more;
  };

  /** Escape in the "More" group hides it and gives focus back to its button. */
  #onBarKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || !this.more) return;
    const button = this.renderRoot.querySelector<HTMLElement>('[part="more"]');
    if (!e.composedPath().some((n) => n instanceof HTMLElement && n.classList.contains('more')))
      return;
    e.preventDefault();
    this.more = false;
    button?.focus();
  };

  /** Focus leaving the "More" button and its group hides the group. */
  #onBarFocusOut = (e: FocusEvent): void => {
    if (!this.more) return;
    const wrapper = this.renderRoot.querySelector('.more');
    const to = e.relatedTarget as Node | null;
    if (wrapper && to && !wrapper.contains(to)) this.more = false;
  };

  /** A press outside the "More" button and its group hides the group. */
  #onDocumentPointerDown = (e: PointerEvent): void => {
    const wrapper = this.renderRoot.querySelector('.more');
    if (this.more && wrapper && !e.composedPath().includes(wrapper)) this.more = false;
  };

  #onChatToggle = unlessCancelled((e: ChatToggleEvent) => void this.#toggle('chat', e.open));

  #onParticipantsToggle = unlessCancelled(
    (e: ParticipantsToggleEvent) => void this.#toggle('participants', e.open),
  );

  /** Escape in the open panel: close it and give focus back to its button. */
  #onChatClose = unlessCancelled((_e: PanelCloseEvent) => this.#close('chat'));

  #onParticipantsClose = unlessCancelled((_e: PanelCloseEvent) => this.#close('participants'));

  #onCaptionsToggle = unlessCancelled((e: CaptionsToggleEvent) => {
    this.captions = e.open;
    this.#view.session?.devices.rememberChoice('captions', e.open);
  });

  #onTranscriptToggle = unlessCancelled(
    (e: TranscriptToggleEvent) => void this.#toggle('transcript', e.open),
  );

  #onTranscriptClose = unlessCancelled((_e: PanelCloseEvent) => this.#close('transcript'));

  #close(which: Panel): void {
    if (this.panel === which) void this.#toggle(which, false, true);
  }

  /**
   * Open or close a panel. Opened, it takes the focus (its field); closed by Escape, its button
   * takes it back.
   */
  async #toggle(which: Panel, open: boolean, refocus = false): Promise<void> {
    this.panel = open ? which : this.panel === which ? undefined : this.panel;
    if (!open && !refocus) return;
    await this.updateComplete;
    const target = this.renderRoot.querySelector<
      HTMLElement & { updateComplete: Promise<unknown> }
    >(open ? PANEL_TAGS[which] : TOGGLE_TAGS[which]);
    if (!target || (open && this.panel !== which)) return;
    // A panel shown again renders what changed while it was hidden first.
    await target.updateComplete;
    // A button behind a closed "More" cannot take focus: "More" takes it.
    if (!open && target.closest('[part="more-menu"][hidden]')) {
      this.renderRoot.querySelector<HTMLElement>('[part="more"]')?.focus();
    } else target.focus();
  }

  /** Joins with what `<pre-join>` chose, unless a listener further out cancelled its `join`. */
  #onJoin = unlessCancelled((event: JoinEvent) => {
    void this.#view.session?.join({
      name: event.name,
      audioTrack: event.audioTrack,
      videoTrack: event.videoTrack,
    });
  });
}

type Panel = 'chat' | 'participants' | 'transcript';

/** Each panel's element, and the button in the control bar that opens it. */
const PANEL_TAGS = {
  chat: 'chat-panel',
  participants: 'participant-list',
  transcript: 'transcript-panel',
} as const;
const TOGGLE_TAGS = {
  chat: 'chat-toggle',
  participants: 'participants-toggle',
  transcript: 'transcript-toggle',
} as const;

/** The default layout of each room type. */
const LAYOUTS: Record<RoomType, GridLayout> = {
  meeting: 'grid',
  webinar: 'stage',
  live: 'stage',
  '1to1': 'pip',
};

/** How long the notice saying you were brought onto the stage stays (ms). */
const PROMOTED_NOTICE_MS = 8000;

/** What `<media-call>` itself renders: a speaker change or a mute does not re-render it. */
interface View {
  phase: RoomSnapshot['connection']['phase'];
  fatal: boolean;
  metaType: RoomType | undefined;
  inRoom: boolean;
  /** The local participant may not publish at all (an audience member). */
  viewer: boolean;
  /** The local participant waits to be let in (a waiting room). */
  waiting: boolean;
  /** The local participant may moderate: newcomers who knock are shown to them. */
  moderator: boolean;
  /** What the grant lets the local participant publish (the controls behind "More"). */
  allowed: { microphone: boolean; camera: boolean; screen: boolean };
  /** The room has a transcription source: the captions and transcript controls show. */
  transcribed: boolean;
  /** Your media is end-to-end encrypted (the badge); others' arrives so and you have no key. */
  encrypted: boolean;
  missingKey: boolean;
}

const sameView = (a: View, b: View): boolean =>
  a.phase === b.phase &&
  a.fatal === b.fatal &&
  a.metaType === b.metaType &&
  a.inRoom === b.inRoom &&
  a.viewer === b.viewer &&
  a.waiting === b.waiting &&
  a.moderator === b.moderator &&
  a.allowed.microphone === b.allowed.microphone &&
  a.allowed.camera === b.allowed.camera &&
  a.allowed.screen === b.allowed.screen &&
  a.transcribed === b.transcribed &&
  a.encrypted === b.encrypted &&
  a.missingKey === b.missingKey;

const selectView = (s: RoomSnapshot | undefined): View => ({
  phase: s?.connection.phase ?? 'idle',
  fatal: !!s?.error?.fatal,
  metaType: roomTypeFromMetadata(s?.room.metadata ?? ''),
  inRoom: !!s?.local,
  viewer: isViewer(s?.local),
  waiting: !!s && selectLocalWaiting(s),
  moderator: !!s && selectCanModerate(s),
  allowed: {
    microphone: !s || canPublishSource(s, 'microphone'),
    camera: !s || canPublishSource(s, 'camera'),
    screen: !s || canPublishSource(s, 'screen_share'),
  },
  transcribed: !!s?.transcription?.available,
  encrypted: !!s?.encryption.enabled,
  missingKey: !!s && selectMissingKey(s),
});

/** Most tiles on a page on a phone (the large one included: a share and a strip of 3). */
const COMPACT_MAX_TILES = 4;

define('media-call', MediaCall);

declare global {
  interface HTMLElementTagNameMap {
    'media-call': MediaCall;
  }
}
