import { expect } from '@open-wc/testing';
import { LocalVideoTrack, Track } from 'livekit-client';
import {
  joinPeer,
  mountRoom,
  tileOf,
  uniqueRoom,
  waitFor,
  waitForValue,
  useLiveHooks,
  callRoot,
} from '../helpers/live.js';

/** A canvas that keeps drawing, published as a screen share. */
function canvasScreen(): LocalVideoTrack {
  const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  const timer = setInterval(() => {
    ctx.fillStyle = frame % 2 ? '#1e293b' : '#f8fafc';
    ctx.fillRect(0, 0, 640, 360);
    frame += 1;
  }, 100);
  const track = new LocalVideoTrack(canvas.captureStream(10).getVideoTracks()[0]!);
  track.mediaStreamTrack.addEventListener('ended', () => clearInterval(timer));
  return track;
}

describe('the default call UI against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('renders the layout, the controls and the room audio, and the speaking ring follows a real microphone', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    const root = el.shadowRoot!;
    expect(callRoot(el)!.querySelector('layout-grid'), 'layout').to.not.equal(null);
    expect(callRoot(el)!.querySelector('control-bar'), 'controls').to.not.equal(null);
    expect(root.querySelector('room-audio'), 'audio').to.not.equal(null);

    // Chromium's fake microphone beeps: the SFU reports the peer as speaking.
    peers.push(await joinPeer(room, 'talker', { camera: true, microphone: true }));
    await waitFor(() => !!tileOf(el, 'talker'), 'a tile for the talker');
    await waitFor(
      () => tileOf(el, 'talker')!.matches(':state(speaking)'),
      'the speaking ring lights up',
      20_000,
    );
    expect(el.store.get().activeSpeakers).to.include('talker');
    const audio = root.querySelector('room-audio')!.shadowRoot!.querySelectorAll('audio');
    expect(audio.length, 'the talker is heard').to.equal(1);
    await el.leave();
  });

  it('focuses a screen share as soon as it arrives', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    const presenter = await joinPeer(room, 'presenter', { camera: true });
    peers.push(presenter);
    await waitFor(() => !!tileOf(el, 'presenter'), 'the presenter appears');
    const screen = canvasScreen();
    await presenter.localParticipant.publishTrack(screen, { source: Track.Source.ScreenShare });

    const grid = callRoot(el)!.querySelector('layout-grid')!;
    const focused = () =>
      grid.shadowRoot!.querySelector<HTMLElement>(
        '[part="main"] participant-tile[source="screen_share"]',
      );
    await waitFor(() => !!focused(), 'the screen share takes the large area');
    expect(focused()!.getAttribute('identity')).to.equal('presenter');
    // The tile builds its <video> once the share's video arrives.
    const video = await waitForValue(
      () => focused()?.shadowRoot?.querySelector('video'),
      'the screen share video',
      20_000,
    );
    await waitFor(() => video.videoWidth > 0, 'the screen share plays');
    await expect(el).to.be.accessible();

    await presenter.localParticipant.unpublishTrack(screen);
    await waitFor(() => !focused(), 'back to the grid when the share ends');
    await el.leave();
  });
});
