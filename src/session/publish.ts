import type { LocalAudioTrack, LocalTrack, LocalVideoTrack, Room } from 'livekit-client';
import type { RoomStore } from '../store/room-store.js';
import { canPublishSource } from '../store/selectors.js';

/** What to publish on joining: the pre-join preview's own tracks, or sources to turn on. */
export interface JoinMedia {
  /** `others`: tracks kept from before a rejoin (a screen share), published again as they are */
  tracks?: { audio?: LocalAudioTrack; video?: LocalVideoTrack; others?: LocalTrack[] };
  audio: boolean;
  video: boolean;
}

/**
 * Publish what the user chose once joined, within the grant: what it forbids is not published (a
 * viewer), and a preview track of it is stopped. The preview's very tracks are published when
 * there are any (no second permission prompt, no second camera start). A refused device is
 * reported by livekit-client as a room event (the store shows it); the participant stays in the
 * room, receiving. Never rejects.
 */
export async function publishOnJoin(room: Room, store: RoomStore, media: JoinMedia): Promise<void> {
  const lp = room.localParticipant;
  let { tracks, audio, video } = media;
  await store.settled();
  const snapshot = store.get();
  if (!canPublishSource(snapshot, 'microphone')) {
    tracks?.audio?.stop();
    tracks = { ...tracks, audio: undefined };
    audio = false;
  }
  if (!canPublishSource(snapshot, 'camera')) {
    tracks?.video?.stop();
    tracks = { ...tracks, video: undefined };
    video = false;
  }
  try {
    if (tracks?.video || tracks?.audio) {
      await Promise.all([
        tracks.video ? lp.publishTrack(tracks.video) : undefined,
        tracks.audio ? lp.publishTrack(tracks.audio) : undefined,
      ]);
    } else if (audio && video) {
      try {
        await lp.enableCameraAndMicrophone();
      } catch {
        // One refused device (a denied camera) fails the joint request: the other one must still
        // be used, so ask for each alone. Each failure is reported for its own device.
        await lp.setMicrophoneEnabled(true).catch(() => undefined);
        await lp.setCameraEnabled(true).catch(() => undefined);
      }
    } else if (video) await lp.setCameraEnabled(true);
    else if (audio) await lp.setMicrophoneEnabled(true);
    for (const track of tracks?.others ?? []) {
      await lp.publishTrack(track).catch(() => track.stop());
    }
  } catch {
    // Reported as a room event (MediaDevicesError): the store shows it.
  }
}
