import type { GridLayout, GridTile } from './layout-grid.js';

type Source = GridTile['source'];

/** What the grid reads of the store: every tile, who is speaking, and who spoke when. */
export interface GridView {
  readonly tiles: readonly GridTile[];
  readonly speakers: readonly string[];
  /** How recently each identity spoke (the store's `speakerRecency`: higher is more recent). */
  readonly recency: ReadonlyMap<string, number>;
}

export const NO_RECENCY: ReadonlyMap<string, number> = new Map();

export const keyOf = (identity: string, source: string) => `${identity}:${source}`;

/** `videoOff` counts only when the grid hides muted videos (each tile shows its own state). */
export function sameView(a: GridView, b: GridView, videoOff: boolean): boolean {
  return (
    sameList(a.speakers, b.speakers) &&
    a.recency === b.recency &&
    a.tiles.length === b.tiles.length &&
    a.tiles.every((t, i) => {
      const u = b.tiles[i]!;
      return (
        t.key === u.key &&
        t.isLocal === u.isLocal &&
        (!videoOff || t.videoOff === u.videoOff) &&
        t.publishes === u.publishes &&
        t.subscribed === u.subscribed
      );
    })
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

/** The source a slotted element shows (`camera` unless it says `screen_share`). */
function sourceOf(el: Element): Source {
  return el.getAttribute('source') === 'screen_share' ? 'screen_share' : 'camera';
}

/** Which tiles to lay out, and how the `stage` layout filters them. */
export interface TileFilter {
  readonly layout: GridLayout;
  readonly hideVideoMuted: boolean;
}

/**
 * The tiles to lay out: the slotted ones (a composition), or else the room's; filtered by
 * `hide-video-muted` and `stage` (whose non-publishers are counted as viewers instead).
 */
export function tilesToShow(
  fromStore: readonly GridTile[],
  slotted: readonly Element[],
  { layout, hideVideoMuted }: TileFilter,
): { tiles: GridTile[]; viewers: number } {
  let tiles: GridTile[];
  if (slotted.length) {
    const known = new Map(fromStore.map((t) => [t.key, t]));
    const seen = new Set<string>();
    tiles = slotted.map((el, i) => {
      const identity = el.getAttribute('identity') ?? '';
      const source = sourceOf(el);
      let key = keyOf(identity, source);
      if (!identity || seen.has(key)) key = `#${i}`;
      seen.add(key);
      return (
        known.get(key) ?? {
          key,
          identity,
          source,
          isLocal: false,
          videoOff: false,
          publishes: true,
          subscribed: false,
        }
      );
    });
  } else {
    tiles = [...fromStore];
  }
  if (hideVideoMuted) tiles = tiles.filter((t) => t.source === 'screen_share' || !t.videoOff);
  let viewers = 0;
  if (layout === 'stage') {
    viewers = tiles.filter((t) => t.source === 'camera' && !t.publishes).length;
    tiles = tiles.filter((t) => t.publishes);
  }
  return { tiles, viewers };
}

/** The slotted element behind each tile (keys `identity:source`, or `#index` for ones without). */
export function slottedByKey(
  tiles: readonly GridTile[],
  slotted: readonly Element[],
): Map<string, Element> {
  const byKey = new Map<string, Element>();
  for (const { key } of tiles) {
    const el = key.startsWith('#')
      ? slotted[Number(key.slice(1))]
      : slotted.find((e) => keyOf(e.getAttribute('identity') ?? '', sourceOf(e)) === key);
    if (el) byKey.set(key, el);
  }
  return byKey;
}
