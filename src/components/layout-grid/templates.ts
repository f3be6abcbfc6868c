import { html, svg, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { cssomStyle, type CssomStyleInfo } from '../../internal/cssom-style.js';
import { bestGrid } from './grid-math.js';
import type { GridTile, PinnedTile } from './layout-grid.js';
import type { Plan, Size } from './plan.js';

const chevron = svg`<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/** The custom properties that size the grid, the large tile and the cells. */
export interface GridStyles {
  /** The grid's (`--_tracks`, `--_tile-w`, …); none before it is measured. */
  readonly grid: CssomStyleInfo;
  /** The large tile's area (`--_main-w`, `--_main-h`); none before it is measured. */
  readonly main: CssomStyleInfo;
  /** The `i`th cell of the page's: a short last row starts centred (`--_start`). */
  cell(i: number): CssomStyleInfo;
}

/** The styles for `count` tiles in a grid of `gridSize`, and a large tile in `mainSize`. */
export function gridStyles(
  count: number,
  gridSize: Size,
  mainSize: Size,
  gap: number,
  minAspect?: number,
): GridStyles {
  const grid = bestGrid(count, gridSize.width, gridSize.height, { gap, minAspect });
  const measured = grid.tileWidth > 0;
  const lastRow = count - (grid.rows - 1) * grid.cols;
  const lastRowStart = lastRow < grid.cols ? 1 + (grid.cols - lastRow) : 0;
  const firstOfLastRow = (grid.rows - 1) * grid.cols;
  const gridStyle = measured
    ? {
        '--_tracks': String(grid.cols * 2),
        '--_track': `${Math.max(0, (grid.tileWidth - gap) / 2)}px`,
        '--_tile-w': `${grid.tileWidth}px`,
        '--_tile-h': `${grid.tileHeight}px`,
        '--_row-w': `${grid.cols * grid.tileWidth + (grid.cols - 1) * gap + 1}px`,
      }
    : {};
  const mainGrid = bestGrid(1, mainSize.width, mainSize.height);
  const mainStyle =
    mainGrid.tileWidth > 0
      ? { '--_main-w': `${mainGrid.tileWidth}px`, '--_main-h': `${mainGrid.tileHeight}px` }
      : {};
  return {
    grid: gridStyle,
    main: mainStyle,
    cell: (i) =>
      measured && lastRowStart && i === firstOfLastRow ? { '--_start': String(lastRowStart) } : {},
  };
}

/** A `<participant-tile>` for one of the room's tiles, told whether it is the pinned one. */
export function tileTemplate(tile: GridTile, pinned: PinnedTile | undefined): TemplateResult {
  const isPinned = pinned?.identity === tile.identity && pinned.source === tile.source;
  return html`<participant-tile
    identity=${tile.identity}
    source=${tile.source}
    .pinned=${isPinned}
  ></participant-tile>`;
}

/**
 * A tile of the page: the `<participant-tile>` is itself the grid's cell (a list item), with no
 * wrapper around it.
 */
export function cellTemplate(
  tile: GridTile,
  pinned: PinnedTile | undefined,
  style: CssomStyleInfo,
): TemplateResult {
  const isPinned = pinned?.identity === tile.identity && pinned.source === tile.source;
  return html`<participant-tile
    class="cell"
    role="listitem"
    style=${cssomStyle(style)}
    identity=${tile.identity}
    source=${tile.source}
    .pinned=${isPinned}
  ></participant-tile>`;
}

/** The page controls: previous, "page X of Y", next; hidden when there is one page. */
export function pagerTemplate(
  t: LocalizeController,
  plan: Plan,
  onPrevious: () => void,
  onNext: () => void,
): TemplateResult {
  return html`<div part="pager" ?hidden=${plan.pages <= 1}>
    <button
      part="previous"
      aria-label=${t.term('gridPrevious')}
      aria-disabled=${plan.page <= 1 ? 'true' : 'false'}
      @click=${onPrevious}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${chevron}</svg>
    </button>
    <span part="page-status">${t.term('gridPageOf', plan.page, plan.pages)}</span>
    <button
      part="next"
      aria-label=${t.term('gridNext')}
      aria-disabled=${plan.page >= plan.pages ? 'true' : 'false'}
      @click=${onNext}
    >
      <svg class="flip" viewBox="0 0 24 24" aria-hidden="true">${chevron}</svg>
    </button>
  </div>`;
}
