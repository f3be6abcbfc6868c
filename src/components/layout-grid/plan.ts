import { pageSize } from './grid-math.js';
import type { GridLayout, GridTile, PinnedTile } from './layout-grid.js';
import { stableOrder, type OrderTile } from './order.js';
import { keyOf, type GridView } from './view.js';

export interface Size {
  width: number;
  height: number;
}

export function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

/** What one render shows, worked out from the store, the attributes and the measured sizes. */
export interface Plan {
  mode: 'grid' | 'focus' | 'pip';
  main: GridTile | undefined;
  pip: GridTile | undefined;
  pageTiles: GridTile[];
  total: number;
  page: number;
  pages: number;
  size: number;
  viewers: number;
}

export interface PlanInput {
  /** The tiles to lay out and the viewers left out of them (`tilesToShow`). */
  readonly tiles: GridTile[];
  readonly viewers: number;
  /** Who speaks and who spoke when. */
  readonly view: Pick<GridView, 'speakers' | 'recency'>;
  /** The tiles are slotted (a composition keeps its own order). */
  readonly composed: boolean;
  readonly layout: GridLayout;
  readonly pinned: PinnedTile | undefined;
  /** A host's choices for everyone: the spotlighted identity and the places (identity → index). */
  readonly host?: {
    readonly spotlight: string | undefined;
    readonly positions: ReadonlyMap<string, number>;
  };
  readonly maxTiles: number;
  /** The `page` property, not yet clamped. */
  readonly page: number;
  readonly gridSize: Size;
  readonly gap: number;
  /** The narrowest shape (width / height) a tile may take to fill its cell. */
  readonly minAspect: number;
  readonly minTileWidth: number;
  /** The tile order last shown (keys), so the next order is stable. */
  readonly previous: string[];
}

/** `page` (from 1) clamped to the pages there are. */
export function clampPage(page: number, pages: number): number {
  return Math.min(Math.max(1, Math.floor(page) || 1), pages);
}

/**
 * What to show: the layout mode, the large tile (and the small one in `pip`), and the tiles of
 * the page; with the tile order to keep for the next plan (`previous` when it did not change).
 */
export function makePlan(input: PlanInput): { plan: Plan; order: string[] } {
  const { tiles, viewers, layout, composed, previous } = input;
  const byKey = new Map(tiles.map((t) => [t.key, t]));
  const pinnedKey =
    input.pinned && byKey.has(keyOf(input.pinned.identity, input.pinned.source))
      ? keyOf(input.pinned.identity, input.pinned.source)
      : undefined;
  // A host's spotlight is the large tile for everyone, unless this viewer pinned a tile.
  const spotlightKey = input.host?.spotlight && keyOf(input.host.spotlight, 'camera');
  const spotlit = pinnedKey || !spotlightKey ? undefined : byKey.get(spotlightKey);
  const share = tiles.find((t) => t.source === 'screen_share');
  const { speakers, recency } = input.view;

  let mode: Plan['mode'] = 'grid';
  let main: GridTile | undefined;
  let pip: GridTile | undefined;
  const remoteCameras = tiles.filter((t) => !t.isLocal && t.source === 'camera');
  const localCamera = tiles.find((t) => t.isLocal && t.source === 'camera');
  if (
    layout === 'pip' &&
    !composed &&
    tiles.length === 2 &&
    remoteCameras.length === 1 &&
    localCamera &&
    !pinnedKey &&
    !spotlit
  ) {
    mode = 'pip';
    main = remoteCameras[0];
    pip = localCamera;
  } else if (layout === 'focus' || layout === 'speaker') {
    main =
      (pinnedKey && byKey.get(pinnedKey)) ||
      spotlit ||
      share ||
      lastSpeaker(tiles, recency) ||
      tiles[0];
  } else if (!pinnedKey) {
    main = spotlit ?? share;
  }
  if (mode !== 'pip') mode = main && tiles.length > 1 ? 'focus' : 'grid';
  if (mode === 'grid') main = undefined;

  const others = tiles.filter((t) => t !== main && t !== pip);
  const size = pageSize(
    mode === 'focus' ? input.maxTiles - 1 : input.maxTiles,
    input.gridSize.width,
    input.gridSize.height,
    input.minTileWidth,
    { gap: input.gap, minAspect: input.minAspect },
  );
  const pages = Math.max(1, Math.ceil(others.length / size));
  const page = clampPage(input.page, pages);

  const speaking = new Set(speakers);
  let ordered: string[];
  let order = previous;
  if (composed) {
    // A composition keeps its own order; only the pinned tile comes first.
    ordered = others.map((t) => t.key);
    if (pinnedKey && ordered.includes(pinnedKey))
      ordered = [pinnedKey, ...ordered.filter((k) => k !== pinnedKey)];
  } else {
    const orderTiles: OrderTile[] = others.map((t) => ({
      key: t.key,
      isScreenShare: t.source === 'screen_share',
      isLocal: t.isLocal,
      lastSpoke: recency.get(t.identity) ?? 0,
      speaking: t.source === 'camera' && speaking.has(t.identity),
    }));
    const positions = input.host?.positions;
    ordered = stableOrder({
      previous,
      tiles: orderTiles,
      pinned: pinnedKey,
      pageSize: size,
      page: page - 1,
      positions: positions?.size
        ? new Map([...positions].map(([identity, at]) => [keyOf(identity, 'camera'), at]))
        : undefined,
    });
    // Keep the large tile's place in the order, for when it returns to the grid.
    order = [...ordered];
    for (const t of [main, pip]) {
      if (!t) continue;
      const at = previous.indexOf(t.key);
      order.splice(at < 0 ? order.length : Math.min(at, order.length), 0, t.key);
    }
  }
  const pageTiles = ordered.slice((page - 1) * size, page * size).map((k) => byKey.get(k)!);
  return {
    plan: { mode, main, pip, pageTiles, total: others.length, page, pages, size, viewers },
    order,
  };
}

/**
 * The camera tile of the remote participant who spoke last (the first one when none has spoken);
 * never your own: without a remote camera the caller falls back to the first tile.
 */
function lastSpeaker(
  tiles: readonly GridTile[],
  recency: ReadonlyMap<string, number>,
): GridTile | undefined {
  let best: GridTile | undefined;
  let bestTime = -1;
  for (const t of tiles) {
    if (t.source !== 'camera' || t.isLocal) continue;
    const time = recency.get(t.identity) ?? 0;
    if (time > bestTime) {
      best = t;
      bestTime = time;
    }
  }
  return best;
}
