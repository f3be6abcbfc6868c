import { expect } from '@open-wc/testing';
import { executeServerCommand, sendMouse } from '@web/test-runner-commands';
import { LocalAudioTrack, Track, type RemoteTrackPublication, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import type { PipButton } from '../../src/components/pip-button/pip-button.js';
import type { PipChangeEvent } from '../../src/events/pip-events.js';
import {
  callRoot,
  isDecoding,
  joinPeer,
  mountRoom,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';
import { toneTrack } from '../helpers/scripted-room.js';
import { checkIn, itIn } from '../engines.js';

const voices: Array<{ close: () => Promise<void> }> = [];

/**
 * `peer` speaks: publishes a steady tone as its microphone (the SFU reports it as speaking).
 * Chromium's fake microphone is not used for this: a page's second capture of it stays silent.
 */
async function speak(peer: Room): Promise<LocalAudioTrack> {
  const tone = toneTrack();
  voices.push(tone);
  const track = new LocalAudioTrack(tone.track);
  await peer.localParticipant.publishTrack(track, { source: Track.Source.Microphone });
  return track;
}

/** Headless Chromium opens the window at its own size; screenshots show it at this one. */
const PIP_SIZE = { width: 420, height: 320 };
const SHOTS = 'test-results/screens/pip';
/**
 * `me` joins `room` in the default UI, sized for the full control bar (smaller, the call is
 * compact and the button behind "More"): through the CSSOM, as a `style` attribute is refused
 * once the strict style policy is in force.
 */
async function mountCall(room: string, media: { audio: boolean; video: boolean }) {
  const el = await mountRoom(room, 'me', { ...media, name: 'Me' });
  el.style.setProperty('width', '780px');
  el.style.setProperty('height', '560px');
  await waitFor(
    () => (callRoot(el)?.querySelector('pip-button')?.getBoundingClientRect().width ?? 0) > 0,
    'the picture-in-picture button in the control bar',
  );
  return el;
}

interface Violation {
  directive: string;
  blocked: string;
  where: string;
}

/**
 * A strict style policy for the rest of this page (and the windows it opens, which inherit it):
 * no inline `<style>` and no `style` attribute (`style-src 'self'`). Constructed stylesheets and
 * styles set through the CSSOM stay allowed, as under the CSP page of csp.test.ts.
 */
function strictStylePolicy(): Violation[] {
  if (!document.querySelector('meta[http-equiv="Content-Security-Policy"]')) {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
  }
  return [];
}

function watchViolations(target: Document, into: Violation[]): () => void {
  const record = (e: SecurityPolicyViolationEvent) =>
    into.push({ directive: e.effectiveDirective, blocked: e.blockedURI, where: e.sample });
  target.addEventListener('securitypolicyviolation', record);
  return () => target.removeEventListener('securitypolicyviolation', record);
}

function pipButtonOf(el: MediaRoom): PipButton {
  const button = callRoot(el)?.querySelector('pip-button');
  if (!button) throw new Error('no <pip-button> in the control bar');
  return button;
}

/** A real click (user activation) in the middle of an element of this page. */
async function click(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
  });
}

/** The next `pip-change` on `el`, or a failure saying what the session reported instead. */
function nextChange(el: MediaRoom): Promise<PipChangeEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      el.removeEventListener('pip-change', done);
      const error = el.store.get().error;
      reject(new Error(`no pip-change within 20 s (error: ${error?.code} ${error?.detail ?? ''})`));
    }, 20_000);
    const done = (e: Event) => {
      clearTimeout(timer);
      resolve(e as PipChangeEvent);
    };
    el.addEventListener('pip-change', done, { once: true });
  });
}

function pipWindow(): Window {
  const win = window.documentPictureInPicture?.window;
  if (!win) throw new Error('no picture-in-picture window');
  return win;
}

function pipTile(which: 'main' | 'self'): ParticipantTile | null {
  return pipWindow().document.querySelector<ParticipantTile>(`participant-tile.${which}`);
}

function videoOf(tile: Element | null): HTMLVideoElement | null {
  return tile?.shadowRoot?.querySelector<HTMLVideoElement>('video') ?? null;
}

function cameraOf(el: MediaRoom, identity: string): RemoteTrackPublication | undefined {
  return el.room.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Camera);
}

async function shot(name: string): Promise<void> {
  if (!checkIn('pip-screenshot')) return;
  const saved = await executeServerCommand('pip-screenshot', { name, ...PIP_SIZE });
  expect(saved, `screenshot ${SHOTS}/${name}.png`).to.equal(true);
}

/**
 * The page's own visibility as livekit-client reads it (a headless page is never hidden): the
 * tab put in the background, as when the user switches tabs while the call is in PiP.
 */
function setPageHidden(hidden: boolean): void {
  if (hidden) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  } else {
    delete (document as unknown as Record<string, unknown>).visibilityState;
    delete (document as unknown as Record<string, unknown>).hidden;
  }
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('picture-in-picture against a real livekit-server (Document Picture-in-Picture)', () => {
  const live = useLiveHooks();

  afterEach(async () => {
    setPageHidden(false);
    window.documentPictureInPicture?.window?.close();
    await Promise.all(voices.splice(0).map((voice) => voice.close()));
  });

  it('opens from the button with the speaker large and you small, decoded, styled under a strict CSP; mic from the window, the speaker followed, kept while the tab is hidden, and all put back on closing', async function () {
    this.timeout(180_000);
    const room = uniqueRoom('pip');
    const el = await mountCall(room, { audio: false, video: true });
    const violations = strictStylePolicy();
    const offMain = watchViolations(document, violations);
    const ada: Room = await joinPeer(room, 'ada', { camera: true, microphone: false });
    const bob: Room = await joinPeer(room, 'bob', { camera: true, microphone: false });
    live.peers.push(ada, bob);
    await waitForValue(() => videoOf(tileOf(el, 'bob')), "bob's tile in the page", 20_000);
    const adaVoice = await speak(ada);
    await waitFor(() => (el.store.get().speakerRecency.get('ada') ?? 0) > 0, 'ada speaks', 30_000);
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets');

    // Opened by a real click on the control bar's button (the browser asks for a user gesture).
    const button = pipButtonOf(el);
    const base = button.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
    expect(base.getAttribute('aria-pressed')).to.equal('false');
    expect(base.getAttribute('aria-label')).to.equal('Picture-in-picture');
    const opened = nextChange(el);
    await click(base);
    const open = await opened;
    expect([open.open, open.mode]).to.deep.equal([true, 'document']);
    await waitFor(() => base.getAttribute('aria-pressed') === 'true', 'pressed while open');
    const win = pipWindow();
    const offPip = watchViolations(win.document, violations);
    expect(win.document.documentElement.lang).to.equal('en');

    // The speaker large, yourself small, both decoding in the window.
    const main = await waitForValue(() => pipTile('main'), 'the large tile');
    await waitFor(() => main.identity === 'ada', 'ada, the speaker, large', 20_000);
    const self = pipTile('self')!;
    expect(self.identity).to.equal('me');
    const mainVideo = await waitForValue(() => videoOf(main), "ada's video in the window", 20_000);
    await waitFor(() => mainVideo.videoWidth > 0, "ada's video plays in the window", 20_000);
    expect(await isDecoding(mainVideo), "ada's video decodes in the window").to.equal(true);
    const selfVideo = await waitForValue(() => videoOf(self), 'your video in the window', 20_000);
    await waitFor(() => selfVideo.videoWidth > 0, 'your own video plays in the window', 20_000);
    expect(mainVideo.ownerDocument).to.equal(win.document);

    // Styled: the elements' own stylesheets reached their shadow roots in the window.
    const bar = win.document.querySelector('control-bar')!;
    const mic = await waitForValue(
      () =>
        bar.shadowRoot
          ?.querySelector('track-toggle[source="microphone"]')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('button'),
      'the microphone toggle in the window',
    );
    expect(win.getComputedStyle(mic).minHeight, 'control styles in the window').to.equal('40px');
    const tileBase = main.shadowRoot!.querySelector('[part="base"]')!;
    expect(win.getComputedStyle(tileBase).overflow, 'tile styles in the window').to.equal('hidden');
    expect(main.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(
      main.shadowRoot!.adoptedStyleSheets.every(
        (s) => s instanceof (win as typeof window).CSSStyleSheet,
      ),
    ).to.equal(true);
    await shot('open-speaker-ada');

    // The tab hidden: the page's tiles no longer count (bob's camera is paused), the window's do.
    setPageHidden(true);
    await waitFor(
      () => cameraOf(el, 'bob')?.isEnabled === false,
      "bob's camera (only in the hidden page) is paused",
      30_000,
    );
    expect(cameraOf(el, 'ada')?.isEnabled, "ada's camera (in the window) stays on").to.equal(true);
    expect(await isDecoding(mainVideo), "ada's video still decodes in the window").to.equal(true);
    setPageHidden(false);
    await waitFor(() => cameraOf(el, 'bob')?.isEnabled === true, 'bob back on', 30_000);

    // The speaker changes: ada goes quiet, bob speaks.
    await ada.localParticipant.unpublishTrack(adaVoice);
    await speak(bob);
    await waitFor(() => main.identity === 'bob', 'bob, the new speaker, large', 30_000);
    await waitFor(
      () => (videoOf(main)?.videoWidth ?? 0) > 0,
      "bob's video plays in the window",
      20_000,
    );
    expect(await isDecoding(videoOf(main)!), "bob's video decodes in the window").to.equal(true);
    // The microphone toggled in the window: on, then muted, as the store and the page say.
    expect(el.store.get().local?.tracks.microphone, 'no microphone yet').to.equal(undefined);
    const pageMic = callRoot(el)!
      .querySelector('control-bar')!
      .shadowRoot!.querySelector('track-toggle[source="microphone"]')!
      .shadowRoot!.querySelector('button')!;
    mic.click();
    await waitFor(
      () => el.store.get().local?.tracks.microphone?.muted === false,
      'the store says the microphone is on',
      20_000,
    );
    await waitFor(() => mic.getAttribute('aria-pressed') === 'true', "the window's toggle is on");
    mic.click();
    await waitFor(
      () => el.store.get().local?.tracks.microphone?.muted !== false,
      'the store says the microphone is muted',
      20_000,
    );
    await waitFor(() => pageMic.getAttribute('aria-pressed') === 'false', "the page's toggle too");
    await waitFor(() => mic.getAttribute('aria-pressed') === 'false', "the window's toggle too");
    await shot('speaker-bob-mic-muted');

    // Closed as the user does (the window's close button): everything back in the page.
    const closed = nextChange(el);
    win.close();
    const shut = await closed;
    expect([shut.open, shut.mode]).to.deep.equal([false, undefined]);
    expect(el.session.pictureInPicture.$state.get()).to.equal('closed');
    await waitFor(() => base.getAttribute('aria-pressed') === 'false', 'not pressed once closed');
    expect(mainVideo.isConnected, "the window's tiles are gone").to.equal(false);
    const adaTrack = cameraOf(el, 'ada')!.videoTrack!;
    expect(
      adaTrack.attachedElements.every((v) => v.ownerDocument === document),
      'no video of the window stays attached',
    ).to.equal(true);
    expect(
      Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets'),
      'the stylesheet bridge is taken down',
    ).to.deep.equal(descriptor);
    const bobInPage = await waitForValue(
      () => videoOf(tileOf(el, 'bob')),
      "bob's tile in the page",
    );
    await waitFor(() => bobInPage.videoWidth > 0, "bob's video plays in the page", 20_000);
    expect(await isDecoding(bobInPage), "bob's video decodes in the page").to.equal(true);
    offPip();
    offMain();
    expect(violations, 'no CSP violation').to.deep.equal([]);
  });

  it('Leave in the window leaves the call and closes it; the button closes it too', async function () {
    this.timeout(120_000);
    const room = uniqueRoom('pip-leave');
    const el = await mountCall(room, { audio: false, video: true });
    const peer = await joinPeer(room, 'ada', { camera: true, microphone: false });
    live.peers.push(peer);
    await waitForValue(() => tileOf(el, 'ada'), "ada's tile in the page", 20_000);
    const base = pipButtonOf(el).shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;

    // Open and close with the button.
    let change = nextChange(el);
    await click(base);
    expect((await change).open).to.equal(true);
    const first = pipWindow();
    change = nextChange(el);
    await click(base);
    expect((await change).open).to.equal(false);
    await waitFor(() => first.closed, 'the window is closed');

    // Open again and leave from the window.
    change = nextChange(el);
    await click(base);
    expect((await change).open).to.equal(true);
    const win = pipWindow();
    await waitFor(() => pipTile('main')?.identity === 'ada', 'ada large');
    const leave = await waitForValue(
      () =>
        win.document
          .querySelector('control-bar')
          ?.shadowRoot?.querySelector('leave-button')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('button:not([disabled])'),
      'the Leave button in the window',
    );
    change = nextChange(el);
    leave.click();
    expect((await change).open).to.equal(false);
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left the call');
    await waitFor(() => win.closed, 'the window is closed');
  });

  it('shows the tile pinned in the page large, and the speaker again once unpinned', async function () {
    this.timeout(120_000);
    const room = uniqueRoom('pip-pin');
    const el = await mountCall(room, { audio: false, video: false });
    const ada = await joinPeer(room, 'ada', { camera: true, microphone: false });
    const bob = await joinPeer(room, 'bob', { camera: true, microphone: false });
    live.peers.push(ada, bob);
    await speak(ada);
    await waitFor(() => (el.store.get().speakerRecency.get('ada') ?? 0) > 0, 'ada speaks', 30_000);
    const base = pipButtonOf(el).shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
    const change = nextChange(el);
    await click(base);
    expect((await change).open).to.equal(true);
    const main = await waitForValue(() => pipTile('main'), 'the large tile');
    await waitFor(() => main.identity === 'ada', 'ada, the speaker, large');

    // Pinned in the page's grid (its Pin button): large in the window while ada speaks on.
    const pin = () =>
      tileOf(el, 'bob')!.shadowRoot!.querySelector<HTMLButtonElement>('[part="pin-button"]')!;
    pin().click();
    await waitFor(() => main.identity === 'bob', 'bob, pinned, large', 10_000);
    await waitFor(() => (videoOf(main)?.videoWidth ?? 0) > 0, "bob's video in the window", 20_000);
    expect(await isDecoding(videoOf(main)!), "bob's video decodes in the window").to.equal(true);
    await waitFor(() => !!tileOf(el, 'bob')?.hasAttribute('pinned'), 'pinned in the page');
    pin().click();
    await waitFor(() => main.identity === 'ada', 'the speaker again once unpinned', 10_000);
    const closed = nextChange(el);
    pipWindow().close();
    expect((await closed).open).to.equal(false);
  });

  itIn(
    "falls back to the video's own picture-in-picture (as in Safari): the speaker's video, and back",
    async function () {
      this.timeout(120_000);
      const room = uniqueRoom('pip-video');
      const el = await mountCall(room, { audio: false, video: false });
      const ada = await joinPeer(room, 'ada', { camera: true, microphone: false });
      live.peers.push(ada);
      await speak(ada);
      await waitForValue(() => videoOf(tileOf(el, 'ada')), "ada's video in the page", 20_000);
      await waitFor(
        () => (el.store.get().speakerRecency.get('ada') ?? 0) > 0,
        'ada speaks',
        30_000,
      );
      const button = pipButtonOf(el);
      // The mode a browser without Document Picture-in-Picture gets, asked for from a real click.
      const trigger = document.createElement('button');
      trigger.textContent = 'video PiP';
      document.body.append(trigger);
      const done = new Promise<void>((resolve, reject) =>
        trigger.addEventListener(
          'click',
          () =>
            el.session.openPictureInPicture({ from: button, mode: 'video' }).then(resolve, reject),
          { once: true },
        ),
      );
      try {
        const change = nextChange(el);
        await click(trigger);
        await done;
        const open = await change;
        expect([open.open, open.mode]).to.deep.equal([true, 'video']);
        const video = document.pictureInPictureElement as HTMLVideoElement;
        expect(video, 'a video is in picture-in-picture').to.be.instanceOf(HTMLVideoElement);
        const track = (video.srcObject as MediaStream).getVideoTracks()[0];
        expect(track, "ada's camera").to.equal(cameraOf(el, 'ada')!.videoTrack!.mediaStreamTrack);
        expect(await isDecoding(video)).to.equal(true);
        const closed = nextChange(el);
        await document.exitPictureInPicture();
        expect((await closed).open).to.equal(false);
        expect(video.isConnected, 'its video is taken out of the page').to.equal(false);
        expect(el.session.pictureInPicture.$state.get()).to.equal('closed');
      } finally {
        trigger.remove();
      }
    },
  );
});
