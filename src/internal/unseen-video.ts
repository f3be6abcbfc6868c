import {
  Track,
  type ElementInfo,
  type RemoteVideoTrack,
  type TrackPublication,
} from 'livekit-client';

/** How long a newly received video may wait for an element before it counts as unseen. */
const GRACE_MS = 250;

/**
 * Adaptive stream turns a remote video off when its last element is detached, but not one that
 * was never attached at all (a participant whose tile is on another page, or not shown by the
 * page's own layout): that keeps arriving until the SFU happens to send a stream-state update.
 * Called for each newly subscribed track, this tells livekit-client such a video is not visible
 * (an element that is not visible, observed and let go at once), so the SFU stops sending it.
 * Attaching it later, anywhere, turns it back on.
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
  }, GRACE_MS);
}
