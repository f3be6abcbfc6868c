import { expect, fixture, html } from '@open-wc/testing';
import { Track, type LocalTrack } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { PreJoin } from '../../src/components/pre-join/pre-join.js';
import { deviceStorageKey } from '../../src/session/devices.js';
import type { DeviceKind } from '../../src/store/types.js';
import { callRoot, uniqueRoom, useLiveHooks, waitFor, waitForValue } from '../helpers/live.js';
import { itIn } from '../engines.js';

/**
 * The remembered devices must be the ones the call really uses, everywhere: the pre-join preview,
 * the device menus and the published tracks. Chromium runs with two fake cameras and three fake
 * microphones (dev/chromium.ts), so the remembered ones can be other than the defaults.
 */

/** The devices that are not the default ones: the second camera and the last microphone. */
async function otherDevices(): Promise<{ camera: string; microphone: string }> {
  // Labels and ids are only listed in full once a permission was granted.
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
  const defaults = Object.fromEntries(
    stream.getTracks().map((t) => [t.kind, t.getSettings().deviceId]),
  );
  stream.getTracks().forEach((t) => t.stop());
  const list = await navigator.mediaDevices.enumerateDevices();
  const pick = (kind: MediaDeviceKind, other: string | undefined) =>
    list.filter((d) => d.kind === kind && d.deviceId !== 'default' && d.deviceId !== other).at(-1)
      ?.deviceId;
  const camera = pick('videoinput', defaults['video']);
  const microphone = pick('audioinput', defaults['audio']);
  if (!camera || !microphone) throw new Error('Chromium offers no second camera or microphone');
  return { camera, microphone };
}

const deviceOf = (track: LocalTrack | undefined) => track?.mediaStreamTrack.getSettings().deviceId;

/** The device a published track of the local participant captures from. */
const published = (el: MediaRoom, source: Track.Source) =>
  deviceOf(el.room.localParticipant.getTrackPublication(source)?.track);

/** The device checked in a `<device-picker>`'s menu (opened to read it, then closed). */
async function checkedIn(root: ParentNode, kind: DeviceKind): Promise<string | undefined> {
  const picker = root.querySelector(`device-picker[kind="${kind}"]`)!;
  const button = await waitForValue(
    () => picker.shadowRoot?.querySelector<HTMLButtonElement>('[part="base"]:not([disabled])'),
    `the ${kind} menu button`,
  );
  button.click();
  const item = await waitForValue(
    () => picker.shadowRoot?.querySelector<HTMLElement>('[part="item"][aria-checked="true"]'),
    `a checked ${kind}`,
  );
  const id = item.dataset['deviceId'];
  button.click();
  return id;
}

describe('remembered devices against a real livekit-server', () => {
  useLiveHooks();

  afterEach(() => {
    for (const kind of ['audioinput', 'videoinput'] as const) {
      localStorage.removeItem(deviceStorageKey(kind));
    }
  });

  itIn(
    'the remembered camera and microphone are previewed, checked in the menus and published',
    async () => {
      const { camera, microphone } = await otherDevices();
      localStorage.setItem(deviceStorageKey('videoinput'), camera);
      localStorage.setItem(deviceStorageKey('audioinput'), microphone);
      const room = uniqueRoom('prefs');
      const el = await fixture<MediaRoom>(html`
        <media-room token-url="/api/rooms/${room}/join" identity="remembers"></media-room>
      `);

      const preJoin = await waitForValue(
        () => callRoot(el)?.querySelector<PreJoin>('pre-join'),
        'the pre-join screen',
      );
      await waitFor(
        () => !!preJoin.tracks.video && !!preJoin.tracks.audio,
        'the preview tracks',
        20_000,
      );
      expect(deviceOf(preJoin.tracks.video), 'previewed camera').to.equal(camera);
      expect(deviceOf(preJoin.tracks.audio), 'previewed microphone').to.equal(microphone);
      expect(await checkedIn(preJoin.shadowRoot!, 'videoinput'), 'camera menu').to.equal(camera);
      expect(await checkedIn(preJoin.shadowRoot!, 'audioinput'), 'microphone menu').to.equal(
        microphone,
      );

      preJoin.shadowRoot!.querySelector<HTMLButtonElement>('[part="join"]')!.click();
      await waitFor(
        () => !!published(el, Track.Source.Camera) && !!published(el, Track.Source.Microphone),
        'camera and microphone published',
        20_000,
      );
      expect(published(el, Track.Source.Camera), 'published camera').to.equal(camera);
      expect(published(el, Track.Source.Microphone), 'published microphone').to.equal(microphone);
      await el.leave();
    },
  );

  itIn(
    'without a pre-join screen, the remembered devices are the ones published on joining',
    async () => {
      const { camera, microphone } = await otherDevices();
      localStorage.setItem(deviceStorageKey('videoinput'), camera);
      localStorage.setItem(deviceStorageKey('audioinput'), microphone);
      const room = uniqueRoom('prefs');
      const el = await fixture<MediaRoom>(html`
        <media-room
          skip-prejoin
          audio
          video
          token-url="/api/rooms/${room}/join"
          identity="remembers-too"
        ></media-room>
      `);
      await waitFor(
        () => !!published(el, Track.Source.Camera) && !!published(el, Track.Source.Microphone),
        'camera and microphone published',
        20_000,
      );
      expect(published(el, Track.Source.Camera), 'published camera').to.equal(camera);
      expect(published(el, Track.Source.Microphone), 'published microphone').to.equal(microphone);
      expect(el.store.get().activeDevices.videoinput, 'active camera').to.equal(camera);
      await el.leave();
    },
  );
});
