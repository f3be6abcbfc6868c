import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Track } from 'livekit-client';

/**
 * Keeps one livekit-client track attached to one media element of its host. `set(track)` after
 * each render attaches the new track and detaches the old; disconnecting the host detaches, so no
 * element keeps a stream (and adaptive stream stops counting it as visible). Detaching empties
 * the element's `srcObject` before the track leaves it.
 */
export class TrackController implements ReactiveController {
  readonly #element: () => HTMLMediaElement | null | undefined;
  #track: Track | undefined;
  #attachedTo: HTMLMediaElement | undefined;

  constructor(host: ReactiveControllerHost, element: () => HTMLMediaElement | null | undefined) {
    this.#element = element;
    host.addController(this);
  }

  get track(): Track | undefined {
    return this.#track;
  }

  set(track: Track | undefined): void {
    const element = this.#element() ?? undefined;
    if (track === this.#track && element === this.#attachedTo) return;
    this.#detach();
    if (track && element) {
      track.attach(element);
      this.#track = track;
      this.#attachedTo = element;
    }
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#detach();
  }

  #detach(): void {
    const element = this.#attachedTo;
    if (this.#track && element) {
      // The element lets go of its stream first, so the track is never taken out of a stream
      // that is playing: WebKitGTK (GStreamer) can deadlock its page when a track leaves a stream
      // a <video> shows while a frame of it waits to be drawn.
      element.srcObject = null;
      this.#track.detach(element);
    }
    this.#track = undefined;
    this.#attachedTo = undefined;
  }
}
