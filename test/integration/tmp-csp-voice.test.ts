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

  it('voice processing: the AudioWorklets and RNNoise (wasm) run from the package with no violation', async () => {
    const room = uniqueRoom('csp-voice');
    frame = await frameOf(`/test-api/csp-page/${room}?nocsp`);
    const win = frame.contentWindow as ProbedWindow;
    const doc = frame.contentDocument!;
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(e.message));
    win.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
    await waitFor(() => !!win.customElements.get('media-room'), 'media-room defined');
    const el = doc.querySelector('media-room') as MediaRoom;
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);

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
    tone.frequency.value = 1000;
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
    for (let i = 0; i < 8; i++) {
      if (i === 4) await el.session.setVoiceProcessing({ suppressor: true });
      await new Promise((r) => setTimeout(r, 500));
      console.log('diag', i, el.session.voice.level(), ctx.state, (mic as unknown as { audioContext?: AudioContext }).audioContext?.state, (mic as unknown as { audioContext?: AudioContext }).audioContext?.sampleRate, mic.mediaStreamTrack.readyState, String(el.session.voice.$failed.get()));
    }
    // The gate and RNNoise run: the tone comes out of them (or a violation or a failure says why
    // not).
    await waitFor(
      () =>
        (el.session.voice.level() ?? 0) > 0.01 ||
        el.session.voice.$failed.get() ||
        (win.__violations?.length ?? 0) > 0,
      'the processed microphone sounds',
      20_000,
    );
    expect(win.__violations, 'no CSP violation').to.deep.equal([]);
    expect(el.session.voice.$failed.get()).to.equal(false);

    // Late violations are reported asynchronously: a fixed window, as above.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(win.__violations, 'no CSP violation').to.deep.equal([]);
    expect(errors, 'no uncaught error in the page').to.deep.equal([]);
    await el.leave();
    await ctx.close();
    localStorage.removeItem('media-room-elements:voice');
  });
});
