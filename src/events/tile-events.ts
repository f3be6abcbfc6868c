/** The event of `<participant-tile>`, named after it. It bubbles and crosses shadow roots. */

/** The video sources a `<participant-tile>` shows. */
export type TileSource = 'camera' | 'screen_share';

/**
 * `tile-pin`: the user pressed a tile's Pin button. The tile does not change its own `pinned`;
 * the owner (say, `<layout-grid>`) does, unless a listener called `preventDefault()`.
 */
export class TilePinEvent extends Event {
  /** Always `tile-pin`. */
  declare readonly type: 'tile-pin';
  /** Identity of the tile's participant. */
  readonly identity: string;
  /** Which of the participant's videos the tile shows. */
  readonly source: TileSource;
  /** The state the user asks for: `true` to pin, `false` to unpin (the tile's `pinned` inverted). */
  readonly pinned: boolean;
  constructor(identity: string, source: TileSource, pinned = true) {
    super('tile-pin', { bubbles: true, composed: true, cancelable: true });
    this.identity = identity;
    this.source = source;
    this.pinned = pinned;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'tile-pin': TilePinEvent;
  }
}
