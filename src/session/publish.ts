import type {
  LocalAudioTrack,
  LocalParticipant,
  LocalTrack,
  LocalVideoTrack,
  Room,
} from 'livekit-client';
import type { RoomStore } from '../store/room-store.js';
import { canPublishSource } from '../store/selectors.js';
import type { TrackSourceName } from '../store/types.js';

/** Local tracks kept alive across a rejoin (`leaveKeepingTracks`), published again after it. */
export interface KeptTracks {
  audio?: LocalAudioTrack;
  video?: LocalVideoTrack;
  /** screen share (and its audio) */
  others: LocalTrack[];
}

/** What to publish on joining: the pre-join preview's own tracks, or sources to turn on. */
export interface JoinMedia {
  /** The pre-join preview's tracks: the user's choice, which wins over anything held. */
  tracks?: { audio?: LocalAudioTrack; video?: LocalVideoTrack };
  /** The tracks kept from before a rejoin the session made at once. */
  kept?: KeptTracks;
  /** Turn the microphone / camera on (when no track of it is given). */
  audio: boolean;
  video: boolean;
}

/** The tracks and sources `publish` puts out, each already allowed by the grant. */
interface Plan {
  tracks: LocalTrack[];
  audio: boolean;
  video: boolean;
}

/**
 * Publish what the user chose once joined, within the grant: what it forbids is not published (a
 * viewer), and a track of it is stopped. The preview's very tracks are published when there are
 * any (no second permission prompt, no second camera start). A refused device is reported by
 * livekit-client as a room event (the store shows it); the participant stays in the room,
 * receiving. Never rejects.
 *
 * After a lost connection (any rejoin), what was on when it was lost is published instead of the
 * first choice (the store holds it, shown as on and pending meanwhile): the very tracks kept from
 * before when the session kept them (a fast rejoin: no new capture or prompt, a muted microphone
 * published again muted), else the held sources turned on afresh. Then `releaseHeld` gives the
 * verdict: what was not published again (a screen share stopped with the old connection needs the
 * user to pick it again) is reported as `republish-failed`.
 */
export async function publishOnJoin(room: Room, store: RoomStore, media: JoinMedia): Promise<void> {
  const { tracks } = media;
  const held = tracks?.audio || tracks?.video ? undefined : store.heldSources();
  try {
    await store.settled();
    const allowed = (source: TrackSourceName, track?: LocalTrack): boolean => {
      if (canPublishSource(store.get(), source)) return true;
      track?.stop();
      return false;
    };
    await publish(room.localParticipant, plan(media, held, allowed));
  } finally {
    store.releaseHeld();
  }
}

/**
 * The tracks to publish as they are and the sources to turn on: the preview's tracks or the kept
 * ones (those still live), and, for a source without a track, the choice, or after a lost
 * connection whether it was on (`held`).
 */
function plan(
  { tracks, kept, audio, video }: JoinMedia,
  held: readonly TrackSourceName[] | undefined,
  allowed: (source: TrackSourceName, track?: LocalTrack) => boolean,
): Plan {
  const live = <T extends LocalTrack>(track: T | undefined): T | undefined => {
    if (!track || track.mediaStreamTrack?.readyState === 'live') return track;
    track.stop();
    return undefined;
  };
  const mic = live(tracks?.audio ?? kept?.audio);
  const camera = live(tracks?.video ?? kept?.video);
  if (held) [audio, video] = [held.includes('microphone'), held.includes('camera')];
  const out: LocalTrack[] = [];
  if (mic && allowed('microphone', mic)) out.push(mic);
  if (camera && allowed('camera', camera)) out.push(camera);
  for (const track of kept?.others ?? []) {
    // Every other kept track is the screen share or its audio.
    const source = track.source === 'screen_share_audio' ? 'screen_share_audio' : 'screen_share';
    if (live(track) && allowed(source, track)) out.push(track);
  }
  return {
    tracks: out,
    audio: audio && !mic && allowed('microphone'),
    video: video && !camera && allowed('camera'),
  };
}

async function publish(lp: LocalParticipant, { tracks, audio, video }: Plan): Promise<void> {
  try {
    // A track that cannot be published is reported as a room event; after a lost connection the
    // hold's verdict tells it and keeps it until turned back on or dismissed.
    await Promise.all(tracks.map((track) => lp.publishTrack(track).catch(() => undefined)));
    if (audio && video) {
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
  } catch {
    // Reported as a room event (MediaDevicesError): the store shows it.
  }
}
