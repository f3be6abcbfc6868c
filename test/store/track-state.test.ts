import { expect } from '@open-wc/testing';
import { RoomEvent, Track } from 'livekit-client';
import { RoomStore } from '../../src/store/index.js';
import { ScriptedRoom, canvasTrack } from '../helpers/scripted-room.js';

/**
 * Track fields that change without anything else about the participant changing: the store must
 * refresh the participant from the event itself, not wait for an unrelated one.
 */
describe('RoomStore: per-track state from track events', () => {
  let script: ScriptedRoom;
  let store: RoomStore;
  let media: MediaStreamTrack[];

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    store = new RoomStore(script.room);
    media = [];
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
    for (const m of media) m.stop();
  });

  /** Subscribe the camera of the first remote participant; returns its identity and track sid. */
  async function subscribedCamera(): Promise<{ id: string; sid: string }> {
    const id = script.identities[0]!;
    const sid = script.remote(id).getTrackPublication(Track.Source.Camera)!.trackSid;
    const track = canvasTrack();
    media.push(track);
    script.subscribeMedia(id, sid, track);
    await store.settled();
    const camera = store.get().participants.get(id)?.tracks.camera;
    expect(camera?.subscribed, 'subscribed').to.equal(true);
    expect(camera?.streamActive, 'active once subscribed').to.equal(true);
    return { id, sid };
  }

  it('a paused stream shows as not active at once, and active again when resumed', async () => {
    const { id, sid } = await subscribedCamera();
    const other = store.get().participants.get(script.identities[1]!);
    const seen: unknown[] = [];
    script.room.once(RoomEvent.TrackStreamStateChanged, (pub, state, participant) =>
      seen.push(pub.trackSid, state, participant.identity),
    );

    script.streamState(id, sid, 'paused');
    expect(seen, 'livekit-client emitted the event').to.deep.equal([
      sid,
      Track.StreamState.Paused,
      id,
    ]);
    await store.settled();
    expect(store.get().participants.get(id)?.tracks.camera?.streamActive).to.equal(false);
    // Nobody else changed.
    expect(store.get().participants.get(script.identities[1]!)).to.equal(other);

    script.streamState(id, sid, 'active');
    await store.settled();
    expect(store.get().participants.get(id)?.tracks.camera?.streamActive).to.equal(true);
  });

  it('unsubscribing shows as not subscribed at once (before the SFU stops the track)', async () => {
    const { id } = await subscribedCamera();
    const pub = script.remote(id).getTrackPublication(Track.Source.Camera)!;
    const statuses: string[] = [];
    script.room.on(RoomEvent.TrackSubscriptionStatusChanged, (_pub, status) =>
      statuses.push(status),
    );
    pub.setSubscribed(false);
    expect(statuses, 'livekit-client emitted the event').to.deep.equal(['unsubscribed']);
    await store.settled();
    expect(store.get().participants.get(id)?.tracks.camera?.subscribed).to.equal(false);
  });
});
