/** The events of `<layout-grid>`: one class each. Both bubble and cross shadow roots. */
const init = { bubbles: true, composed: true } as const;

/** Which tile is pinned: a participant and the source of the video. */
export interface PinnedTile {
  readonly identity: string;
  readonly source: 'camera' | 'screen_share';
}

/** The user pinned or unpinned a tile; `pinned` is the grid's new `pinned` (undefined: none). */
export class PinnedChangeEvent extends Event {
  readonly pinned: PinnedTile | undefined;
  constructor(pinned: PinnedTile | undefined) {
    super('pinned-change', init);
    this.pinned = pinned;
  }
}

/** The user went to another page of tiles; `page` is 1-based, of `pages`. */
export class PageChangeEvent extends Event {
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
