import { expect } from '@open-wc/testing';
import { TrackSource } from '@livekit/protocol';
import {
  EngineEvent,
  LocalParticipant,
  RemoteVideoTrack,
  Room,
  RoomEvent,
  Track,
  TrackEvent,
  type RemoteTrackPublication,
} from 'livekit-client';
import {
  UNSEEN_GRACE_MS,
  mediaDisconnected,
  onTokenRefreshed,
  pauseIfUnseen,
  republishSettled,
  sendTextWithId,
  sourceFromProto,
} from '../../src/session/livekit-adapter.js';
import { joinPeer, tokenFor, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';
import { itIn } from '../engines.js';

/** Inbound video bytes of `track` so far (WebRTC stats). */
async function bytesReceived(track: RemoteVideoTrack): Promise<number> {
  const report = await track.getRTCStatsReport();
  let bytes = 0;
  report?.forEach((stat: { type: string; kind?: string; bytesReceived?: number }) => {
    if (stat.type === 'inbound-rtp' && stat.kind === 'video') bytes += stat.bytesReceived ?? 0;
  });
  return bytes;
}

/**
 * Measure, a second at a time for up to 20 s, until the video of `track` is flowing (its inbound
 * bytes grow over the second) or has stopped, as `wanted`; fails with `message` otherwise.
 */
async function untilFlowing(track: RemoteVideoTrack, wanted: boolean, message: string) {
  const end = performance.now() + 20_000;
  while (performance.now() < end) {
    const before = await bytesReceived(track);
    // A measurement window: flowing video adds bytes within it, a stopped one none.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    if ((await bytesReceived(track)) > before === wanted) return;
  }
  throw new Error(`${message} (inbound video bytes ${wanted ? 'did not grow' : 'kept growing'})`);
}

/**
 * The contract of src/session/livekit-adapter.ts: the livekit-client behaviour it relies on that
 * is marked `@internal` (or is not documented). A failure here names the internal that changed in
 * a livekit-client upgrade; fix the adapter, not its callers.
 */
describe('livekit-adapter: the livekit-client internals the library relies on', () => {
  const { peers } = useLiveHooks();

  /** A plain Room joined to `room` as `identity`, disconnected after the test. */
  async function joined(room: string, identity: string): Promise<Room> {
    const { token, url } = await tokenFor(room, identity);
    const lk = new Room({ adaptiveStream: true, dynacast: true });
    peers.push(lk);
    await lk.connect(url, token);
    return lk;
  }

  it('EngineEvent.TokenRefreshed is still "tokenRefreshed"', () => {
    expect(
      EngineEvent.TokenRefreshed,
      'livekit-client EngineEvent.TokenRefreshed (@internal engine event) was renamed',
    ).to.equal('tokenRefreshed');
  });

  it('sourceFromProto maps every protocol TrackSource to its Track.Source', () => {
    const expected: Record<number, Track.Source> = {
      [TrackSource.UNKNOWN]: Track.Source.Unknown,
      [TrackSource.CAMERA]: Track.Source.Camera,
      [TrackSource.MICROPHONE]: Track.Source.Microphone,
      [TrackSource.SCREEN_SHARE]: Track.Source.ScreenShare,
      [TrackSource.SCREEN_SHARE_AUDIO]: Track.Source.ScreenShareAudio,
    };
    expect(
      typeof Track.sourceFromProto,
      'livekit-client Track.sourceFromProto (@internal) is gone',
    ).to.equal('function');
    const protocolSources = Object.values(TrackSource).filter(
      (v): v is TrackSource => typeof v === 'number',
    );
    for (const source of protocolSources) {
      expect(
        expected[source],
        `@livekit/protocol TrackSource ${TrackSource[source]} is new: map it in this test and the store`,
      ).to.not.equal(undefined);
      expect(
        sourceFromProto(source),
        `livekit-client Track.sourceFromProto (@internal) maps TrackSource.${TrackSource[source]} differently`,
      ).to.equal(expected[source]);
    }
  });

  it('RemoteVideoTrack still has observeElementInfo and stopObservingElementInfo', () => {
    const proto = RemoteVideoTrack.prototype as unknown as Record<string, unknown>;
    expect(
      typeof proto.observeElementInfo,
      'livekit-client RemoteVideoTrack.observeElementInfo (@internal) is gone',
    ).to.equal('function');
    expect(
      typeof proto.stopObservingElementInfo,
      'livekit-client RemoteVideoTrack.stopObservingElementInfo (@internal) is gone',
    ).to.equal('function');
  });

  itIn(
    'after connect, room.engine exists and onTokenRefreshed follows its TokenRefreshed',
    async function () {
      this.timeout(60_000);
      const room = await joined(uniqueRoom('adapter-token'), 'me');
      expect(
        !!room.engine,
        'livekit-client Room.engine (@internal) is missing after connect',
      ).to.equal(true);
      expect(
        typeof room.engine.on === 'function' && typeof room.engine.off === 'function',
        'livekit-client RTCEngine (@internal) is no longer an event emitter with on/off',
      ).to.equal(true);

      const seen: string[] = [];
      const off = onTokenRefreshed(room, (token) => seen.push(token));
      // The server refreshes the token only every few minutes: play its part on the engine.
      room.engine.emit(EngineEvent.TokenRefreshed, 'refreshed-token-1');
      expect(
        seen,
        'a token from livekit-client RTCEngine EngineEvent.TokenRefreshed (@internal) did not arrive',
      ).to.deep.equal(['refreshed-token-1']);

      off();
      room.engine.emit(EngineEvent.TokenRefreshed, 'refreshed-token-2');
      expect(seen, 'the unsubscribe of onTokenRefreshed (engine.off) did not work').to.deep.equal([
        'refreshed-token-1',
      ]);
    },
  );

  it('republishSettled: the local participant still keeps its publishes in pendingPublishPromises and republishPromise', async () => {
    const lp = new Room().localParticipant;
    const internals = lp as unknown as { pendingPublishPromises: Map<unknown, Promise<unknown>> };
    expect(internals.pendingPublishPromises).to.be.instanceOf(Map);
    expect(String(LocalParticipant.prototype.republishAllTracks)).to.contain('republishPromise');
    // It waits for every publish still pending, failed ones too.
    let settle!: () => void;
    const pending = new Promise<void>(
      (_resolve, reject) => (settle = () => reject(new Error('x'))),
    );
    pending.catch(() => undefined);
    internals.pendingPublishPromises.set({}, pending);
    let done = false;
    const settled = republishSettled(lp).then(() => (done = true));
    await Promise.resolve();
    expect(done, 'waits while a publish is pending').to.equal(false);
    internals.pendingPublishPromises.clear();
    settle();
    await settled;
    expect(done).to.equal(true);
  });

  it('mediaDisconnected reads the connection state of the engine’s transports (@internal)', async () => {
    expect(mediaDisconnected(new Room()), 'a Room that never connected').to.equal(false);
    const room = new Room();
    const { token, url } = await tokenFor(uniqueRoom('adapter-media'), 'media-state');
    await room.connect(url, token);
    try {
      const manager = room.engine.pcManager;
      // One peer connection for both directions (the publisher) when the server offers it, else a
      // subscriber beside it.
      const transports = [manager?.publisher, manager?.subscriber].filter((t) => t !== undefined);
      expect(
        transports.length > 0 &&
          transports.every((t) => typeof t.getConnectionState === 'function'),
        'livekit-client RTCEngine.pcManager (@internal) no longer has a publisher (and subscriber) transport with getConnectionState()',
      ).to.equal(true);
      expect(mediaDisconnected(room), 'connected: no transport is down').to.equal(false);
      // A transport whose peer connection is down, as when the node carrying the media died.
      const transport = transports.at(-1)!;
      transport.getConnectionState = () => 'disconnected';
      expect(mediaDisconnected(room), 'a transport is disconnected').to.equal(true);
    } finally {
      await room.disconnect();
    }
  });

  it('sendTextWithId: a text stream with the id given, to everyone or to one (streamText, @internal)', async () => {
    const room = uniqueRoom('adapter-text');
    const [sender, everyone, one] = await Promise.all([
      joined(room, 'text-sender'),
      joined(room, 'text-everyone'),
      joined(room, 'text-one'),
    ]);
    const got = new Map<string, Array<[string, string]>>();
    for (const lk of [everyone, one]) {
      const seen: Array<[string, string]> = [];
      got.set(lk.localParticipant.identity, seen);
      lk.registerTextStreamHandler('adapter-test', async (reader) => {
        seen.push([reader.info.id, await reader.readAll()]);
      });
    }
    await waitFor(() => sender.remoteParticipants.size === 2, 'the others are in');
    await sendTextWithId(sender, 'to all', { id: 'stream-all', topic: 'adapter-test' });
    await sendTextWithId(sender, 'to one', {
      id: 'stream-one',
      topic: 'adapter-test',
      destinationIdentities: ['text-one'],
    });
    // The same id again is read again (the store records it once).
    await sendTextWithId(sender, 'to all', { id: 'stream-all', topic: 'adapter-test' });
    await waitFor(() => got.get('text-one')!.length === 3, 'the one got three');
    await waitFor(() => got.get('text-everyone')!.length === 2, 'everyone got two');
    expect(got.get('text-one')).to.deep.equal([
      ['stream-all', 'to all'],
      ['stream-one', 'to one'],
      ['stream-all', 'to all'],
    ]);
    expect(got.get('text-everyone')).to.deep.equal([
      ['stream-all', 'to all'],
      ['stream-all', 'to all'],
    ]);
  });

  it('onTokenRefreshed on a Room that never connected does nothing and does not throw', () => {
    const room = new Room();
    const off = onTokenRefreshed(room, () => undefined);
    expect(() => off()).to.not.throw();
  });

  it('pauseIfUnseen: an unattached adaptive-stream video is marked not visible, and paused', async function () {
    this.timeout(90_000);
    const name = uniqueRoom('adapter-unseen');
    const viewer = await joined(name, 'viewer');
    peers.push(await joinPeer(name, 'camera', { camera: true, microphone: false }));

    let pub: RemoteTrackPublication | undefined;
    await waitFor(
      () => {
        pub = viewer.remoteParticipants.get('camera')?.getTrackPublication(Track.Source.Camera);
        return !!pub?.isSubscribed && !!pub.videoTrack;
      },
      'the peer camera is subscribed',
      30_000,
    );
    const publication = pub!;
    const track = publication.videoTrack as RemoteVideoTrack;
    expect(track, 'a subscribed remote camera is a RemoteVideoTrack').to.be.instanceOf(
      RemoteVideoTrack,
    );
    expect(
      track.isAdaptiveStream,
      'RemoteVideoTrack.isAdaptiveStream with adaptiveStream on',
    ).to.equal(true);
    expect(track.attachedElements.length).to.equal(0);
    await untilFlowing(track, true, 'the peer camera does not arrive before pauseIfUnseen');
    expect(
      publication.isEnabled,
      'livekit-client now disables an unattached adaptive-stream video by itself ' +
        '(RemoteTrackPublication.isEnabled false before pauseIfUnseen): pauseIfUnseen may be unneeded',
    ).to.equal(true);

    const visibility: boolean[] = [];
    track.on(TrackEvent.VisibilityChanged, (visible: boolean) => visibility.push(visible));
    const streamStates: string[] = [];
    viewer.on(RoomEvent.TrackStreamStateChanged, (p, state) => {
      if (p === publication) streamStates.push(state);
    });

    pauseIfUnseen(publication);
    await waitFor(
      () => !publication.isEnabled,
      'livekit-client RemoteVideoTrack.observeElementInfo/stopObservingElementInfo (@internal) ' +
        'with an invisible ElementInfo no longer make RemoteTrackPublication.isEnabled false',
      UNSEEN_GRACE_MS + 5_000,
    );
    expect(
      visibility,
      'livekit-client RemoteVideoTrack no longer emits TrackEvent.VisibilityChanged(false) for it',
    ).to.deep.equal([false]);

    // The subscriber asked the SFU to stop sending it (UpdateTrackSettings disabled). The SFU
    // sends no stream-state update for a track its subscriber disabled (streamState stays as it
    // was), so what shows it is that no more video arrives.
    await untilFlowing(track, false, 'the SFU kept sending the video livekit-client disabled');
    expect(publication.isEnabled, 'it stays disabled while unattached').to.equal(false);
    console.log(
      `[livekit-adapter] unseen: streamState ${track.streamState}, ` +
        `stream state changes: ${streamStates.join(', ') || 'none'}`,
    );

    // Attached anywhere later, it is visible again and the SFU sends it again.
    const video = document.createElement('video');
    video.muted = true;
    video.style.width = '160px';
    video.style.height = '90px';
    document.body.append(video);
    try {
      track.attach(video);
      await waitFor(
        () => publication.isEnabled,
        'an attached element no longer turns it back on',
        10_000,
      );
      await untilFlowing(track, true, 'the SFU did not resume the video once attached');
    } finally {
      track.detach(video);
      video.remove();
    }
  });
});
