import { expect, fixture, html } from '@open-wc/testing';
import { TrackSource } from '@livekit/protocol';
import type { RemoteAudioTrack } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/room-audio/room-audio.js';
import { ScriptedRoom, toneTrack } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

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
    const micA = script.publishAudio(a!);
    const micB = script.publishAudio(b!);
    const screenB = script.publishAudio(b!, TrackSource.SCREEN_SHARE_AUDIO);
    expect(elements(), 'published but not subscribed: nothing to play').to.have.length(0);

    script.subscribeMedia(a!, micA, tone());
    script.subscribeMedia(b!, micB, tone());
    script.subscribeMedia(b!, screenB, tone());
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
    const micA = script.publishAudio(a!);
    const micB = script.publishAudio(b!);
    script.subscribeMedia(a!, micA, tone());
    script.subscribeMedia(b!, micB, tone());
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
    const mic = script.publishAudio(a!);
    script.subscribeMedia(a!, mic, tone());
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
    const micA = script.publishAudio(a!);
    const micB = script.publishAudio(b!);
    script.subscribeMedia(a!, micA, tone());
    script.subscribeMedia(b!, micB, tone());
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
    const mic = script.publishAudio(a!);
    script.subscribeMedia(a!, mic, tone());
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
    // A fixed window on purpose: this proves no render follows, and there is nothing to wait for.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await audio.updateComplete;
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});
