import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Track } from 'livekit-client';
import type { AudioVisualizer } from '../../src/components/audio-visualizer/audio-visualizer.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { RoomAudio } from '../../src/components/room-audio/room-audio.js';
import '../../src/components/audio-visualizer/audio-visualizer.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/room-audio/room-audio.js';
import { joinPeer, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

/** A `<media-room>` with a `<room-audio>` and a visualiser for `peer`, joined as `identity`. */
async function mountWithAudio(room: string, identity: string, peer: string) {
  const el = await fixture<MediaRoom>(html`
    <media-room token-url="/api/rooms/${room}/join" identity=${identity}>
      <room-audio></room-audio>
      <audio-visualizer identity=${peer}></audio-visualizer>
    </media-room>
  `);
  await waitUntil(() => el.store.get().connection.phase === 'connected', 'connects', {
    timeout: 20_000,
  });
  const audio = el.querySelector<RoomAudio>('room-audio')!;
  const visualizer = el.querySelector<AudioVisualizer>('audio-visualizer')!;
  const elements = () => [...audio.shadowRoot!.querySelectorAll('audio')];
  return { el, audio, visualizer, elements };
}

describe('<room-audio> and <audio-visualizer> against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it("plays a peer's microphone in one <audio> element, and none after the peer leaves", async () => {
    const room = uniqueRoom('audio');
    const { el, audio, elements } = await mountWithAudio(room, 'alice', 'bob');
    const peer = await joinPeer(room, 'bob', { microphone: true });
    peers.push(peer);

    await waitFor(() => elements().length === 1, 'one audio element for bob');
    const element = elements()[0]!;
    const micSid = peer.localParticipant.getTrackPublication(Track.Source.Microphone)!.trackSid;
    expect(element.dataset.sid).to.equal(micSid);
    expect(element.srcObject).to.be.instanceOf(MediaStream);
    const [received] = (element.srcObject as MediaStream).getAudioTracks();
    const subscribed = el.store.get().participants.get('bob')!.tracks.microphone!;
    expect(received).to.equal(subscribed.publication.track!.mediaStreamTrack);
    await waitFor(() => !element.paused, 'playing');
    expect(element.muted).to.equal(false);
    expect(element.volume).to.equal(1);
    await expect(audio).to.be.accessible();

    // Deafen: the element is silenced, the subscription stays.
    audio.muted = true;
    await audio.updateComplete;
    expect(element.muted || element.volume === 0, 'silenced').to.equal(true);
    expect(elements()).to.have.length(1);
    audio.muted = false;
    await audio.updateComplete;
    expect(element.volume).to.equal(1);

    await peer.disconnect();
    await waitFor(() => elements().length === 0, 'no audio element after bob left');
    expect(element.srcObject, 'stream let go').to.equal(null);
    await el.leave();
  });

  it("shows a non-zero level from the peer's fake microphone, and stops on leaving", async () => {
    const room = uniqueRoom('level');
    const { el, visualizer } = await mountWithAudio(room, 'alice', 'carol');
    peers.push(await joinPeer(room, 'carol', { microphone: true }));
    await waitFor(() => visualizer.active, 'measuring carol', 15_000);

    // Chromium's fake microphone beeps: watch every frame for a few seconds.
    let peak = 0;
    const end = performance.now() + 8000;
    while (performance.now() < end && peak === 0) {
      peak = Math.max(peak, visualizer.level);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    expect(peak, 'a level above zero').to.be.greaterThan(0);
    await expect(visualizer).to.be.accessible();

    await el.leave();
    await waitFor(() => !visualizer.active, 'stopped after leaving');
    expect(visualizer.level).to.equal(0);
  });
});
