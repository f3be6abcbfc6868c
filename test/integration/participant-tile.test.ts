import { expect, fixture, html } from '@open-wc/testing';
import { LocalVideoTrack, Track, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import {
  disconnectAll,
  isDecoding,
  joinPeer,
  uniqueRoom,
  waitFor,
  watchForUncaught,
} from '../helpers/live.js';

/** A canvas that keeps drawing (a captured canvas only sends frames when it changes). */
function paintingCanvas() {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  const timer = setInterval(() => {
    frame++;
    ctx.fillStyle = `hsl(${(frame * 7) % 360} 70% 40%)`;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#fff';
    ctx.font = '48px sans-serif';
    ctx.fillText(`slide ${frame}`, 40, 200);
  }, 1000 / 15);
  return { canvas, stop: () => clearInterval(timer) };
}

describe('<participant-tile> against a real livekit-server', () => {
  let peers: Room[] = [];
  let uncaught: ReturnType<typeof watchForUncaught>;
  let painting: ReturnType<typeof paintingCanvas> | undefined;

  beforeEach(() => {
    peers = [];
    painting = undefined;
    uncaught = watchForUncaught();
  });

  afterEach(async () => {
    painting?.stop();
    await disconnectAll(peers);
    uncaught.stop();
    expect(uncaught.seen, 'no uncaught errors or unhandled rejections').to.deep.equal([]);
  });

  it('shows a peer’s screen share, decoding, contained, labelled as a screen', async () => {
    const room = uniqueRoom('screen');
    const peer = await joinPeer(room, 'peer', {});
    peers.push(peer);
    painting = paintingCanvas();
    const track = new LocalVideoTrack(painting.canvas.captureStream(15).getVideoTracks()[0]!);
    await peer.localParticipant.publishTrack(track, { source: Track.Source.ScreenShare });

    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        token-url="/api/rooms/${room}/join"
        identity="alice"
        style="width: 640px"
      >
        <participant-tile identity="peer" source="screen_share"></participant-tile>
      </media-room>
    `);
    await waitFor(
      () => !!el.store.get().participants.get('peer')?.tracks.screen_share?.subscribed,
      'screen share subscribed',
      20_000,
    );
    const tile = el.querySelector('participant-tile')!;
    await waitFor(() => !tile.matches(':state(video-off)'), 'video shown');
    const video = tile.shadowRoot!.querySelector('video')!;
    await waitFor(() => video.videoWidth > 0, 'video has frames');
    expect(await isDecoding(video)).to.equal(true);
    expect(getComputedStyle(video).objectFit).to.equal('contain');
    expect(video.classList.contains('mirrored')).to.equal(false);
    expect(tile.matches(':state(screen-share)')).to.equal(true);
    expect(tile.shadowRoot!.querySelector('[part="name"]')!.textContent).to.equal("peer's screen");
    expect(tile.shadowRoot!.querySelector('[part="avatar"]')).to.equal(null);
    await expect(tile).to.be.accessible();

    // Unpublished, the tile falls back to the screen icon and lets go of the video.
    await peer.localParticipant.unpublishTrack(track);
    await waitFor(() => tile.matches(':state(video-off)'), 'screen share gone');
    expect(tile.shadowRoot!.querySelector('[part="avatar"] svg')).to.not.equal(null);
    expect(video.srcObject).to.equal(null);
    track.stop();
    await el.leave();
  });
});
