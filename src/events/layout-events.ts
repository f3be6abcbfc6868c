/**
 * The events of `<layout-grid>`: one class per event name, named after it. Both bubble and cross
 * shadow roots. Unlike the controls' events, these are `-change` notifications, like an
 * `<input>`'s `change`: the grid has already changed its own `pinned` or `page` property (view
 * state, nothing is sent to the call), so they are not cancelable. The announcement before
 * pinning is the tile's cancelable `tile-pin`.
 */
const init = { bubbles: true, composed: true } as const;

/** Which tile is pinned: a participant and the source of the video. */
export interface PinnedTile {
  readonly identity: string;
  readonly source: 'camera' | 'screen_share';
}

/** The user pinned or unpinned a tile; `pinned` is the grid's new `pinned` (undefined: none). */
export class PinnedChangeEvent extends Event {
  /** Always `pinned-change`. */
  declare readonly type: 'pinned-change';
  readonly pinned: PinnedTile | undefined;
  constructor(pinned: PinnedTile | undefined) {
    super('pinned-change', init);
    this.pinned = pinned;
  }
}

/** The user went to another page of tiles; `page` is 1-based, of `pages`. */
export class PageChangeEvent extends Event {
  /** Always `page-change`. */
  declare readonly type: 'page-change';
  readonly page: number;
  readonly pages: number;
  constructor(page: number, pages: number) {
    super('page-change', init);
    this.page = page;
    this.pages = pages;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pinned-change': PinnedChangeEvent;
    'page-change': PageChangeEvent;
  }
}
