import { atom, type ReadableAtom } from 'nanostores';
import type { Track } from 'livekit-client';
import { PipChangeEvent, type PipMode } from '../events/pip-events.js';
import type { RoomStore } from '../store/room-store.js';
import type { RoomSnapshot } from '../store/types.js';
import type { RoomSession } from './room-session.js';

/** A tile to show large: a participant's camera or screen share. */
export interface PipTile {
  readonly identity: string;
  readonly source: 'camera' | 'screen_share';
}

/** What the picture-in-picture window shows: the large tile and your own (small) one. */
export interface PipView {
  readonly main: PipTile | undefined;
  /** Your identity, when you are not the large tile yourself. */
  readonly self: string | undefined;
}

/** Where picture-in-picture is open: `closed`, `opening`, or its mode. */
export type PipState = 'closed' | 'opening' | PipMode;

export interface PipOptions {
  /**
   * The element that asked (a `<pip-button>`): `pip-change` is fired on it, and the window takes
   * its language, direction and `--mr-*` tokens.
   */
  from?: Element;
  /** `document` (a window holding the call) or `video` (the large tile's video alone). */
  mode?: PipMode;
  /** The window's language and direction (else those of `from`, else the page's). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/**
 * The picture-in-picture this browser offers, read when asked (never at import): `document`
 * (Document Picture-in-Picture: Chromium 116+ on desktop, recent Firefox; in a secure context),
 * else `video` (the video element's own, as in Safari), else undefined (older Firefox has
 * neither API to call).
 */
export function pipSupport(): PipMode | undefined {
  if (typeof window === 'undefined') return undefined;
  if ('documentPictureInPicture' in window && window.isSecureContext) return 'document';
  if (
    typeof HTMLVideoElement !== 'undefined' &&
    typeof HTMLVideoElement.prototype.requestPictureInPicture === 'function' &&
    document.pictureInPictureEnabled !== false
  ) {
    return 'video';
  }
  return undefined;
}

/**
 * The large tile: the pinned one while it exists, else a remote screen share, else the remote
 * participant who spoke last (the first remote when nobody has spoken), else yourself.
 */
export function selectPipView(s: RoomSnapshot, pinned?: PipTile): PipView {
  const own = s.local?.identity;
  let main: PipTile | undefined;
  const pinnedOne = pinned && s.participants.get(pinned.identity);
  if (pinnedOne && (pinned.source === 'camera' || pinnedOne.tracks.screen_share)) main = pinned;
  const sharer = s.remotes.find((p) => p.tracks.screen_share);
  if (!main && sharer) main = { identity: sharer.identity, source: 'screen_share' };
  if (!main) {
    let best: string | undefined;
    let bestTime = -1;
    for (const p of s.remotes) {
      const time = s.speakerRecency.get(p.identity) ?? 0;
      if (time > bestTime) [best, bestTime] = [p.identity, time];
    }
    if (best) main = { identity: best, source: 'camera' };
  }
  if (!main && own) main = { identity: own, source: 'camera' };
  const self = main?.identity === own && main?.source === 'camera' ? undefined : own;
  return { main, self };
}

const sameView = (a: PipView, b: PipView): boolean =>
  a.self === b.self && a.main?.identity === b.main?.identity && a.main?.source === b.main?.source;

/** Mounts the call into a picture-in-picture window; returns what unmounts it. */
export type PipMount = (
  win: Window,
  session: RoomSession,
  view: ReadableAtom<PipView>,
  options: Pick<PipOptions, 'from' | 'lang' | 'dir'>,
) => Promise<() => void>;

/**
 * The session's picture-in-picture: a Document Picture-in-Picture window holding a compact call
 * (the large tile, your own small, microphone, camera and leave), or, where only the video
 * element's own exists, the large tile's video. It follows the speaker (and `setPinned`), and
 * closes when the window is closed, the call is left, or `close()` is called; `pip-change` is
 * fired on the element that opened it once the window shows the call, and once it is gone.
 */
export class PictureInPicture {
  readonly #session: RoomSession;
  readonly #state = atom<PipState>('closed');
  readonly #pinned = atom<PipTile | undefined>(undefined);
  readonly #view = atom<PipView>({ main: undefined, self: undefined });
  #teardown: (() => void) | undefined;
  #from: Element | undefined;
  /** Bumped by every open and close, so an open overtaken by a close gives up. */
  #generation = 0;

  constructor(session: RoomSession) {
    this.#session = session;
  }

  /** `closed`, `opening`, `document` or `video`. */
  get $state(): ReadableAtom<PipState> {
    return this.#state;
  }

  /** The tile the main layout has pinned (the large one in the window while it exists). */
  setPinned(pinned: PipTile | undefined): void {
    this.#pinned.set(pinned ? { identity: pinned.identity, source: pinned.source } : undefined);
  }

  /**
   * Open it (call from a user gesture: the browser asks for one). Resolves once the window shows
   * the call; rejects when the browser refused (reported as the notice `pip-failed`) or when
   * this browser has no picture-in-picture.
   */
  async open(options: PipOptions = {}): Promise<void> {
    if (this.#state.get() !== 'closed') return;
    const mode = options.mode ?? pipSupport();
    if (!mode) throw new Error('picture-in-picture is not supported here');
    const generation = ++this.#generation;
    this.#from = options.from;
    this.#state.set('opening');
    const offs: (() => void)[] = [this.#follow()];
    this.#teardown = () => offs.forEach((off) => off());
    try {
      offs.push(
        mode === 'document'
          ? await this.#openDocument(options, () => this.close())
          : await this.#openVideo(() => this.close()),
      );
    } catch (error) {
      if (generation === this.#generation) {
        this.#finish();
        this.#session.store.reportError({
          code: 'pip-failed',
          detail: error instanceof Error ? error.message : String(error),
          fatal: false,
        });
      }
      throw error;
    }
    if (generation !== this.#generation) {
      offs.forEach((off) => off());
      return;
    }
    this.#state.set(mode);
    options.from?.dispatchEvent(new PipChangeEvent(true, mode));
  }

  /** Close it and put everything back (nothing when closed). */
  close(): void {
    if (this.#state.get() === 'closed') return;
    const from = this.#from;
    const was = this.#state.get();
    this.#generation += 1;
    this.#finish();
    if (was !== 'opening') from?.dispatchEvent(new PipChangeEvent(false, undefined));
  }

  #finish(): void {
    const teardown = this.#teardown;
    this.#teardown = undefined;
    this.#from = undefined;
    this.#state.set('closed');
    teardown?.();
  }

  /** Keep `#view` on the session's current store (a rejoin brings a new one); close on leaving. */
  #follow(): () => void {
    let offSlice: (() => void) | undefined;
    const offPinned = this.#pinned.listen(() => update());
    let store: RoomStore | undefined;
    const update = () => {
      if (!store) return;
      const s = store.get();
      if (!this.#session.joining && (s.connection.phase === 'disconnected' || !s.local)) {
        // Left the call (the window's Leave too): nothing to show any more.
        queueMicrotask(() => this.close());
        return;
      }
      const next = selectPipView(s, this.#pinned.get());
      if (!sameView(next, this.#view.get())) this.#view.set(next);
    };
    const offStore = this.#session.$store.subscribe((next) => {
      offSlice?.();
      store = next as RoomStore | undefined;
      offSlice = store?.subscribe(update);
    });
    return () => {
      offStore();
      offSlice?.();
      offPinned();
    };
  }

  async #openDocument(options: PipOptions, onClosed: () => void): Promise<() => void> {
    const win = await window.documentPictureInPicture!.requestWindow({
      width: 420,
      height: 320,
      disallowReturnToOpener: false,
    });
    const closeWindow = () => win.close();
    win.addEventListener('pagehide', onClosed, { once: true });
    let unmount: () => void = () => undefined;
    try {
      const { mountPipView } = await import('../components/pip-button/pip-view.js');
      unmount = await mountPipView(win, this.#session, this.#view, options);
    } catch (error) {
      win.removeEventListener('pagehide', onClosed);
      closeWindow();
      throw error;
    }
    return () => {
      win.removeEventListener('pagehide', onClosed);
      unmount();
      closeWindow();
    };
  }

  /** The large tile's video in the video element's own picture-in-picture (Safari). */
  async #openVideo(onClosed: () => void): Promise<() => void> {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.autoplay = true;
    // Kept in the page (some engines play only a video that is) but out of sight and reach.
    for (const [name, value] of Object.entries(HIDDEN_VIDEO)) video.style.setProperty(name, value);
    video.setAttribute('aria-hidden', 'true');
    document.body.append(video);
    let attached: Track | undefined;
    const show = (view: PipView) => {
      const track = trackOf(this.#session.store.get(), view.main);
      if (track === attached) return;
      attached?.detach(video);
      attached = track;
      track?.attach(video);
    };
    show(this.#view.get());
    const offView = this.#view.listen(show);
    const leave = () => onClosed();
    video.addEventListener('leavepictureinpicture', leave);
    const cleanup = () => {
      offView();
      video.removeEventListener('leavepictureinpicture', leave);
      if (document.pictureInPictureElement === video) void document.exitPictureInPicture();
      video.srcObject = null;
      attached?.detach(video);
      video.remove();
    };
    try {
      if (video.readyState < HTMLMediaElement.HAVE_METADATA) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('no video to show')), 5000);
          video.addEventListener(
            'loadedmetadata',
            () => {
              clearTimeout(timer);
              resolve();
            },
            { once: true },
          );
        });
      }
      await video.requestPictureInPicture();
    } catch (error) {
      cleanup();
      throw error;
    }
    return cleanup;
  }
}

const HIDDEN_VIDEO = {
  position: 'fixed',
  left: '0',
  top: '0',
  width: '2px',
  height: '2px',
  opacity: '0',
  'pointer-events': 'none',
};

/** The media track of a tile, if there is one to show. */
function trackOf(s: RoomSnapshot, tile: PipTile | undefined): Track | undefined {
  const state = tile && s.participants.get(tile.identity)?.tracks[tile.source];
  return state?.track ?? state?.publication.track ?? undefined;
}

declare global {
  interface DocumentPictureInPicture extends EventTarget {
    requestWindow(options?: {
      width?: number;
      height?: number;
      disallowReturnToOpener?: boolean;
      preferInitialWindowPlacement?: boolean;
    }): Promise<Window>;
    readonly window: Window | null;
  }
  interface Window {
    documentPictureInPicture?: DocumentPictureInPicture;
  }
}
