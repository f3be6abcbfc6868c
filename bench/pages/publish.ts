/**
 * `publish.html?room=R&count=N`: N external publishers in one page, each its own livekit-client
 * `Room` publishing the fake camera (simulcast) through the SFU: real WebRTC publishers.
 *
 * The benchmark's brief asks for LiveKit's load tester (`lk load-test` from livekit-cli), but that
 * Go module cannot be fetched from this machine's module proxy, so Chromium publishers stand in
 * for it. Small (640×360, 10 fps) to keep the encoders within a two-core machine.
 *
 * `dynacast=0` keeps every simulcast layer flowing even without subscribers (so a new viewer's
 * first frame never waits for a paused layer to come back); by default dynacast is on, and layers
 * nobody watches are paused, as in a real call.
 *
 * `source=noise` publishes a canvas of changing noise instead of the fake camera. The fake
 * camera's flat picture compresses to far below the simulcast layers' bitrate caps, so that the
 * 360p layer costs little more than the 180p one; a busy picture fills each layer up to its cap,
 * as a real camera in a lit room does.
 */
import { LocalVideoTrack, Room, Track, VideoPresets } from 'livekit-client';
import { fetchToken } from './join-token.js';

interface PublishWindow {
  benchPublished?: number;
  benchError?: string;
}

const params = new URLSearchParams(location.search);
const roomName = params.get('room') ?? 'bench';
const count = Math.min(64, Math.max(1, Number(params.get('count')) || 1));
const prefix = params.get('prefix') ?? 'publisher';
const dynacast = params.get('dynacast') !== '0';
const noise = params.get('source') === 'noise';
const { width, height } = VideoPresets.h360.resolution;
const FPS = 10;

/** A few frames of noise, made once and shared by every canvas. */
let noiseFrames: ImageData[] | undefined;
function noiseTrack(): LocalVideoTrack {
  noiseFrames ??= Array.from({ length: 6 }, () => {
    const frame = new ImageData(width, height);
    const bytes = new Uint32Array(frame.data.buffer);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (Math.random() * 0x1000000) | 0xff000000;
    return frame;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d')!;
  let n = 0;
  const timer = setInterval(() => context.putImageData(noiseFrames![n++ % 6]!, 0, 0), 1000 / FPS);
  const [track] = canvas.captureStream(FPS).getVideoTracks();
  track!.addEventListener('ended', () => clearInterval(timer));
  return new LocalVideoTrack(track!, undefined, true);
}
const w = window as unknown as PublishWindow;
w.benchPublished = 0;

async function publish(index: number): Promise<Room> {
  const identity = `${prefix}-${index}`;
  const { token, url } = await fetchToken(
    `/api/rooms/${encodeURIComponent(roomName)}/join`,
    identity,
    identity,
  );
  const room = new Room({
    dynacast,
    videoCaptureDefaults: { resolution: { width, height, frameRate: FPS } },
    publishDefaults: { simulcast: true, videoCodec: 'vp8' },
  });
  try {
    // Publishers only send: subscribing to each other would decode N × (N − 1) videos here.
    await room.connect(url, token, { autoSubscribe: false });
    if (noise) {
      await room.localParticipant.publishTrack(noiseTrack(), { source: Track.Source.Camera });
    } else {
      await room.localParticipant.setCameraEnabled(true);
    }
  } catch (error) {
    await room.disconnect();
    throw error;
  }
  return room;
}

/** A loaded machine sometimes fails a connection: each publisher gets three tries. */
async function publishWithRetry(index: number): Promise<Room> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await publish(index);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

const rooms: Room[] = [];
try {
  for (let i = 0; i < count; i++) {
    rooms.push(await publishWithRetry(i));
    w.benchPublished = rooms.length;
  }
} catch (error) {
  w.benchError = String((error as Error)?.stack ?? error);
}
addEventListener('pagehide', () => {
  for (const room of rooms) void room.disconnect();
});
