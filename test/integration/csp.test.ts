import { expect } from '@open-wc/testing';
import { ExternalE2EEKeyProvider, Room, RoomEvent, Track } from 'livekit-client';
import { itIn } from '../engines.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import {
  isDecoding,
  joinPeer,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
  callRoot,
  tokenFor,
} from '../helpers/live.js';

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
  /** the element refused (with its shadow host), for the report */
  element: string;
}

type ProbedWindow = Window & { __violations?: Violation[]; __errors?: string[] };

/** An iframe showing `page`, resolved once it has loaded. */
async function frameOf(page: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '700px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
  frame.src = page;
  document.body.append(frame);
  await loaded;
  return frame;
}

/**
 * The CDN bundle's full default UI in a page served with a strict Content-Security-Policy (no
 * 'unsafe-inline' styles or scripts, no eval; test/server/test-routes.ts `csp-page`): a probe
 * script loaded before the bundle records every `securitypolicyviolation`.
 */
describe('the full UI under a strict Content-Security-Policy', () => {
  const live = useLiveHooks();
  let frame: HTMLIFrameElement | undefined;

  afterEach(() => {
    frame?.remove();
    frame = undefined;
  });

  it('joins, shows a remote camera, chat, participant list and a reaction with no CSP violation', async () => {
    const room = uniqueRoom('csp');
    frame = await frameOf(`/test-api/csp-page/${room}`);
    const win = frame.contentWindow as ProbedWindow;
    const doc = frame.contentDocument!;
    expect(win.__violations, 'the probe ran before the bundle').to.be.an('array');
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));

    await waitFor(() => !!win.customElements.get('media-room'), 'media-room defined');
    const el = doc.querySelector('media-room') as MediaRoom;
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);

    const peer = await joinPeer(room, 'csp-peer');
    live.peers.push(peer);
    const received: string[] = [];
    peer.registerTextStreamHandler('lk.chat', async (reader) => {
      received.push(await reader.readAll());
    });

    // The remote tile shows and its camera plays.
    const tile = await waitForValue(() => tileOf(el, 'csp-peer'), 'the remote tile', 20_000);
    const video = await waitForValue(
      () => tile.shadowRoot?.querySelector('video'),
      'the remote video element',
      20_000,
    );
    await waitFor(() => video.videoWidth > 0, 'the remote camera plays', 20_000);
    expect(await isDecoding(video), 'the remote camera decodes').to.equal(true);

    const bar = callRoot(el)!.querySelector('control-bar')!;
    const toggle = (tag: string) => bar.querySelector(tag)!.shadowRoot!.querySelector('button')!;

    // The participant list, through its toggle.
    toggle('participants-toggle').click();
    const list = callRoot(el)!.querySelector('participant-list')!;
    await waitFor(() => !list.hidden, 'the participant list opens');
    await waitFor(
      () => !!list.shadowRoot!.querySelector('li[data-identity="csp-peer"]'),
      'the peer is listed',
    );

    // The chat, through its toggle: a message each way, one with a link.
    toggle('chat-toggle').click();
    const panel = callRoot(el)!.querySelector('chat-panel')!;
    await waitFor(() => !panel.hidden, 'the chat opens');
    const input = await waitForValue(
      () => panel.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea:not([disabled])'),
      'the chat input is ready',
    );
    input.value = 'Hello under CSP';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await panel.updateComplete;
    panel.shadowRoot!.querySelector<HTMLButtonElement>('button[part="send"]')!.click();
    await waitFor(() => received.includes('Hello under CSP'), 'the peer receives the message');
    await peer.localParticipant.sendText('see https://example.test/a', { topic: 'lk.chat' });
    const messages = () => panel.shadowRoot!.querySelectorAll('[part~="message"]');
    await waitFor(() => messages().length === 2, 'both messages shown');
    expect(panel.shadowRoot!.querySelector('a[part="link"]')?.textContent).to.equal(
      'https://example.test/a',
    );

    // A reaction: the popover (Floating UI positions it) and the floating emoji on the tile.
    const reactions = bar.querySelector('reaction-button')!;
    reactions.shadowRoot!.querySelector<HTMLButtonElement>('button[part~="base"]')!.click();
    const emoji = await waitForValue(
      () => reactions.shadowRoot!.querySelector<HTMLButtonElement>('[part="emoji"]'),
      'the reaction popover opens',
    );
    emoji.click();
    await peer.localParticipant.publishData(new TextEncoder().encode('👍'), {
      topic: 'mr.reaction',
      reliable: true,
    });
    await waitFor(
      () => !!tile.shadowRoot!.querySelector('[part="reaction"]'),
      'the peer’s reaction floats over its tile',
    );

    // Give late violations (they are reported asynchronously) time to arrive. A fixed window on
    // purpose: this proves none comes, and there is no event to wait for.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win.__violations, 'no CSP violation').to.deep.equal([]);
    expect(errors, 'no uncaught error in the page').to.deep.equal([]);

    // The probe does catch a violation: a style attribute from markup is refused.
    const div = doc.createElement('div');
    div.setAttribute('style', 'color: red');
    doc.body.append(div);
    await waitFor(() => (win.__violations?.length ?? 0) > 0, 'the probe reports a violation');
    expect(win.__violations![0]!.directive).to.match(/^style-src/);
    await el.leave();
  });

  it("encrypts end to end with a passphrase given by a same-origin script: the worker runs under worker-src 'self', with no CSP violation", async () => {
    const room = uniqueRoom('csp');
    const passphrase = 'a passphrase under CSP';
    frame = await frameOf(`/test-api/csp-page/${room}?e2ee=${encodeURIComponent(passphrase)}`);
    const win = frame.contentWindow as ProbedWindow;
    const doc = frame.contentDocument!;
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    const el = await waitForValue(
      () => doc.querySelector<MediaRoom>('media-room'),
      'the element made by the same-origin script',
    );
    await waitFor(() => el.store?.get().connection.phase === 'connected', 'connected', 20_000);
    // livekit-client's worker says when the local media is encrypted (after connecting).
    await waitFor(() => el.store.get().encryption.enabled, 'its media is encrypted');

    // A peer holding the same passphrase: its camera decodes in the page (the worker runs).
    const keyProvider = new ExternalE2EEKeyProvider();
    await keyProvider.setKey(passphrase);
    const worker = new Worker('/src/assets/e2ee-worker.js', { type: 'module' });
    const peer = new Room({ encryption: { keyProvider, worker } });
    peer.once(RoomEvent.Disconnected, () => worker.terminate());
    live.peers.push(peer);
    await peer.setE2EEEnabled(true);
    const { token, url } = await tokenFor(room, 'csp-e2ee-peer');
    await peer.connect(url, token);
    await peer.localParticipant.setCameraEnabled(true);

    const tile = await waitForValue(() => tileOf(el, 'csp-e2ee-peer'), 'the remote tile', 20_000);
    const video = await waitForValue(
      () => tile.shadowRoot?.querySelector('video'),
      'the remote video element',
      20_000,
    );
    await waitFor(() => video.videoWidth > 0, 'the encrypted camera plays', 20_000);
    // Bounded: its first frames may reach the decoder before the decryptor knows it encrypts.
    let decoding = false;
    for (let attempt = 0; attempt < 5 && !decoding; attempt += 1)
      decoding = await isDecoding(video);
    expect(decoding, 'the encrypted camera decodes').to.equal(true);
    expect(callRoot(el)!.querySelector('[part="encryption"]'), 'the badge').not.to.equal(null);
    expect(doc.documentElement.outerHTML).not.to.contain(passphrase);

    // Late violations are reported asynchronously: a fixed window, as above.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win.__violations, 'no CSP violation').to.deep.equal([]);
    expect(errors, 'no uncaught error in the page').to.deep.equal([]);
    await el.leave();
  });
  // Background effects: MediaPipe's WebAssembly, its loader script, the model and our images, all
  // from the page's own origin, under the same policy (which allows 'wasm-unsafe-eval').
  itIn(
    'blurs and replaces the background with no CSP violation and nothing from another origin',
    async function () {
      this.timeout(90_000);
      const room = uniqueRoom('csp-bg');
      frame = await frameOf(`/test-api/csp-page/${room}?video`);
      const win = frame.contentWindow as ProbedWindow;
      const doc = frame.contentDocument!;
      const errors: string[] = [];
      win.addEventListener('error', (e) => errors.push(e.message));
      win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
      await waitFor(() => !!win.customElements.get('media-room'), 'media-room defined');
      const el = doc.querySelector('media-room') as MediaRoom;
      await waitFor(
        () => !!el.room.localParticipant.getTrackPublication(Track.Source.Camera),
        'the camera is published',
        20_000,
      );
      const sid = el.room.localParticipant.getTrackPublication(Track.Source.Camera)!.trackSid;
      await el.session.setBackground({ type: 'blur' });
      await waitFor(
        () => el.session.background.$state.get().status === 'on',
        'the blur is on',
        60_000,
      );
      const camera = el.room.localParticipant.getTrackPublication(Track.Source.Camera)!;
      expect(camera.track?.getProcessor()?.name, 'the camera is processed').to.equal(
        'background-effect',
      );
      await el.session.setBackground({ type: 'image', id: 'ocean' });
      await waitFor(
        () => el.session.background.$state.get().status === 'on',
        'the image is on',
        30_000,
      );
      expect(camera.trackSid, 'the same publication').to.equal(sid);
      // Everything the page loaded came from its own origin.
      const resources = win.performance.getEntriesByType('resource').map((r) => r.name);
      expect(
        resources.some((r) => r.endsWith('.wasm')),
        'the WebAssembly was loaded',
      ).to.equal(true);
      expect(
        resources.some((r) => r.endsWith('/selfie_segmentation.tflite')),
        'the model',
      ).to.equal(true);
      expect(resources.filter((r) => new URL(r).origin !== win.location.origin)).to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 500)); // late reports (see above)
      expect(win.__violations, 'no CSP violation').to.deep.equal([]);
      expect(errors, 'no uncaught error in the page').to.deep.equal([]);
      await el.leave();
    },
  );

  it('voice processing: the AudioWorklets and RNNoise (wasm) run from the package with no violation', async () => {
    const room = uniqueRoom('csp-voice');
    frame = await frameOf(`/test-api/csp-page/${room}`);
    const win = frame.contentWindow as ProbedWindow;
    const doc = frame.contentDocument!;
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    await waitFor(() => !!win.customElements.get('media-room'), 'media-room defined');
    const el = doc.querySelector('media-room') as MediaRoom;
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);

    // The gate on, RNNoise not yet (it is turned on live below, as a user does in the menu).
    await el.session.setVoiceProcessing({ suppressor: false, inputSensitivity: -90 });
    // A known input, made in the page: a 440 Hz tone over white noise (RNNoise keeps the tone).
    // Chromium's fake microphone is mostly silence between beeps, which RNNoise takes away.
    const ctx = new (win as unknown as typeof globalThis).AudioContext();
    await ctx.resume();
    const noise = ctx.createBuffer(1, ctx.sampleRate, ctx.sampleRate);
    const samples = noise.getChannelData(0);
    for (let i = 0; i < samples.length; i += 1) samples[i] = (Math.random() * 2 - 1) * 0.05;
    const noiseSource = ctx.createBufferSource();
    noiseSource.buffer = noise;
    noiseSource.loop = true;
    const tone = ctx.createOscillator();
    const toneGain = ctx.createGain();
    toneGain.gain.value = 0.3;
    const destination = ctx.createMediaStreamDestination();
    tone.connect(toneGain).connect(destination);
    noiseSource.connect(destination);
    tone.start();
    noiseSource.start();
    await el.session.room.localParticipant.publishTrack(destination.stream.getAudioTracks()[0]!, {
      source: Track.Source.Microphone,
    });
    const mic = await waitForValue(
      () => el.session.room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track,
      'the microphone is published',
    );
    await waitFor(() => mic.getProcessor()?.name === 'media-room-voice', 'processed', 20_000);
    /** The processed microphone sounds (or a violation or a failure says why not). */
    const sounds = (what: string) =>
      waitFor(
        () =>
          (el.session.voice.level() ?? 0) > 0.01 ||
          el.session.voice.$failed.get() ||
          (win.__violations?.length ?? 0) > 0,
        what,
        20_000,
      );
    await sounds('the gated microphone sounds');

    // RNNoise turned on live: its worklet and wasm load while the gate runs, and the tone comes out
    // of both, read after 0.2 s more of audio than the meter holds from before.
    await el.session.setVoiceProcessing({ suppressor: true });
    const turnedOn = ctx.currentTime;
    await waitFor(() => ctx.currentTime > turnedOn + 0.2, 'the audio clock runs on');
    await sounds('the suppressed microphone sounds');
    expect(win.__violations, 'no CSP violation').to.deep.equal([]);
    expect(el.session.voice.$failed.get()).to.equal(false);
    expect(el.session.voice.level(), 'the tone comes out of RNNoise').to.be.above(0.01);
    const fetched = win.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(
      fetched.some((url) => /\/assets\/voice\/rnnoise(_simd)?\.wasm$/.test(url)),
      'RNNoise loaded',
    ).to.equal(true);

    // Late violations are reported asynchronously: a fixed window, as above.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win.__violations, 'no CSP violation').to.deep.equal([]);
    expect(errors, 'no uncaught error in the page').to.deep.equal([]);
    await el.leave();
    await ctx.close();
    localStorage.removeItem('media-room-elements:voice');
  });
});
