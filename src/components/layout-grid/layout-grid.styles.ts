import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    box-sizing: border-box;
    min-height: var(--layout-grid-min-height, 12rem);
    height: 100%;
    flex: 1 1 auto;
  }

  [part='base'] {
    position: absolute;
    inset: 0;
    container: layout-grid / size;
    display: flex;
    flex-direction: column;
    gap: var(--layout-grid-gap, 0.5rem);
  }

  .stage {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: var(--layout-grid-gap, 0.5rem);
  }

  [part='main'] {
    position: relative;
    flex: 1 1 0;
    min-height: 0;
    display: grid;
    place-content: center;
  }

  [part='main'][hidden] {
    display: none;
  }

  [part='grid'] {
    position: relative;
    flex: 1 1 0;
    min-height: 0;
    min-width: 0;
    display: grid;
    gap: var(--layout-grid-gap, 0.5rem);
    grid-template-columns: repeat(var(--_tracks, 2), var(--_track, minmax(0, 1fr)));
    grid-auto-rows: var(--_tile-h, auto);
    justify-content: center;
    align-content: center;
    touch-action: pan-y;
    border-radius: var(--mr-radius, 0.75rem);
    outline: 2px solid transparent;
    outline-offset: 2px;
  }

  .focus [part='grid'] {
    flex: 0 0 var(--layout-grid-strip-size, 22%);
  }

  /* In a tall, narrow box (a phone held upright) a share as wide as the box leaves most of the
     height empty: the strip takes more of it, for larger tiles. */
  @container layout-grid (max-aspect-ratio: 3 / 4) {
    .focus [part='grid'] {
      flex-basis: var(--layout-grid-strip-size, 40%);
    }
  }

  /* In a wide, low box (a phone held sideways) the strip stands beside the large tile. */
  @container layout-grid (min-aspect-ratio: 2 / 1) {
    .focus .stage {
      flex-direction: row;
    }

    .focus [part='grid'] {
      flex-basis: var(--layout-grid-strip-size, 22%);
    }
  }

  .pip [part='grid'] {
    display: none;
  }

  [part='grid']:focus-visible {
    outline-color: var(--mr-color-focus, #facc15);
  }

  [part='grid'].slotted {
    display: flex;
    align-items: center;
    justify-content: center;
  }

  /* Slotted tiles (custom compositions) wrap in rows as wide as the computed columns, centred. */
  .rows {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-content: center;
    gap: var(--layout-grid-gap, 0.5rem);
    width: var(--_row-w, 100%);
    max-width: 100%;
  }

  .rows ::slotted(*) {
    flex: none;
    width: var(--_tile-w, auto);
    height: var(--_tile-h, auto);
  }

  [part='main'] ::slotted(*) {
    width: var(--_main-w, auto);
    height: var(--_main-h, auto);
  }

  /* A tile of the page is its own cell (no wrapper). */
  .cell {
    grid-column: var(--_start, auto) / span 2;
    min-width: 0;
    width: var(--_tile-w, auto);
    height: var(--_tile-h, auto);
    --participant-tile-aspect-ratio: auto;
  }

  .main-cell {
    width: var(--_main-w, auto);
    height: var(--_main-h, auto);
  }

  .main-cell participant-tile,
  .pip-cell participant-tile {
    --participant-tile-aspect-ratio: auto;
    width: 100%;
    height: 100%;
  }

  participant-tile.cell::part(base),
  .main-cell participant-tile::part(base),
  .pip-cell participant-tile::part(base) {
    height: 100%;
  }

  .pip-cell {
    position: absolute;
    inset-inline-end: 0.75rem;
    inset-block-end: 0.75rem;
    width: var(--layout-grid-pip-width, 25%);
    aspect-ratio: 16 / 9;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.5);
    border-radius: var(--mr-radius, 0.75rem);
  }

  [part='pager'] {
    flex: none;
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
  }

  [part='pager'][hidden] {
    display: none;
  }

  [part='previous'],
  [part='next'] {
    font: inherit;
    display: inline-grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    color: var(--mr-color-text, #f3f4f6);
    background: var(--mr-color-surface, #1f2937);
    border: 0;
    border-radius: 50%;
    cursor: pointer;
  }

  /* A finger needs a target of at least 44 × 44 px. */
  @media (pointer: coarse) {
    [part='previous'],
    [part='next'] {
      width: 2.75rem;
      height: 2.75rem;
    }
  }

  [part='previous']:disabled,
  [part='next']:disabled {
    opacity: 0.4;
    cursor: default;
  }

  [part='previous']:focus-visible,
  [part='next']:focus-visible {
    outline: 2px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }

  .flip,
  [dir='rtl'] svg {
    transform: scaleX(-1);
  }

  [dir='rtl'] svg.flip {
    transform: none;
  }

  svg {
    width: 1.25rem;
    height: 1.25rem;
  }

  [part='page-status'],
  [part='viewers'] {
    margin: 0;
    font-size: 0.875rem;
    color: var(--mr-color-text, #f3f4f6);
  }

  [part='viewers'] {
    flex: none;
    text-align: center;
  }

  .probe {
    position: absolute;
    visibility: hidden;
    pointer-events: none;
    width: var(--layout-grid-min-tile-width, 160px);
    height: 0;
  }

  .probe.aspect {
    width: 160px;
    height: auto;
    aspect-ratio: var(--layout-grid-min-tile-aspect, 16 / 9);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
