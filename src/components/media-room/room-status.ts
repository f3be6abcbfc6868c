import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { roomTypeFromMetadata, type RoomType } from '../../store/selectors.js';
import type { RoomSession } from '../../session/room-session.js';
import type {
  ConnectionPhase,
  RoomError,
  RoomSnapshot,
  TrackSourceName,
} from '../../store/types.js';
import type { GridLayout } from '../layout-grid/layout-grid.js';

/** What `<media-room>` itself renders: a speaker change or a mute does not re-render it. */
export interface View {
  connection: RoomSnapshot['connection'];
  error: RoomSnapshot['error'];
  roomName: string;
  metaType: RoomType | undefined;
}

export const selectView = (s: RoomSnapshot | undefined): View => ({
  connection: s?.connection ?? { phase: 'idle' },
  error: s?.error,
  roomName: s?.room.name ?? '',
  metaType: roomTypeFromMetadata(s?.room.metadata ?? ''),
});

/** The default UI's parts, exported so `media-room::part(layout)` and the rest keep working. */
const CALL_PARTS =
  'pre-join, layout, control-bar, recording, hand-raise, chat, chat-toggle, participants, ' +
  'participants-toggle, reactions, deafen, pip, captions, captions-toggle, transcript, ' +
  'transcript-toggle, role-notice, waiting, knocks, encryption, encryption-notice';

/**
 * The line saying the room is being joined, or rejoined by itself; not while the phase stays
 * `reconnecting` through a rejoin the session makes at once (the banner says "Reconnecting…").
 */
export function renderStatus(
  t: LocalizeController,
  phase: ConnectionPhase,
  fatal: boolean,
  rejoining: boolean,
): TemplateResult | typeof nothing {
  if (phase === 'connecting' && !fatal) {
    return html`<p part="status" role="status">${t.term('connecting')}</p>`;
  }
  return rejoining && phase !== 'reconnecting'
    ? html`<p part="status" role="status">${t.term('rejoining')}</p>`
    : nothing;
}

/** A problem that ends the call (or keeps it from starting), with Retry. */
export function renderError(
  t: LocalizeController,
  { code, detail }: RoomError,
  retry: () => void,
): TemplateResult {
  const message =
    code === 'not-configured'
      ? t.term('notConfigured')
      : t.termFor(`error:${code}`, 'error:unknown');
  return html`<div part="error" role="alert">
    <p part="error-message">${message}</p>
    ${detail ? html`<p part="error-detail">${detail}</p>` : nothing}
    <button part="retry" @click=${retry}>${t.term('retry')}</button>
  </div>`;
}

/**
 * A problem that does not stop the call (a denied camera): said, and dismissable. Sources that
 * could not be published again after a reconnect (`republish-failed`) are named, with a button
 * that turns them back on.
 */
export function renderNotice(
  t: LocalizeController,
  error: RoomError,
  session: RoomSession,
): TemplateResult {
  const { code, detail, sources = [] } = error;
  const restore = code === 'republish-failed' && sources.length > 0;
  const message = restore
    ? t.term('republishFailed', listOf(t, sources))
    : t.termFor(`error:${code}`, 'error:unknown');
  return html`<div part="notice" role="alert">
    <span part="notice-message">${message}</span>
    ${detail ? html`<span part="error-detail">${detail}</span>` : nothing}
    ${
      restore
        ? html`<button part="restore" @click=${() => restoreSources(session, sources)}>
            ${t.term('turnBackOn')}
          </button>`
        : nothing
    }
    <button part="dismiss" @click=${() => session.clearError()}>${t.term('dismiss')}</button>
  </div>`;
}

/** "camera and microphone", in the element's language. */
function listOf(t: LocalizeController, sources: readonly TrackSourceName[]): string {
  const names = sources.map((source) => t.termFor(`source:${source}`, 'error:unknown'));
  try {
    return new Intl.ListFormat(t.lang, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * Turn back on what could not be published again (a click, so a screen share's picker may open:
 * every request starts within it) and dismiss the notice. A device failing again is reported
 * anew by the session.
 */
function restoreSources(session: RoomSession, sources: readonly TrackSourceName[]): void {
  session.clearError();
  for (const source of sources) {
    if (source === 'screen_share_audio') continue;
    session.setSourceEnabled(source, true).catch(() => {
      /* Reported as a room event (the device error), shown by the toggle and the notice. */
    });
  }
}

/** Whether the page put anything (an element, or text) inside. */
export function hasContent(el: HTMLElement): boolean {
  for (const node of el.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE) return true;
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
  }
  return false;
}

/**
 * Load what `<media-room>` renders around any UI (the connection banner, remote audio, the Start
 * audio prompt) and, for a page that composed nothing, the default UI.
 */
export function loadOnDemand(defaultUi: boolean): void {
  void import('../connection-banner/connection-banner.js');
  void import('../room-audio/room-audio.js');
  void import('../start-audio/start-audio.js');
  if (defaultUi) void import('../media-call/media-call.js');
}

/** The default UI, `<media-call>`, with the element's choices. */
export function renderCall(
  room: { layout: GridLayout | undefined; type: RoomType | undefined; name: string },
  prejoin: boolean,
): TemplateResult {
  return html`<media-call
    part="call"
    exportparts=${CALL_PARTS}
    .layout=${room.layout}
    .type=${room.type}
    .name=${room.name}
    ?prejoin=${prejoin}
  ></media-call>`;
}
