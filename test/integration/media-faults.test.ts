import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import { joinPeer, tileOf, uniqueRoom, useLiveHooks, waitFor, callRoot } from '../helpers/live.js';
import { itIn } from '../engines.js';

type Gum = MediaDevices['getUserMedia'];

/**
 * The browser's answers to a page whose camera or microphone is blocked or missing: getUserMedia
 * rejects as Chromium does (NotAllowedError, NotFoundError). Only the browser API is replaced;
 * the elements, livekit-client and the SFU are real.
 */
function refuse(kinds: { video?: string; audio?: string }): () => void {
  const devices = navigator.mediaDevices;
  const real: Gum = devices.getUserMedia.bind(devices);
  devices.getUserMedia = (async (constraints?: MediaStreamConstraints) => {
    if (constraints?.video && kinds.video) throw new DOMException('refused', kinds.video);
    if (constraints?.audio && kinds.audio) throw new DOMException('refused', kinds.audio);
    return real(constraints);
  }) as Gum;
  return () => {
    devices.getUserMedia = real;
  };
}

async function mount(room: string, identity: string): Promise<MediaRoom> {
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      audio
      video
      style="height: 32rem"
      token-url="/api/rooms/${room}/join"
      identity=${identity}
    ></media-room>
  `);
  await waitFor(() => el.store.get().connection.phase === 'connected', 'joined', 20_000);
  return el;
}

const notice = (el: MediaRoom) =>
  el.shadowRoot!.querySelector('[part="notice-message"]')?.textContent ?? '';
const published = (el: MediaRoom, source: Track.Source) =>
  !!el.room.localParticipant.getTrackPublication(source)?.track;
const toggle = (el: MediaRoom, source: string) =>
  callRoot(el)!
    .querySelector('control-bar')!
    .shadowRoot!.querySelector(`track-toggle[source="${source}"]`)!;

describe('media faults against a real livekit-server', () => {
  const { peers } = useLiveHooks();
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('a denied camera: joins with the microphone, says why, and recovers when allowed', async () => {
    restore = refuse({ video: 'NotAllowedError' });
    const room = uniqueRoom('nocam');
    const el = await mount(room, 'alice');
    await waitFor(() => published(el, Track.Source.Microphone), 'the microphone is published');
    expect(published(el, Track.Source.Camera)).to.equal(false);
    await waitFor(() => notice(el).includes('Camera access was denied'), 'told why');
    const camera = toggle(el, 'camera');
    await waitFor(() => camera.matches(':state(error)'), 'the camera toggle shows the error');

    // Allowed now: the camera toggle turns it on.
    restore();
    restore = undefined;
    camera.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => published(el, Track.Source.Camera), 'the camera is published');
    await waitFor(() => !camera.matches(':state(error)'), 'the error is gone from the toggle');
    await el.leave();
  });

  it('a denied microphone: joins with the camera, says why, and recovers when allowed', async () => {
    restore = refuse({ audio: 'NotAllowedError' });
    const room = uniqueRoom('nomic');
    const el = await mount(room, 'alice');
    await waitFor(() => published(el, Track.Source.Camera), 'the camera is published');
    expect(published(el, Track.Source.Microphone)).to.equal(false);
    await waitFor(() => notice(el).includes('Microphone access was denied'), 'told why');

    restore();
    restore = undefined;
    toggle(el, 'microphone').shadowRoot!.querySelector('button')!.click();
    await waitFor(() => published(el, Track.Source.Microphone), 'the microphone is published');
    await el.leave();
  });

  it('no devices at all: joins receive-only, says why, and still sees the others', async () => {
    restore = refuse({ video: 'NotFoundError', audio: 'NotFoundError' });
    const room = uniqueRoom('nodev');
    const el = await mount(room, 'alice');
    await waitFor(() => /No (camera|microphone)/.test(notice(el)), 'told why');
    expect(published(el, Track.Source.Camera)).to.equal(false);
    expect(published(el, Track.Source.Microphone)).to.equal(false);
    // The peer shares this page's browser: it gets its camera back.
    restore();
    restore = undefined;
    peers.push(await joinPeer(room, 'peer', { camera: true }));
    await waitFor(
      () => !!tileOf(el, 'peer')?.shadowRoot?.querySelector('video'),
      'the peer video is shown',
    );
    expect(el.store.get().connection.phase).to.equal('connected');
    await el.leave();
  });
});

describe('a device unplugged mid-call, against a real livekit-server', () => {
  useLiveHooks();

  itIn(
    'the camera ending mid-call: the call goes on and a live camera comes back (restarted, or turned on again)',
    async () => {
      const room = uniqueRoom('unplug');
      const el = await mount(room, 'alice');
      await waitFor(() => published(el, Track.Source.Camera), 'the camera is published');
      const before = el.room.localParticipant.getTrackPublication(Track.Source.Camera)!.track!;
      const first = before.mediaStreamTrack;
      // What the browser does when the device goes away: the track ends.
      first.stop();
      first.dispatchEvent(new Event('ended'));

      // livekit-client restarts the track on a device still there, or mutes it; either way the
      // call goes on and the camera toggle reflects it.
      await waitFor(() => {
        const pub = el.room.localParticipant.getTrackPublication(Track.Source.Camera);
        const live = pub?.track?.mediaStreamTrack.readyState === 'live' && !pub.isMuted;
        return live || !!pub?.isMuted || !pub;
      }, 'restarted or muted');
      expect(el.store.get().connection.phase).to.equal('connected');
      const camera = toggle(el, 'camera');
      const pub = () => el.room.localParticipant.getTrackPublication(Track.Source.Camera);
      if (!(pub()?.track?.mediaStreamTrack.readyState === 'live' && !pub()!.isMuted)) {
        await waitFor(() => !camera.matches(':state(on)'), 'the toggle shows it off');
        camera.shadowRoot!.querySelector('button')!.click();
      }
      await waitFor(
        () =>
          pub()?.track?.mediaStreamTrack.readyState === 'live' &&
          pub()!.track!.mediaStreamTrack !== first &&
          !pub()!.isMuted,
        'a live camera again',
      );
      await waitFor(() => camera.matches(':state(on)'), 'the toggle shows it on');
      await el.leave();
    },
  );
});
