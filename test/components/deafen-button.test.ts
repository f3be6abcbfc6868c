import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  ParticipantInfo,
  ParticipantInfo_State,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { Track, type RemoteParticipant } from 'livekit-client';
import type { DeafenButton } from '../../src/components/deafen-button/deafen-button.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/deafen-button/deafen-button.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/room-audio/room-audio.js';
import type { DeafenEvent } from '../../src/events/deafen-events.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { nextEvent, waitFor } from '../helpers/live.js';

let version = 7000;
let nextSid = 1;

/** The SFU says `identity` published a microphone (other tracks kept as they are). */
function publishMicrophone(script: ScriptedRoom, identity: string): string {
  const p = script.remote(identity);
  const sid = `TR_deafen_${nextSid++}`;
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
  tracks.push(
    new TrackInfo({ sid, source: TrackSource.MICROPHONE, type: TrackType.AUDIO, name: 'mic' }),
  );
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

/** The SFU's media for `sid` arrives: livekit-client subscribes the publication to it. */
function subscribe(remote: RemoteParticipant, sid: string, media: MediaStreamTrack): void {
  (
    remote as unknown as {
      addSubscribedMediaTrack(t: MediaStreamTrack, sid: string, s: MediaStream, r: undefined): void;
    }
  ).addSubscribedMediaTrack(media, sid, new MediaStream([media]), undefined);
}

async function mount() {
  const script = await ScriptedRoom.create(2);
  const el = await fixture<MediaRoom>(
    html`<media-room><deafen-button></deafen-button><room-audio></room-audio></media-room>`,
  );
  el.room = script.room;
  const button = el.querySelector<DeafenButton>('deafen-button')!;
  const base = () => button.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
  await waitFor(() => !base().disabled, 'enabled in the room');
  return { script, el, button, base };
}

describe('<deafen-button> on a scripted room', () => {
  const contexts: AudioContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  function tone(): MediaStreamTrack {
    const context = new AudioContext();
    contexts.push(context);
    const oscillator = context.createOscillator();
    const destination = context.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    return destination.stream.getAudioTracks()[0]!;
  }

  it('is disabled outside a room', async () => {
    const lone = await fixture<DeafenButton>(html`<deafen-button></deafen-button>`);
    const base = lone.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
    expect(base.disabled).to.equal(true);
    lone.toggle();
    expect(lone.deafened).to.equal(false);

    const { script, base: inRoom } = await mount();
    await script.room.disconnect();
    await waitFor(() => inRoom().disabled, 'disabled after leaving');
  });

  it('toggles the store’s deafened state by click and keyboard, with name, label, icon and state', async () => {
    const { script, el, button, base } = await mount();
    // Named by what it shows (speech input), described by the longer wording.
    expect(base().getAttribute('aria-label')).to.equal('Deafen');
    expect(base().title).to.equal('Mute incoming audio');
    expect(button.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Deafen');
    expect(base().getAttribute('aria-pressed')).to.equal('false');
    const icon = () => button.shadowRoot!.querySelector('[part="icon"]')!.innerHTML;
    const hearing = icon();
    await expect(button).to.be.accessible();

    const event = nextEvent(el, 'deafen');
    base().click();
    expect((await event).deafened).to.equal(true);
    await waitFor(() => base().getAttribute('aria-pressed') === 'true', 'pressed');
    expect(el.store.get().audio.deafened).to.equal(true);
    expect(button.deafened).to.equal(true);
    expect(button.matches(':state(deafened)')).to.equal(true);
    expect(icon(), 'the crossed-out headphones').to.not.equal(hearing);
    await expect(button).to.be.accessible();

    base().focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => base().getAttribute('aria-pressed') === 'false', 'released by keyboard');
    expect(el.store.get().audio.deafened).to.equal(false);
    expect(button.matches(':state(deafened)')).to.equal(false);
    expect(icon()).to.equal(hearing);

    // Another element of the room (or the page) deafening through the store shows here too.
    el.store.setDeafened(true);
    await waitFor(() => base().getAttribute('aria-pressed') === 'true', 'follows the store');
    await script.room.disconnect();
  });

  it('hides itself while the grant lets the participant receive nothing, and comes back', async () => {
    const { script, button } = await mount();
    expect(getComputedStyle(button).display).to.not.equal('none');
    script.setPermissions(script.room.localParticipant.identity, { canSubscribe: false });
    await waitFor(() => button.matches(':state(forbidden)'), 'forbidden without canSubscribe');
    expect(getComputedStyle(button).display).to.equal('none');
    script.setPermissions(script.room.localParticipant.identity, { canSubscribe: true });
    await waitFor(() => !button.matches(':state(forbidden)'), 'back with canSubscribe');
    expect(getComputedStyle(button).display).to.not.equal('none');
    await script.room.disconnect();
  });

  it('a cancelled deafen event changes nothing', async () => {
    const { script, el, base } = await mount();
    el.addEventListener('deafen', (e: DeafenEvent) => e.preventDefault(), { once: true });
    base().click();
    await el.store.settled();
    expect(el.store.get().audio.deafened).to.equal(false);
    expect(base().getAttribute('aria-pressed')).to.equal('false');
    await script.room.disconnect();
  });

  it('<room-audio> plays every remote track at volume 0 while deafened, and as before after', async () => {
    const { script, el, base } = await mount();
    const [a, b] = script.identities as [string, string];
    subscribe(script.remote(a), publishMicrophone(script, a), tone());
    subscribe(script.remote(b), publishMicrophone(script, b), tone());
    const audio = el.querySelector('room-audio')!;
    const elements = () => [...audio.shadowRoot!.querySelectorAll('audio')];
    await waitFor(() => elements().length === 2, 'two audio elements');
    el.store.setVolume(a, 0.5);
    const volumes = () => elements().map((e) => [e.dataset['identity'], e.volume]);
    await waitFor(() => elements().some((e) => e.volume === 0.5), 'a at half volume');
    expect(volumes()).to.have.deep.members([
      [a, 0.5],
      [b, 1],
    ]);

    base().click();
    await waitFor(() => elements().every((e) => e.volume === 0), 'all silent');
    expect(elements(), 'subscriptions stay').to.have.length(2);

    base().click();
    await waitFor(() => elements().some((e) => e.volume !== 0), 'playing again');
    expect(volumes()).to.have.deep.members([
      [a, 0.5],
      [b, 1],
    ]);
    await script.room.disconnect();
  });
});
