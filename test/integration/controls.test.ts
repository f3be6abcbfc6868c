import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { RoomEvent, Track, type LocalAudioTrack, type Room } from 'livekit-client';
import '../../src/components/control-bar/control-bar.js';
import type { ControlBar } from '../../src/components/control-bar/control-bar.js';
import { deviceStorageKey } from '../../src/session/devices.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { DeviceChangeEvent } from '../../src/events/control-events.js';
import { disconnectAll, joinPeer, uniqueRoom, waitFor, watchForUncaught } from '../helpers/live.js';
import { itIn } from '../engines.js';

/** A `<media-room>` with a `<control-bar>` as its UI, joined to `room`. */
async function mountWithControls(room: string, identity: string) {
  const el = await fixture<MediaRoom>(html`
    <media-room skip-prejoin token-url="/api/rooms/${room}/join" identity=${identity}>
      <control-bar screen-share-audio></control-bar>
    </media-room>
  `);
  await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);
  const bar = el.querySelector<ControlBar>('control-bar')!;
  await bar.updateComplete;
  const part = (name: string) => bar.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
  const button = (name: string) => part(name).shadowRoot!.querySelector('button')!;
  await waitFor(() => !button('microphone').disabled, 'controls enabled');
  return { el, bar, part, button };
}

/** What the peer knows of `identity`'s track from `source`. */
function seenByPeer(peer: Room, identity: string, source: Track.Source) {
  return peer.remoteParticipants.get(identity)?.getTrackPublication(source);
}

describe('call controls against a real livekit-server', () => {
  let peers: Room[] = [];
  let uncaught: ReturnType<typeof watchForUncaught>;

  beforeEach(() => {
    peers = [];
    uncaught = watchForUncaught();
    for (const kind of ['audioinput', 'videoinput', 'audiooutput'] as const) {
      localStorage.removeItem(deviceStorageKey(kind));
    }
  });

  afterEach(async () => {
    await disconnectAll(peers);
    uncaught.stop();
    expect(uncaught.seen, 'no uncaught errors or unhandled rejections').to.deep.equal([]);
  });

  it('the microphone and camera toggles publish and mute real tracks a peer sees', async () => {
    const room = uniqueRoom('controls');
    const { el, bar, part, button } = await mountWithControls(room, 'alice');
    const peer = await joinPeer(room, 'bob', {});
    peers.push(peer);
    await expect(bar).to.be.accessible();

    for (const [name, source] of [
      ['microphone', Track.Source.Microphone],
      ['camera', Track.Source.Camera],
    ] as const) {
      button(name).click();
      // Pending lasts from the click until the track is published (about 60 ms here), shorter
      // than polling can be sure to see on a busy machine: read it at the render the click causes.
      await (part(name) as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(part(name).matches(':state(pending)'), `${name} pending`).to.equal(true);
      await waitFor(() => button(name).getAttribute('aria-pressed') === 'true', `${name} on`);
      await waitFor(() => {
        const pub = seenByPeer(peer, 'alice', source);
        return !!pub && pub.isSubscribed && !pub.isMuted;
      }, `peer receives alice's ${name}`);

      button(name).click();
      await waitFor(() => button(name).getAttribute('aria-pressed') === 'false', `${name} off`);
      await waitFor(() => !!seenByPeer(peer, 'alice', source)?.isMuted, `peer sees ${name} muted`);

      button(name).click();
      await waitFor(() => !seenByPeer(peer, 'alice', source)?.isMuted, `peer sees ${name} unmuted`);
    }
    await el.leave();
  });

  itIn(
    'screen share starts (getDisplayMedia works headless with the fake UI) and stops',
    async () => {
      const room = uniqueRoom('controls');
      const { el, part, button } = await mountWithControls(room, 'alice');
      const peer = await joinPeer(room, 'bob', {});
      peers.push(peer);
      button('screen-share').click();
      await waitFor(() => part('screen-share').matches(':state(on)'), 'sharing');
      await waitFor(
        () => !!seenByPeer(peer, 'alice', Track.Source.ScreenShare)?.isSubscribed,
        'peer receives the screen',
      );
      await waitFor(
        () => !!seenByPeer(peer, 'alice', Track.Source.ScreenShareAudio),
        'with its audio (screen-share-audio)',
      );
      button('screen-share').click();
      await waitFor(() => !part('screen-share').matches(':state(on)'), 'stopped');
      await waitFor(
        () => !seenByPeer(peer, 'alice', Track.Source.ScreenShare),
        'peer sees the screen share end',
      );
      await el.leave();
    },
  );

  itIn(
    'the microphone picker switches by keyboard while muted; unmuted, the published track uses it',
    async () => {
      // Chromium's fake devices: one camera (fake_device_0) and three microphones, so the switch
      // path is tested on the microphone.
      const inputs = (await navigator.mediaDevices.enumerateDevices()).filter(
        (d) => d.kind === 'audioinput',
      );
      expect(inputs.length).to.be.greaterThan(1);
      const room = uniqueRoom('controls');
      const { el, part, button } = await mountWithControls(room, 'alice');
      const lp = el.room.localParticipant;
      const micTrack = () =>
        lp.getTrackPublication(Track.Source.Microphone)?.track as LocalAudioTrack | undefined;
      const deviceOfTrack = () => micTrack()?.mediaStreamTrack.getSettings().deviceId;

      button('microphone').click();
      await waitFor(() => !!micTrack() && !micTrack()!.isMuted, 'microphone published');
      const before = deviceOfTrack();
      // livekit-client records the published track's device as active only after a silence check
      // (about a second); a choice made before that is overwritten by it, so let it land first.
      await waitFor(
        () => el.store.get().activeDevices.audioinput === before,
        'the published microphone is the active device',
      );
      button('microphone').click();
      await waitFor(() => !!micTrack()?.isMuted, 'microphone muted');

      const picker = part('microphone-picker');
      // The microphones (its voice processing items follow them).
      const items = () => [
        ...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"][data-device-id]'),
      ];
      const changed = new Promise<DeviceChangeEvent>((resolve) =>
        el.addEventListener('device-change', resolve, { once: true }),
      );
      button('microphone-picker').focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitFor(() => items().length === inputs.length, 'menu lists the microphones');
      await expect(picker).to.be.accessible();
      // Move to a microphone other than the one in use and choose it.
      const target = inputs.find((d) => d.deviceId !== before && d.deviceId !== 'default')!;
      const index = items().findIndex((i) => i.dataset['deviceId'] === target.deviceId);
      await sendKeys({ press: 'Home' });
      for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      const event = await changed;
      expect(event.deviceId).to.equal(target.deviceId);
      await waitFor(
        () => el.store.get().activeDevices.audioinput === target.deviceId,
        'store follows the choice',
      );
      expect(picker.shadowRoot!.activeElement).to.equal(button('microphone-picker'));

      button('microphone').click();
      await waitFor(() => !!micTrack() && !micTrack()!.isMuted, 'microphone unmuted');
      await waitFor(
        () => deviceOfTrack() === target.deviceId,
        'published track uses the new device',
      );

      // Live: switch back while unmuted.
      const other = inputs.find((d) => d.deviceId !== target.deviceId && d.deviceId !== 'default')!;
      await (picker as HTMLElement & { choose(id: string): Promise<void> }).choose(other.deviceId);
      await waitFor(() => deviceOfTrack() === other.deviceId, 'switched live');
      expect(localStorage.getItem(deviceStorageKey('audioinput'))).to.equal(other.deviceId);
      await el.leave();
    },
  );

  it('the camera picker: choosing the (single fake) camera goes through switchActiveDevice', async () => {
    const room = uniqueRoom('controls');
    const { el, part, button } = await mountWithControls(room, 'alice');
    const calls: string[][] = [];
    const original = el.room.switchActiveDevice.bind(el.room);
    el.room.switchActiveDevice = (kind, id, exact) => {
      calls.push([kind, id]);
      return original(kind, id, exact);
    };
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter(
      (d) => d.kind === 'videoinput',
    );
    button('camera').click();
    await waitFor(() => button('camera').getAttribute('aria-pressed') === 'true', 'camera on');
    const picker = part('camera-picker');
    // The cameras (the background choices follow them).
    const items = () => [
      ...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"][data-device-id]'),
    ];
    const changed = new Promise((resolve) =>
      el.addEventListener('device-change', resolve, { once: true }),
    );
    button('camera-picker').click();
    await waitFor(() => items().length === cameras.length, 'cameras listed');
    items()[0]!.click();
    await changed;
    // device-change announces the choice; the switch follows it.
    await waitFor(() => calls.length > 0, 'switchActiveDevice called');
    expect(calls[0]).to.deep.equal(['videoinput', cameras[0]!.deviceId]);
    await waitFor(
      () => el.store.get().activeDevices.videoinput === cameras[0]!.deviceId,
      'store follows',
    );
    // The switch restarts the capture: the published track is the chosen camera once the
    // new one is live (Firefox stops the old track before it opens the new one).
    const published = el.room.localParticipant.getTrackPublication(Track.Source.Camera)!;
    await waitFor(
      () => published.track!.mediaStreamTrack.readyState === 'live',
      'the restarted camera is live',
    );
    expect(published.track!.mediaStreamTrack.getSettings().deviceId).to.equal(cameras[0]!.deviceId);
    await el.leave();
  });

  it('leave-button leaves the real room', async () => {
    const room = uniqueRoom('controls');
    const { el, button } = await mountWithControls(room, 'alice');
    const disconnected = new Promise((resolve) => el.room.once(RoomEvent.Disconnected, resolve));
    button('leave').focus();
    await sendKeys({ press: 'Enter' });
    await disconnected;
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'store disconnected');
  });
});
