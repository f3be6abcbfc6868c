import { deviceStorageKey } from '../../src/session/devices.js';
import { expect } from '@open-wc/testing';
import { Track, type LocalVideoTrack, type RemoteVideoTrack, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { assetUrl } from '../../src/internal/assets.js';
import {
  joinPeer,
  mountRoom,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';
import { itIn } from '../engines.js';

/**
 * Background effects on the real camera path: what a remote participant decodes is compared,
 * pixel by pixel, with the raw (fake) camera and with our background image.
 */

const W = 640;
const H = 360;
const KEY = 'media-room-elements:background';
/**
 * The camera's size in these tests: segmentation runs on the CPU here (SwiftShader's WebGL on two
 * shared cores), and at 1280×720 the processed camera can fall to a frame every few seconds.
 */
const CAPTURE = { width: 640, height: 360 };
const roomOptions = { videoCaptureDefaults: { resolution: CAPTURE } };

/** A frame of `source` scaled to W×H (the camera's own size: a blur of a few pixels shows). */
function pixels(source: CanvasImageSource): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.drawImage(source, 0, 0, W, H);
  return g.getImageData(0, 0, W, H).data;
}

/**
 * How much detail a frame has: its mean absolute difference from a blurred copy of itself (4 px).
 * A sharp picture differs from its blur along every edge; a blurred one hardly does.
 */
function sharpness(px: Uint8ClampedArray): number {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const g = canvas.getContext('2d', { willReadFrequently: true })!;
  g.putImageData(new ImageData(new Uint8ClampedArray(px), W, H), 0, 0);
  const copy = document.createElement('canvas');
  copy.width = W;
  copy.height = H;
  const c = copy.getContext('2d', { willReadFrequently: true })!;
  c.filter = 'blur(4px)';
  c.drawImage(canvas, 0, 0);
  return difference(px, c.getImageData(0, 0, W, H).data);
}

/** Mean absolute difference of two frames' channels. */
function difference(a: Uint8ClampedArray, b: Uint8ClampedArray): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) {
    for (let k = 0; k < 3; k++) sum += Math.abs(a[i + k]! - b[i + k]!);
  }
  return sum / ((a.length / 4) * 3);
}

/** The next frame `video` shows (rejects after 45 s without one). */
function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no new frame in 45 s')), 45_000);
    video.requestVideoFrameCallback(() => (clearTimeout(timer), resolve()));
  });
}

/** The mean of `measure` over the next `n` frames `video` shows. */
async function over(video: HTMLVideoElement, measure: (px: Uint8ClampedArray) => number, n = 4) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    await nextFrame(video);
    sum += measure(pixels(video));
  }
  last = sum / n;
  return last;
}

/** Wait (bounded) until the async `check` holds. */
async function until(check: () => Promise<boolean>, message: string, timeout = 60_000) {
  const end = performance.now() + timeout;
  while (performance.now() < end) {
    if (await check()) return;
    console.log(`${message}: not yet (${last.toFixed(2)})`);
  }
  throw new Error(`timed out: ${message} (last: ${last.toFixed(2)})`);
}

/** The last value measured (said when `until` times out). */
let last = NaN;

/** `measure` of the raw (fake) camera, as the browser captures it. */
async function rawCamera(measure: (px: Uint8ClampedArray) => number): Promise<number> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { ...CAPTURE } });
  try {
    return await over(await playing(stream.getVideoTracks()[0]!), measure);
  } finally {
    stream.getTracks().forEach((t) => t.stop());
  }
}

/** The camera the local participant publishes from. */
function cameraDevice(el: MediaRoom): string | undefined {
  // The source's settings: the published MediaStreamTrack is the processed one.
  const track = el.room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
  return (track as LocalVideoTrack | undefined)?.getSourceTrackSettings().deviceId;
}

/** A camera other than the one in use. */
async function otherCamera(el: MediaRoom): Promise<string> {
  const list = await navigator.mediaDevices.enumerateDevices();
  const id = list.find(
    (d) => d.kind === 'videoinput' && d.deviceId !== 'default' && d.deviceId !== cameraDevice(el),
  )?.deviceId;
  if (!id) throw new Error('no second camera');
  return id;
}

/** A playing <video> of `track` (muted, in the page). */
async function playing(track: MediaStreamTrack): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([track]);
  document.body.append(video);
  await video.play();
  await waitFor(() => video.videoWidth > 0, 'the video plays', 20_000);
  return video;
}

/** The remote side's decoded camera of `identity`, as `viewer` receives it. */
async function remoteCamera(
  viewer: Room,
  identity: string,
  timeout = 20_000,
): Promise<HTMLVideoElement> {
  const track = await waitForValue(
    () =>
      viewer.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Camera)?.track as
        RemoteVideoTrack | undefined,
    'the camera is received',
    timeout,
  );
  return playing(track.mediaStreamTrack);
}

async function image(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

describe('background effects against a real livekit-server', () => {
  const live = useLiveHooks();
  const videos: HTMLVideoElement[] = [];
  const track = (video: HTMLVideoElement) => (videos.push(video), video);

  afterEach(() => {
    localStorage.removeItem(KEY);
    // A camera switch is remembered: the next test (and file) starts on the default camera.
    localStorage.removeItem(deviceStorageKey('videoinput'));
    videos.splice(0).forEach((v) => {
      v.srcObject = null;
      v.remove();
    });
  });

  itIn(
    'blur: the remote side decodes a much less sharp picture than the raw camera; off, as sharp',
    async function () {
      this.timeout(120_000);
      const rawSharpness = await rawCamera(sharpness);
      const room = uniqueRoom('bg-blur');
      const el: MediaRoom = await mountRoom(room, 'bg-local', { video: true, roomOptions });
      const viewer = await joinPeer(room, 'bg-viewer', {});
      live.peers.push(viewer);
      const remote = track(await remoteCamera(viewer, 'bg-local'));
      // Off: the remote picture is as sharp as the raw camera's (within what the codec loses).
      const offSharpness = await over(remote, sharpness);
      console.log(`sharpness: raw ${rawSharpness.toFixed(2)}, remote ${offSharpness.toFixed(2)}`);
      expect(offSharpness, 'off').to.be.above(rawSharpness * 0.7);

      await el.session.setBackground({ type: 'blur' });
      await until(
        async () => (await over(remote, sharpness, 2)) < offSharpness * 0.5,
        'the remote picture is blurred',
      );
      expect(el.session.background.$state.get()).to.deep.equal({
        choice: { type: 'blur' },
        status: 'on',
        error: undefined,
      });
      await el.session.setBackground({ type: 'off' });
      await until(
        async () => (await over(remote, sharpness, 2)) > offSharpness * 0.8,
        'the remote picture is sharp again',
      );
      await el.leave();
    },
  );

  itIn(
    'an image replaces the background live and off brings the camera back, on the same publication; the image stays after a camera switch',
    async function () {
      this.timeout(150_000);
      const dusk = pixels(await image(assetUrl('backgrounds/dusk.png')));
      const room = uniqueRoom('bg-image');
      const el: MediaRoom = await mountRoom(room, 'bg-local', { video: true, roomOptions });
      const viewer = await joinPeer(room, 'bg-viewer', {});
      live.peers.push(viewer);
      const remote = track(await remoteCamera(viewer, 'bg-local'));
      const near = async () => (await over(remote, (px) => difference(px, dusk), 2)) < 25;
      expect(await over(remote, (px) => difference(px, dusk)), 'off').to.be.above(50);
      const publication = () => el.room.localParticipant.getTrackPublication(Track.Source.Camera);
      const sid = publication()!.trackSid;

      await el.session.setBackground({ type: 'image', id: 'dusk' });
      await until(near, 'the remote side sees the image');
      expect(publication()!.trackSid, 'the same publication').to.equal(sid);

      await el.session.setBackground({ type: 'off' });
      await until(
        async () => (await over(remote, (px) => difference(px, dusk), 2)) > 50,
        'the camera is seen again',
      );
      expect(publication()!.trackSid, 'the same publication after turning it off').to.equal(sid);

      // Another camera: the track restarts with its processor, still replaced.
      await el.session.setBackground({ type: 'image', id: 'dusk' });
      await until(near, 'the image again');
      const other = await otherCamera(el);
      await el.session.chooseDevice('videoinput', other);
      await waitFor(() => cameraDevice(el) === other, 'the other camera is captured', 20_000);
      await until(near, 'the image stays after the camera switch');
      expect(publication()!.trackSid, 'the same publication after the switch').to.equal(sid);
      await el.leave();
    },
  );

  itIn(
    'a remembered image is applied before publishing: the first frame received is already replaced',
    async function () {
      this.timeout(120_000);
      const dusk = pixels(await image(assetUrl('backgrounds/dusk.png')));
      localStorage.setItem(KEY, JSON.stringify({ type: 'image', id: 'dusk' }));
      const room = uniqueRoom('bg-first');
      // The viewer is there before the camera is published, so it decodes it from its first frame.
      const viewer = await joinPeer(room, 'bg-viewer', {});
      live.peers.push(viewer);
      const frames: number[] = [];
      // Published once the effect is on: the model loads first (seconds on a loaded machine).
      const recording = remoteCamera(viewer, 'bg-local', 60_000).then(async (video) => {
        track(video);
        // Every frame from the first one shown.
        for (let i = 0; i < 8; i++) {
          frames.push(difference(pixels(video), dusk));
          await nextFrame(video);
        }
      });
      const el: MediaRoom = await mountRoom(room, 'bg-local', { video: true, roomOptions });
      await recording;
      expect(el.session.background.$state.get().choice).to.deep.equal({
        type: 'image',
        id: 'dusk',
      });
      expect(frames.length).to.equal(8);
      for (const d of frames) expect(d, 'every frame received shows the image').to.be.below(25);
      await el.leave();
    },
  );
});
