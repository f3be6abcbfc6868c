import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '../helpers/input.js';
import {
  ParticipantInfo,
  ParticipantInfo_State,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { LocalAudioTrack, RoomEvent, type RemoteParticipant } from 'livekit-client';
import type { AudioVisualizer } from '../../src/components/audio-visualizer/audio-visualizer.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/audio-visualizer/audio-visualizer.js';
import '../../src/components/media-room/media-room.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';
import { itIn } from '../engines.js';

const NativeAudioContext = window.AudioContext;

/** A tone as a MediaStreamTrack (no device, no server). */
function tone(): { track: MediaStreamTrack; close: () => Promise<void> } {
  const context = new NativeAudioContext();
  const oscillator = context.createOscillator();
  oscillator.frequency.value = 440;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  return { track: destination.stream.getAudioTracks()[0]!, close: () => context.close() };
}

/** Every AudioContext made from now on (to check they are closed). */
function trackAudioContexts() {
  const made: AudioContext[] = [];
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      made.push(this);
    }
  };
  return { made, restore: () => (window.AudioContext = Original) };
}

/** Highest `level` seen on any animation frame within `ms`; stops at the first non-zero one. */
async function peakLevel(el: AudioVisualizer, ms: number): Promise<number> {
  let peak = 0;
  const end = performance.now() + ms;
  while (performance.now() < end && peak === 0) {
    peak = Math.max(peak, el.level);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return peak;
}

let version = 9000;

describe('<audio-visualizer>', () => {
  let contexts: ReturnType<typeof trackAudioContexts>;
  const tones: Array<{ close: () => Promise<void> }> = [];
  beforeEach(() => {
    contexts = trackAudioContexts();
  });
  afterEach(async () => {
    contexts.restore();
    await Promise.all(tones.splice(0).map((t) => t.close()));
  });
  function source() {
    const t = tone();
    tones.push(t);
    return t.track;
  }

  it('measures a preview track given as `track`, without a room; is an accessible meter', async () => {
    const el = await fixture<AudioVisualizer>(html`<audio-visualizer></audio-visualizer>`);
    const meter = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(el.active).to.equal(false);
    expect(el.matches(':state(idle)')).to.equal(true);
    expect(meter.getAttribute('aria-valuenow')).to.equal('0');

    const media = source();
    el.track = new LocalAudioTrack(media, undefined, true);
    await el.updateComplete;
    expect(el.active).to.equal(true);
    expect(el.matches(':state(idle)')).to.equal(false);
    expect(await peakLevel(el, 1500)).to.be.greaterThan(0);
    await waitFor(() => Number(meter.getAttribute('aria-valuenow')) > 0, 'aria-valuenow follows');
    expect(meter.getAttribute('role')).to.equal('meter');
    expect(meter.getAttribute('aria-label')).to.equal('Your microphone level');
    expect(el.shadowRoot!.querySelectorAll('[part="bar"]')).to.have.length(5);
    await expect(el).to.be.accessible();

    // Taken off the page: the frame loop ends and its AudioContext is closed; the track lives on.
    el.remove();
    expect(el.active).to.equal(false);
    expect(el.level).to.equal(0);
    await waitFor(() => contexts.made.every((c) => c.state === 'closed'), 'contexts closed');
    expect(contexts.made.length).to.be.greaterThan(0);
    expect(media.readyState).to.equal('live');
  });

  itIn('stops when the track is taken away or ends, and restarts for a new one', async () => {
    const el = await fixture<AudioVisualizer>(html`<audio-visualizer bars="3"></audio-visualizer>`);
    el.track = new LocalAudioTrack(source(), undefined, true);
    await el.updateComplete;
    expect(el.active).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('[part="bar"]')).to.have.length(3);
    el.track = undefined;
    await el.updateComplete;
    expect(el.active).to.equal(false);
    await waitFor(() => contexts.made.every((c) => c.state === 'closed'), 'closed');
    const media = source();
    el.track = new LocalAudioTrack(media, undefined, true);
    await el.updateComplete;
    expect(el.active).to.equal(true);
    // Its owner stops the track: the element stops measuring it.
    media.stop();
    media.dispatchEvent(new Event('ended'));
    await waitFor(() => !el.active, 'stopped when the track ended');
    el.remove();
  });

  itIn('stops moving bars one by one under reduced motion, yet shows the level', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await fixture<AudioVisualizer>(html`<audio-visualizer></audio-visualizer>`);
    try {
      el.track = new LocalAudioTrack(source(), undefined, true);
      await el.updateComplete;
      const bars = () =>
        [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="bar"]')].map((b) =>
          b.style.getPropertyValue('--level'),
        );
      await waitFor(() => Number(bars()[0]) > 0, 'a level shown', 3000);
      expect(new Set(bars()).size, 'all bars the same').to.equal(1);
      expect(
        getComputedStyle(el.shadowRoot!.querySelector('[part="bar"]')!).transitionDuration,
      ).to.equal('0s');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
      el.remove();
    }
  });

  it('follows a participant in the room: only while connected with an unmuted microphone', async () => {
    const script = await ScriptedRoom.create(1);
    const [a] = script.identities;
    const room = await fixture<MediaRoom>(
      html`<media-room><audio-visualizer identity=${a!}></audio-visualizer></media-room>`,
    );
    room.room = script.room;
    const el = room.querySelector('audio-visualizer')!;
    script.update(a!, { name: 'Ada' });
    await waitFor(
      () =>
        el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label') ===
        'Microphone level of Ada',
      'labelled with the name',
    );
    expect(el.active, 'no microphone yet').to.equal(false);

    // The SFU says Ada published a microphone, and its media arrives.
    const p = script.remote(a!);
    const sid = 'TR_viz_mic';
    const info = (muted: boolean) =>
      new ParticipantInfo({
        sid: p.sid,
        identity: a!,
        name: 'Ada',
        state: ParticipantInfo_State.ACTIVE,
        tracks: [
          new TrackInfo({
            sid,
            source: TrackSource.MICROPHONE,
            type: TrackType.AUDIO,
            name: 'mic',
            muted,
          }),
        ],
        version: version++,
      });
    p.updateInfo(info(false));
    const media = source();
    (
      p as unknown as {
        addSubscribedMediaTrack(t: MediaStreamTrack, s: string, m: MediaStream, r: undefined): void;
      }
    ).addSubscribedMediaTrack(media, sid, new MediaStream([media]), undefined);
    await waitFor(() => el.active, 'measuring');
    expect(await peakLevel(el, 1500)).to.be.greaterThan(0);
    await expect(el).to.be.accessible();

    p.updateInfo(info(true));
    await waitFor(() => !el.active, 'muted: stopped');
    p.updateInfo(info(false));
    await waitFor(() => el.active, 'unmuted: measuring again');

    script.room.emit(RoomEvent.Reconnecting);
    await waitFor(() => !el.active, 'not while reconnecting');
    script.room.emit(RoomEvent.Reconnected);
    await waitFor(() => el.active, 'measuring after reconnecting');

    await script.room.disconnect();
    await waitFor(() => !el.active, 'stopped on disconnect');
    await waitFor(() => contexts.made.every((c) => c.state === 'closed'), 'contexts closed');
    expect((p as RemoteParticipant).identity).to.equal(a);
  });
});
