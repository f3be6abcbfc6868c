import { expect } from '@open-wc/testing';
import { TrackInfo, TrackSource, TrackType } from '@livekit/protocol';
import {
  DisconnectReason,
  LocalTrackPublication,
  ParticipantEvent,
  Room,
  RoomEvent,
  Track,
  type LocalVideoTrack,
} from 'livekit-client';
import { RoomStore, type RoomStoreEvent } from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

/** The store's events, each with the phase of the snapshot committed when it arrived. */
function record(store: RoomStore): Array<{ type: string; phase: string; reason?: string }> {
  const seen: Array<{ type: string; phase: string; reason?: string }> = [];
  store.onEvent((event: RoomStoreEvent) => {
    const phase = store.get().connection.phase;
    if (event.type === 'disconnected') seen.push({ type: event.type, phase, reason: event.reason });
    else seen.push({ type: event.type, phase });
  });
  return seen;
}

const connectionEvents = (seen: Array<{ type: string; reason?: string }>) =>
  seen.filter((e) => ['connected', 'reconnecting', 'reconnected', 'disconnected'].includes(e.type));

describe('RoomStore through a reconnect: events from the phase', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    store = new RoomStore(script.room);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('tells reconnecting as the phase says it (a signal resume too), reconnected once back', async () => {
    const seen = record(store);
    script.room.emit(RoomEvent.SignalReconnecting);
    await store.settled();
    expect(connectionEvents(seen)).to.deep.equal([{ type: 'reconnecting', phase: 'reconnecting' }]);
    // The resume escalates to a full reconnect: still the same "Reconnecting…".
    script.room.emit(RoomEvent.Reconnecting);
    await store.settled();
    expect(connectionEvents(seen)).to.have.length(1);
    script.room.emit(RoomEvent.Reconnected);
    await store.settled();
    expect(connectionEvents(seen)).to.deep.equal([
      { type: 'reconnecting', phase: 'reconnecting' },
      { type: 'reconnected', phase: 'connected' },
    ]);
  });

  it('never tells reconnected without reconnecting first', async () => {
    const seen = record(store);
    script.room.emit(RoomEvent.Reconnected);
    await store.settled();
    expect(connectionEvents(seen)).to.deep.equal([]);
  });

  it('gives every disconnect a reason: reconnect-failed when livekit-client gave up', async () => {
    const seen = record(store);
    script.room.emit(RoomEvent.Reconnecting);
    script.room.emit(RoomEvent.Disconnected, undefined);
    await store.settled();
    expect(connectionEvents(seen)).to.deep.equal([
      { type: 'reconnecting', phase: 'disconnected' },
      { type: 'disconnected', phase: 'disconnected', reason: 'reconnect-failed' },
    ]);
    expect(store.get().connection.reason).to.equal('reconnect-failed');
  });

  it('says unknown-reason for a disconnect that tells none, and names a told one', async () => {
    const seen = record(store);
    script.room.emit(RoomEvent.Disconnected, undefined);
    await store.settled();
    expect(store.get().connection.reason).to.equal('unknown-reason');
    script.room.emit(RoomEvent.Connected);
    script.room.emit(RoomEvent.Disconnected, DisconnectReason.SERVER_SHUTDOWN);
    await store.settled();
    expect(connectionEvents(seen).map((e) => e.reason ?? e.type)).to.deep.equal([
      'unknown-reason',
      'connected',
      'server-shutdown',
    ]);
  });

  it('tells client-initiated when a join under way is given up', async () => {
    const room = new Room();
    const own = new RoomStore(room);
    const seen = record(own);
    own.beginConnect();
    own.abandonConnect();
    await own.settled();
    expect(connectionEvents(seen)).to.deep.equal([
      { type: 'disconnected', phase: 'disconnected', reason: 'client-initiated' },
    ]);
    own.destroy();
  });
});

describe('RoomStore through a reconnect: remote participants kept for a grace period', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('shows someone who left on purpose gone at once', async () => {
    store = new RoomStore(script.room);
    const seen = record(store);
    const [first] = script.identities;
    script.leave(first!, DisconnectReason.CLIENT_INITIATED);
    await store.settled();
    expect(store.get().participants.has(first!)).to.equal(false);
    expect(seen.filter((e) => e.type === 'participant-left')).to.have.length(1);
  });

  it('keeps someone who vanished (signal closed) as reconnecting, and tells nothing when they are back', async () => {
    store = new RoomStore(script.room);
    const seen = record(store);
    const [first, second] = script.identities;
    script.leave(first!, DisconnectReason.SIGNAL_CLOSE);
    await store.settled();
    const kept = store.get().participants.get(first!);
    expect(kept?.reconnecting).to.equal(true);
    expect(Object.keys(kept?.tracks ?? { x: 1 })).to.deep.equal([]);
    expect(store.get().remotes.map((p) => p.identity)).to.deep.equal([first, second]);
    script.join(first!);
    await store.settled();
    expect(store.get().participants.get(first!)?.reconnecting).to.equal(false);
    expect(store.get().remotes.map((p) => p.identity)).to.deep.equal([first, second]);
    expect(seen.filter((e) => e.type.startsWith('participant-'))).to.deep.equal([]);
  });

  it('keeps everyone livekit-client lets go of while reconnecting (no reason given)', async () => {
    store = new RoomStore(script.room);
    const seen = record(store);
    script.room.emit(RoomEvent.Reconnecting);
    for (const identity of script.identities) script.leave(identity);
    await store.settled();
    expect(store.get().remotes.map((p) => p.reconnecting)).to.deep.equal([true, true]);
    expect(seen.filter((e) => e.type === 'participant-left')).to.deep.equal([]);
  });

  it('shows them gone, and tells participant-left, once the grace period passes', async () => {
    store = new RoomStore(script.room, { participantGraceMs: 50 });
    const seen = record(store);
    const [first] = script.identities;
    script.leave(first!, DisconnectReason.MIGRATION);
    await store.settled();
    expect(store.get().participants.get(first!)?.reconnecting).to.equal(true);
    await waitFor(() => !store.get().participants.has(first!), 'gone after the grace period', 5000);
    expect(seen.filter((e) => e.type === 'participant-left')).to.have.length(1);
  });

  it('forgets everyone kept when the room is lost', async () => {
    store = new RoomStore(script.room);
    const [first] = script.identities;
    script.leave(first!, DisconnectReason.SIGNAL_CLOSE);
    await store.settled();
    expect(store.get().participants.has(first!)).to.equal(true);
    script.room.emit(RoomEvent.Disconnected, DisconnectReason.SERVER_SHUTDOWN);
    await store.settled();
    script.room.emit(RoomEvent.Connected);
    await store.settled();
    expect(store.get().participants.has(first!)).to.equal(false);
  });
});

/** A simulated room whose local participant publishes a (dummy, live) camera. */
async function roomWithCamera(): Promise<{ room: Room; camera: LocalVideoTrack }> {
  const room = new Room();
  await room.simulateParticipants({
    // One remote participant besides the local one.
    participants: { count: 2, video: false, audio: false },
    publish: { audio: false, video: true },
  });
  const camera = room.localParticipant.getTrackPublication(Track.Source.Camera)!
    .track as LocalVideoTrack;
  return { room, camera };
}

/** livekit-client publishing `track` again (as after its full reconnect), without a server. */
function publishAgain(room: Room, track: LocalVideoTrack): void {
  const lp = room.localParticipant;
  const publication = new LocalTrackPublication(
    Track.Kind.Video,
    new TrackInfo({
      source: TrackSource.CAMERA,
      sid: `TR_again_${Date.now()}`,
      type: TrackType.VIDEO,
    }),
    track,
  );
  (lp as unknown as { addTrackPublication(p: LocalTrackPublication): void }).addTrackPublication(
    publication,
  );
  lp.emit(ParticipantEvent.LocalTrackPublished, publication);
}

/**
 * In these, as livekit-client does it, `Reconnecting` comes when a full reconnect starts, and the
 * local tracks are unpublished and published again only once the signal connection is back.
 */
/** A room with a published camera and a store on it, made anew for each test of the block. */
function cameraStoreFixture(): { room: Room; camera: LocalVideoTrack; store: RoomStore } {
  const f = {} as { room: Room; camera: LocalVideoTrack; store: RoomStore };
  beforeEach(async () => {
    Object.assign(f, await roomWithCamera());
    f.store = new RoomStore(f.room);
    await f.store.settled();
  });
  afterEach(async () => {
    f.store.destroy();
    f.camera.stop();
    await f.room.disconnect();
  });
  return f;
}

describe('RoomStore through a reconnect: your own media shown as it was', () => {
  const f = cameraStoreFixture();

  it('keeps the camera on (pending, with its track) while it is unpublished and published again', async () => {
    expect(f.store.get().local?.tracks.camera?.republishing).to.equal(undefined);
    f.room.emit(RoomEvent.Reconnecting);
    await f.store.settled();
    await f.room.localParticipant.unpublishTrack(f.camera, false);
    await f.store.settled();
    const held = f.store.get().local?.tracks.camera;
    expect(held?.republishing, 'shown on, pending').to.equal(true);
    expect(held?.muted).to.equal(false);
    expect(held?.track === f.camera, 'the same media to keep showing').to.equal(true);
    expect(f.store.heldSources()).to.deep.equal(['camera']);

    publishAgain(f.room, f.camera);
    await f.store.settled();
    expect(f.store.get().local?.tracks.camera?.republishing).to.equal(undefined);
    expect(f.store.get().local?.tracks.camera?.publication.track === f.camera).to.equal(true);
    f.room.emit(RoomEvent.Reconnected);
    await waitFor(() => f.store.heldSources() === undefined, 'the hold is settled');
    await f.store.settled();
    expect(f.store.get().error?.code).to.equal(undefined);
    expect(f.camera.mediaStreamTrack.readyState).to.equal('live');
  });

  it('says which source could not be published again, and lets go of its media on dismiss', async () => {
    f.room.emit(RoomEvent.Reconnecting);
    await f.store.settled();
    await f.room.localParticipant.unpublishTrack(f.camera, false);
    f.room.emit(RoomEvent.Reconnected);
    await waitFor(() => f.store.get().error?.code === 'republish-failed', 'the failure is told');
    expect(f.store.get().error?.fatal).to.equal(false);
    expect(f.store.get().error?.sources).to.deep.equal(['camera']);
    expect(!f.store.get().local?.tracks.camera, 'shown off now').to.equal(true);
    expect(f.camera.mediaStreamTrack.readyState, 'kept until the user decides').to.equal('live');
    f.store.clearError();
    expect(f.camera.mediaStreamTrack.readyState, 'no camera light left on').to.equal('ended');
  });

  it('takes the failure back when the source is published after all', async () => {
    f.room.emit(RoomEvent.Reconnecting);
    await f.store.settled();
    await f.room.localParticipant.unpublishTrack(f.camera, false);
    f.room.emit(RoomEvent.Reconnected);
    await waitFor(() => f.store.get().error?.code === 'republish-failed', 'the failure is told');
    publishAgain(f.room, f.camera);
    await f.store.settled();
    expect(f.store.get().error?.code).to.equal(undefined);
    expect(f.camera.mediaStreamTrack.readyState).to.equal('live');
  });

  it('holds what was on through a lost room for the rejoin, and forgets it when the user leaves', async () => {
    f.room.emit(RoomEvent.Disconnected, DisconnectReason.SERVER_SHUTDOWN);
    await f.store.settled();
    expect(f.store.heldSources()).to.deep.equal(['camera']);
    expect(!f.store.get().local, 'out of the room, nobody is shown').to.equal(true);
    // The rejoin published nothing: the f.camera could not come back.
    f.room.emit(RoomEvent.Connected);
    await f.room.localParticipant.unpublishTrack(f.camera, false);
    await f.store.settled();
    expect(f.store.get().local?.tracks.camera?.republishing).to.equal(true);
    f.store.releaseHeld();
    await f.store.settled();
    expect(f.store.get().error?.sources).to.deep.equal(['camera']);

    f.room.emit(RoomEvent.Reconnecting);
    f.room.emit(RoomEvent.Disconnected, DisconnectReason.CLIENT_INITIATED);
    await f.store.settled();
    expect(f.store.heldSources()).to.equal(undefined);
  });
});

describe('RoomStore through a rejoin the session makes at once (beginRejoin)', () => {
  const f = cameraStoreFixture();

  it('stays reconnecting through the disconnect on the way, keeps everyone, then tells reconnected', async () => {
    const seen = record(f.store);
    const [remote] = [...f.room.remoteParticipants.keys()];
    f.store.beginRejoin();
    await f.store.settled();
    // The session lets go of the connection: livekit-client unpublishes, forgets everyone, says
    // Disconnected; then the session connects anew.
    await f.room.localParticipant.unpublishTrack(f.camera, false);
    f.room.remoteParticipants.clear();
    f.room.emit(RoomEvent.Disconnected, DisconnectReason.CLIENT_INITIATED);
    f.store.beginConnect();
    f.room.emit(RoomEvent.ConnectionStateChanged, 'connecting' as never);
    await f.store.settled();
    expect(f.store.get().connection.phase).to.equal('reconnecting');
    expect(f.store.get().participants.get(remote!)?.reconnecting, 'the other is kept').to.equal(
      true,
    );
    expect(f.store.get().local?.tracks.camera?.republishing, 'the camera shown on').to.equal(true);

    f.room.emit(RoomEvent.Connected);
    await f.store.settled();
    expect(connectionEvents(seen)).to.deep.equal([
      { type: 'reconnecting', phase: 'reconnecting' },
      { type: 'reconnected', phase: 'connected' },
    ]);
    expect(f.store.heldSources(), 'held until the session has published').to.deep.equal(['camera']);
    publishAgain(f.room, f.camera);
    f.store.releaseHeld();
    await f.store.settled();
    expect(f.store.heldSources()).to.equal(undefined);
    expect(f.store.get().error?.code).to.equal(undefined);
  });

  it('ends in disconnected (client-initiated) when the user leaves during it', async () => {
    const seen = record(f.store);
    f.store.beginRejoin();
    await f.room.disconnect();
    f.store.abandonConnect();
    await f.store.settled();
    expect(connectionEvents(seen).map((e) => e.reason ?? e.type)).to.deep.equal([
      'reconnecting',
      'client-initiated',
    ]);
    expect(f.store.get().connection.phase).to.equal('disconnected');
    expect(f.store.heldSources()).to.equal(undefined);
  });
});
