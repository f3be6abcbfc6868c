/** What the ordering needs to know about one tile. */
export interface OrderTile {
  /** Stable key, `identity:source`. */
  readonly key: string;
  readonly isScreenShare: boolean;
  /** The local participant's own tile: it keeps its place on the first page. */
  readonly isLocal?: boolean;
  /** When the participant last spoke (ms); 0 if never. */
  readonly lastSpoke: number;
  /** Whether the participant is speaking now. */
  readonly speaking: boolean;
}

export interface OrderInput {
  /** The order returned last time (keys); an empty array the first time. */
  readonly previous: readonly string[];
  /** The tiles now, in the order newcomers should be appended (join order). */
  readonly tiles: readonly OrderTile[];
  /** Key of the pinned tile, if any. */
  readonly pinned?: string | undefined;
  /** Tiles per page. */
  readonly pageSize: number;
  /** The page the user is looking at (0-based). */
  readonly page: number;
  /**
   * Places a host chose for everyone (key → index, 0 first) among the tiles after the pinned one
   * and the screen shares; they override the automatic order.
   */
  readonly positions?: ReadonlyMap<string, number> | undefined;
}

/**
 * A stable order of tiles: the pinned one first, then screen shares, then everyone else (those a
 * host placed at their `positions`).
 *
 * The rest keep their previous places, so visible tiles are not reshuffled on every speaker
 * change: a speaker already on the current page (or on the first page) stays where they are; a
 * speaker from another page is brought onto the first page, swapping places with the tile there
 * that spoke least recently (never your own tile). Newcomers are appended; those who left are
 * dropped.
 */
export function stableOrder({
  previous,
  tiles,
  pinned,
  pageSize,
  page,
  positions,
}: OrderInput): string[] {
  const byKey = new Map(tiles.map((t) => [t.key, t]));
  const seen = new Set<string>();
  const order: string[] = [];
  for (const key of previous) {
    if (byKey.has(key) && !seen.has(key)) {
      order.push(key);
      seen.add(key);
    }
  }
  for (const tile of tiles) {
    if (!seen.has(tile.key)) {
      order.push(tile.key);
      seen.add(tile.key);
    }
  }

  const pinnedKey = pinned !== undefined && byKey.has(pinned) ? pinned : undefined;
  const front = [
    ...(pinnedKey ? [pinnedKey] : []),
    ...order.filter((k) => k !== pinnedKey && byKey.get(k)!.isScreenShare),
  ];
  const frontSet = new Set(front);
  const rest = order.filter((k) => !frontSet.has(k));

  const size = Math.max(1, Math.floor(pageSize));
  // Positions of `rest` that are on the first page, and on the current page.
  const firstPageEnd = Math.max(0, size - front.length);
  const currentStart = Math.max(0, page * size - front.length);
  const currentEnd = Math.max(0, (page + 1) * size - front.length);
  const visible = (i: number) => i < firstPageEnd || (i >= currentStart && i < currentEnd);

  const speakers = rest
    .filter((k) => byKey.get(k)!.speaking)
    .sort((a, b) => byKey.get(b)!.lastSpoke - byKey.get(a)!.lastSpoke);
  for (const key of speakers) {
    const from = rest.indexOf(key);
    if (visible(from) || firstPageEnd === 0) continue;
    // The first-page tile that spoke least recently (not speaking, not your own); the later one
    // on a tie.
    let target = -1;
    for (let i = 0; i < firstPageEnd; i++) {
      const tile = byKey.get(rest[i]!)!;
      if (tile.speaking || tile.isLocal) continue;
      if (target < 0 || tile.lastSpoke <= byKey.get(rest[target]!)!.lastSpoke) target = i;
    }
    if (target < 0) continue;
    rest[from] = rest[target]!;
    rest[target] = key;
  }
  return [...front, ...(positions?.size ? placeAt(rest, positions) : rest)];
}

/**
 * `keys` with those in `positions` at their index (ties by key; an index past the end puts the
 * tile last), the others filling the places around them in their order.
 */
export function placeAt(keys: readonly string[], positions: ReadonlyMap<string, number>): string[] {
  const placed = keys
    .filter((k) => positions.has(k))
    .sort((a, b) => positions.get(a)! - positions.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  if (placed.length === 0) return [...keys];
  const free = keys.filter((k) => !positions.has(k));
  const out: string[] = [];
  let p = 0;
  let f = 0;
  while (p < placed.length || f < free.length) {
    const next = placed[p];
    if (next !== undefined && (f >= free.length || positions.get(next)! <= out.length)) {
      out.push(next);
      p += 1;
    } else {
      out.push(free[f++]!);
    }
  }
  return out;
}
