/**
 * The one place that relies on livekit-client behaviour marked `@internal` (or otherwise not part
 * of its documented API). Everything else in the library uses the public API only; the contract
 * test (test/session/livekit-adapter.test.ts) fails when a livekit-client upgrade changes one of
 * these.
 */
import {
  EngineEvent,
  Track,
  type ElementInfo,
  type LocalParticipant,
  type RemoteVideoTrack,
  type Room,
  type TrackPublication,
} from 'livekit-client';

/**
 * Follow the token the server hands out while connected (it refreshes it before it expires).
 * Uses the Room's `engine` (`@internal`): the engine of the current connection, dropped by
 * livekit-client when the room disconnects. Returns the unsubscribe function.
 */
export function onTokenRefreshed(room: Room, listener: (token: string) => void): () => void {
  const { engine } = room;
  if (!engine) return () => undefined;
  engine.on(EngineEvent.TokenRefreshed, listener);
  return () => void engine.off(EngineEvent.TokenRefreshed, listener);
}

/** The protocol's track source as livekit-client's `Track.Source` (`@internal` helper). */
export function sourceFromProto(source: Parameters<typeof Track.sourceFromProto>[0]): Track.Source {
  return Track.sourceFromProto(source);
}

/** How long a newly received video may wait for an element before it counts as unseen. */
export const UNSEEN_GRACE_MS = 250;

/**
 * Adaptive stream turns a remote video off when its last element is detached, but not one that
 * was never attached at all (a participant whose tile is on another page, or not shown by the
 * page's own layout): that keeps arriving until the SFU happens to send a stream-state update.
 * Called for each newly subscribed track, this tells livekit-client such a video is not visible
 * (an element that is not visible, observed and let go at once, through the `@internal`
 * `observeElementInfo`), so the SFU stops sending it. Attaching it later, anywhere, turns it back
 * on.
 */
export function pauseIfUnseen(publication: TrackPublication): void {
  if (publication.kind !== Track.Kind.Video) return;
  setTimeout(() => {
    const track = publication.track as RemoteVideoTrack | undefined;
    if (!track?.isAdaptiveStream || track.attachedElements.length > 0) return;
    const unseen: ElementInfo = {
      element: document.createElement('video'),
      width: () => 0,
      height: () => 0,
      visible: false,
      pictureInPicture: false,
      visibilityChangedAt: undefined,
      observe() {},
      stopObserving() {},
    };
    track.observeElementInfo(unseen);
    track.stopObservingElementInfo(unseen);
  }, UNSEEN_GRACE_MS);
}

/**
 * Settles once livekit-client is done publishing the local tracks again after a full reconnect,
 * whether it managed or not: it awaits the participant's `republishPromise` (private), which
 * rejects at the first track that fails while the others go on, then every publish still pending
 * (`pendingPublishPromises`, private). At once when none is under way.
 */
export async function republishSettled(participant: LocalParticipant): Promise<void> {
  const internals = participant as unknown as {
    republishPromise?: Promise<unknown>;
    pendingPublishPromises?: Map<unknown, Promise<unknown>>;
  };
  await internals.republishPromise?.catch(() => undefined);
  // A publish may start while another is awaited (a track restarting first): a few rounds.
  for (let round = 0; round < 5; round += 1) {
    const pending = [...(internals.pendingPublishPromises?.values() ?? [])];
    if (pending.length === 0) return;
    await Promise.allSettled(pending);
  }
}

/**
 * Whether a media connection of the Room (its publisher or subscriber RTCPeerConnection) is
 * `disconnected` or `failed`: the node carrying the media went away even while the signalling,
 * forwarded by another node, still looks fine (livekit-client acts only on `failed`, and on the
 * signalling). Reads the Room's `engine.pcManager` (`@internal`).
 */
export function mediaDisconnected(room: Room): boolean {
  const manager = room.engine?.pcManager;
  return [manager?.publisher, manager?.subscriber].some((transport) => {
    const state = transport?.getConnectionState();
    return state === 'disconnected' || state === 'failed';
  });
}

/**
 * Send `text` as a text stream with the stream id `id` (a chat message sent again keeps its id, so
 * that receivers record it once). `sendText` draws a new id each time; `streamText`, which takes
 * one, is marked `@internal`. Resolves once the stream is handed to the data channel.
 */
export async function sendTextWithId(
  room: Room,
  text: string,
  options: { id: string; topic: string; destinationIdentities?: string[] },
): Promise<void> {
  const writer = await room.localParticipant.streamText({
    streamId: options.id,
    topic: options.topic,
    totalSize: new TextEncoder().encode(text).byteLength,
    destinationIdentities: options.destinationIdentities,
  });
  await writer.write(text);
  await writer.close();
}
