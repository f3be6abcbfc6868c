import type { LocalAudioTrack, LocalVideoTrack } from 'livekit-client';

/** The event of `<pre-join>`, named after it. It bubbles and crosses shadow roots. */

/**
 * `join` from `<pre-join>`: the user chose to join with this name and these tracks (undefined
 * when turned off), before `<pre-join>` hands the tracks over. Cancelable: cancel it to keep the
 * preview (the tracks stay with `<pre-join>`).
 */
export class JoinEvent extends Event {
  /** Always `join`. */
  declare readonly type: 'join';
  readonly name: string;
  readonly audioTrack: LocalAudioTrack | undefined;
  readonly videoTrack: LocalVideoTrack | undefined;
  constructor(choice: {
    name: string;
    audioTrack: LocalAudioTrack | undefined;
    videoTrack: LocalVideoTrack | undefined;
  }) {
    super('join', { bubbles: true, composed: true, cancelable: true });
    this.name = choice.name;
    this.audioTrack = choice.audioTrack;
    this.videoTrack = choice.videoTrack;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    join: JoinEvent;
  }
}
