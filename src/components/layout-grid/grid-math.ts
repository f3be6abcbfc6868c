/** Rows and columns for a number of equal tiles, and the size of each tile. */
export interface Grid {
  readonly rows: number;
  readonly cols: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
}

export interface GridOptions {
  /** Width / height of a tile. Default 16 / 9. */
  readonly aspect?: number;
  /** Space between tiles, in the same unit as the container (px). Default 0. */
  readonly gap?: number;
  /**
   * The narrowest width / height a tile may take to fill its cell (its video is cropped to it).
   * Default `aspect`: every tile has the same shape. Between the two, a tile takes the shape of
   * its cell, and the best grid is the one whose tiles have the largest area.
   */
  readonly minAspect?: number;
}

/**
 * The rows × columns that show `count` tiles of the given aspect ratio as large as possible in a
 * `width` × `height` container, with `gap` between tiles. Rows are never more than the tiles need
 * (5 tiles in a wide box are 3 × 2, not 3 × 3). When two choices give the same tile size, the one
 * with fewer empty cells wins, then the one that follows the container's orientation (more
 * columns in landscape, more rows in portrait).
 */
export function bestGrid(
  count: number,
  width: number,
  height: number,
  { aspect = 16 / 9, gap = 0, minAspect = aspect }: GridOptions = {},
): Grid {
  minAspect = Math.min(minAspect, aspect);
  const flexible = minAspect < aspect;
  if (count <= 0) return { rows: 0, cols: 0, tileWidth: 0, tileHeight: 0 };
  const landscape = width >= height;
  let best: (Grid & { empty: number }) | undefined;
  for (let cols = 1; cols <= count; cols++) {
    const rows = Math.ceil(count / cols);
    // A layout whose last column would stay empty in every row is the same as one with fewer columns.
    if ((cols - 1) * rows >= count) continue;
    const cellWidth = Math.max(0, (width - (cols - 1) * gap) / cols);
    const cellHeight = Math.max(0, (height - (rows - 1) * gap) / rows);
    const tileWidth = Math.min(cellWidth, cellHeight * aspect);
    const tileHeight = Math.min(cellHeight, tileWidth / minAspect);
    const candidate = {
      rows,
      cols,
      tileWidth,
      tileHeight,
      empty: rows * cols - count,
    };
    if (!best || better(candidate, best, landscape, flexible)) best = candidate;
  }
  const { rows, cols, tileWidth, tileHeight } = best!;
  return { rows, cols, tileWidth: floor2(tileWidth), tileHeight: floor2(tileHeight) };
}

const EPSILON = 0.5;

function better(
  a: Grid & { empty: number },
  b: Grid & { empty: number },
  landscape: boolean,
  flexible: boolean,
): boolean {
  // Tiles of one shape compare by width; tiles that take their cell's shape by area (as the
  // side of a square of that area).
  const size = (g: Grid) => (flexible ? Math.sqrt(g.tileWidth * g.tileHeight) : g.tileWidth);
  if (size(a) > size(b) + EPSILON) return true;
  if (size(a) < size(b) - EPSILON) return false;
  if (a.empty !== b.empty) return a.empty < b.empty;
  return landscape ? a.cols > b.cols : a.rows > b.rows;
}

/** Round down to hundredths, so rounding never makes tiles overflow their container. */
function floor2(n: number): number {
  return Math.floor(n * 100) / 100;
}

/**
 * How many tiles fit on one page: at most `maxTiles`, and no more than keep each tile at least
 * `minTileWidth` wide. Always at least 1. Without a measured container, `maxTiles`.
 */
export function pageSize(
  maxTiles: number,
  width: number,
  height: number,
  minTileWidth: number,
  options: GridOptions = {},
): number {
  const max = Math.max(1, Math.floor(maxTiles) || 1);
  if (width <= 0 || height <= 0) return max;
  for (let n = max; n > 1; n--) {
    if (bestGrid(n, width, height, options).tileWidth >= minTileWidth) return n;
  }
  return 1;
}
