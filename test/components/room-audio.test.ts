import { expect, fixture, html } from '@open-wc/testing';
import {
  ParticipantInfo,
  ParticipantInfo_State,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { Track, type RemoteAudioTrack, type RemoteParticipant } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/room-audio/room-audio.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

let version = 5000;
let nextSid = 1;

/** The SFU says `identity` published an audio track of `source` (other tracks kept as they are). */
function publishAudio(
  script: ScriptedRoom,
  identity: string,
  source: TrackSource = TrackSource.MICROPHONE,
): string {
  const p = script.remote(identity);
  const sid = `TR_audio_${nextSid++}`;
  const tracks = [...p.trackPublications.values()].map(
    (pub) =>
      new TrackInfo({
        sid: pub.trackSid,
        source: Track.sourceToProto(pub.source),
        type: pub.kind === Track.Kind.Audio ? TrackType.AUDIO : TrackType.VIDEO,
        muted: pub.isMuted,
        name: pub.trackName,
      }),
  );
  tracks.push(new TrackInfo({ sid, source, type: TrackType.AUDIO, name: 'audio' }));
  p.updateInfo(
    new ParticipantInfo({
      sid: p.sid,
      identity,
      name: p.name ?? '',
      state: ParticipantInfo_State.ACTIVE,
      tracks,
      version: version++,
    }),
  );
  return sid;
}

/** A tone as a MediaStreamTrack (no device, no server). */
function toneTrack(): { track: MediaStreamTrack; close: () => Promise<void> } {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  const track = destination.stream.getAudioTracks()[0]!;
  return { track, close: () => context.close() };
}

/** The SFU's media for `sid` arrives: livekit-client subscribes the publication to it. */
function subscribe(remote: RemoteParticipant, sid: string, media: MediaStreamTrack): void {
  (
    remote as unknown as {
      addSubscribedMediaTrack(t: MediaStreamTrack, sid: string, s: MediaStream, r: undefined): void;
    }
  ).addSubscribedMediaTrack(media, sid, new MediaStream([media]), undefined);
}

async function mount(remotes: number) {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(html`<media-room><room-audio></room-audio></media-room>`);
  el.room = script.room;
  const audio = el.querySelector('room-audio')!;
  await audio.updateComplete;
  const elements = () => [...audio.shadowRoot!.querySelectorAll('audio')];
  return { script, el, audio, elements };
}

describe('<room-audio> on a scripted room', () => {
  const tones: Array<{ close: () => Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(tones.splice(0).map((t) => t.close()));
  });

  function tone() {
    const t = toneTrack();
    tones.push(t);
    return t.track;
  }

  it('plays one <audio> per subscribed remote microphone and screen-share audio, shows nothing', async () => {
    const { script, audio, elements } = await mount(2);
    const [a, b] = script.identities;
    const micA = publishAudio(script, a!);
    const micB = publishAudio(script, b!);
    const screenB = publishAudio(script, b!, TrackSource.SCREEN_SHARE_AUDIO);
    expect(elements(), 'published but not subscribed: nothing to play').to.have.length(0);

    subscribe(script.remote(a!), micA, tone());
    subscribe(script.remote(b!), micB, tone());
    subscribe(script.remote(b!), screenB, tone());
    await waitFor(() => elements().length === 3, 'three audio elements');
    for (const element of elements()) {
      expect(element.srcObject, 'attached').to.be.instanceOf(MediaStream);
      expect(element.muted).to.equal(false);
    }
    expect(elements().map((e) => e.dataset.sid)).to.have.members([micA, micB, screenB]);
    expect(audio.getBoundingClientRect().height).to.equal(0);
    expect(getComputedStyle(audio).display).to.equal('none');
    await expect(audio).to.be.accessible();
    await script.room.disconnect();
  });

  it('detaches when unpublished, when the participant leaves and on disconnect', async () => {
    const { script, audio, elements } = await mount(2);
    const [a, b] = script.identities;
    const micA = publishAudio(script, a!);
    const micB = publishAudio(script, b!);
    subscribe(script.remote(a!), micA, tone());
    subscribe(script.remote(b!), micB, tone());
    await waitFor(() => elements().length === 2, 'two audio elements');
    const trackA = script.remote(a!).getTrackPublicationBySid(micA)!.track as RemoteAudioTrack;
    const first = elements().find((e) => e.dataset.sid === micA)!;

    script.remote(a!).unpublishTrack(micA);
    await waitFor(() => elements().length === 1, 'a unpublished');
    expect(trackA.attachedElements).to.have.length(0);
    expect(first.srcObject, 'stream let go').to.equal(null);

    const trackB = script.remote(b!).getTrackPublicationBySid(micB)!.track as RemoteAudioTrack;
    script.leave(b!);
    await waitFor(() => elements().length === 0, 'b left');
    expect(trackB.attachedElements).to.have.length(0);
    expect(audio.tracks).to.have.length(0);
    await script.room.disconnect();
  });

  it('lets go of every element when removed from the page, and attaches again when put back', async () => {
    const { script, el, audio, elements } = await mount(1);
    const [a] = script.identities;
    const mic = publishAudio(script, a!);
    subscribe(script.remote(a!), mic, tone());
    await waitFor(() => elements().length === 1, 'one audio element');
    const track = script.remote(a!).getTrackPublicationBySid(mic)!.track as RemoteAudioTrack;
    expect(track.attachedElements).to.have.length(1);
    audio.remove();
    expect(track.attachedElements).to.have.length(0);
    el.append(audio);
    await waitFor(() => track.attachedElements.length === 1, 'attached again');
    await script.room.disconnect();
    await waitFor(() => track.attachedElements.length === 0, 'detached on disconnect');
  });

  it('deafens with `muted` and applies per-participant volumes', async () => {
    const { script, audio, elements } = await mount(2);
    const [a, b] = script.identities;
    const micA = publishAudio(script, a!);
    const micB = publishAudio(script, b!);
    subscribe(script.remote(a!), micA, tone());
    subscribe(script.remote(b!), micB, tone());
    await waitFor(() => elements().length === 2, 'two audio elements');
    const byId = (id: string) => elements().find((e) => e.dataset.identity === id)!;

    audio.volumes = { [a!]: 0.25 };
    await audio.updateComplete;
    expect(byId(a!).volume).to.equal(0.25);
    expect(byId(b!).volume).to.equal(1);

    audio.setAttribute('muted', '');
    await audio.updateComplete;
    expect(byId(a!).volume).to.equal(0);
    expect(byId(b!).volume).to.equal(0);

    audio.muted = false;
    audio.volumes = { [b!]: 7 }; // clamped
    await audio.updateComplete;
    expect(byId(a!).volume).to.equal(1);
    expect(byId(b!).volume).to.equal(1);
    audio.volumes = { [b!]: 0.5 };
    await audio.updateComplete;
    expect(byId(b!).volume).to.equal(0.5);
    await script.room.disconnect();
  });

  it('a speaker change does not re-render it', async () => {
    const { script, audio, elements } = await mount(3);
    const [a, b] = script.identities;
    const mic = publishAudio(script, a!);
    subscribe(script.remote(a!), mic, tone());
    await waitFor(() => elements().length === 1, 'one audio element');
    await audio.updateComplete;
    let renders = 0;
    const render = audio.render.bind(audio);
    audio.render = () => {
      renders += 1;
      return render();
    };
    script.speakers([a!]);
    script.speakers([b!]);
    script.update(b!, { name: 'Renamed' });
    await waitFor(
      () => script.room.activeSpeakers[0]?.identity === b,
      'speaker changed in the room',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await audio.updateComplete;
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});
