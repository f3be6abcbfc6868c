import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: var(--media-room-gap, 0.5rem);
    flex: 1;
    min-height: 0;
    min-width: 0;
    container: media-call / inline-size;
    /* Clear of a phone's notch, rounded corners and home indicator (with viewport-fit=cover). */
    padding: env(safe-area-inset-top, 0) env(safe-area-inset-right, 0)
      env(safe-area-inset-bottom, 0) env(safe-area-inset-left, 0);
  }

  :host([hidden]) {
    display: none;
  }

  /* The tiles over the control bar, and the open side panel beside the tiles. The panel comes
     after the control bar in the DOM (and so in the tab order); the grid places it. */
  .stage {
    flex: 1;
    min-height: 0;
    min-width: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr) auto;
    grid-template-areas: 'layout' 'bar';
    gap: var(--media-room-gap, 0.5rem);
  }

  .stage.open {
    grid-template-columns: minmax(0, 1fr) min(22rem, 40%);
    grid-template-areas: 'layout panel' 'bar bar';
  }

  [part='layout'] {
    grid-area: layout;
    min-width: 0;
    min-height: 0;
    /* Tiles take any shape from 4:3 to 16:9, so that they fill the space left beside a panel. */
    --layout-grid-min-tile-aspect: 4 / 3;
  }

  /* On a phone the bar keeps to one row: tighter spacing. */
  .stage.compact > [part='control-bar'] {
    --control-bar-gap: 0.375rem;
    --control-bar-padding: 0.25rem;
  }

  /* The recording indicator takes no room in the bar until there is a recording (its live
     region stays, to announce one). */
  control-bar > recording-indicator:not(:state(recording)) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  /* Captions over the bottom of the tiles (they let pointer events through to the tiles). */
  [part='captions'] {
    grid-area: layout;
    align-self: end;
    z-index: 2;
    margin: 0 0.5rem 0.75rem;
    min-width: 0;
  }

  /* Above the pager, when the tiles take several pages (the pager stays in view). */
  [part='layout']:state(paged) ~ [part='captions'] {
    margin-bottom: 3.75rem;
  }

  /* On a phone: 4 tiles a page, and a strip of 3 beside or below a screen share. */
  .stage.compact > [part='layout'] {
    --layout-grid-min-tile-width: 6rem;
    --layout-grid-gap: 0.375rem;
  }

  /* The containing block of the "More" group (container-type does not make it one). */
  [part='control-bar'] {
    grid-area: bar;
    position: relative;
  }

  /*
   * A side panel is as wide as designed whatever it holds: the width comes from its grid track
   * alone (inline-size containment: a long name or message does not make its content wider), and
   * it never grows past it (min-width: 0, not the width of its longest word).
   */
  [part='chat'],
  [part='participants'],
  [part='transcript'] {
    flex: 1 1 auto;
    min-width: 0;
    min-height: 0;
    contain: inline-size;
  }

  [part='chat'][hidden],
  [part='participants'][hidden],
  [part='transcript'][hidden] {
    display: none;
  }

  /* A side panel's sheet: its own surface, apart from the tiles. */
  .sheet {
    grid-area: panel;
    min-width: 0;
    min-height: 0;
    display: flex;
    flex-direction: column;
    contain: inline-size;
    background: var(--media-call-panel-background, var(--mr-color-surface, #1f2937));
    border: 1px solid var(--media-call-panel-border-color, var(--mr-color-border, #374151));
    border-radius: var(--mr-radius, 0.75rem);
    overflow: hidden;
  }

  .sheet[hidden] {
    display: none;
  }

  /* The sheet's heading names the list: its own would say it twice (it still names the list for
     assistive technology; the count stays on the participants button). */
  .sheet > [part='participants']::part(heading) {
    display: none;
  }

  [part='panel-header'] {
    flex: none;
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding: 0.25rem 0.25rem 0.25rem 0.75rem;
    padding-inline: 0.75rem 0.25rem;
    border-block-end: 1px solid
      var(--media-call-panel-border-color, var(--mr-color-border, #374151));
  }

  [part='panel-heading'] {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: 1rem;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  [part='panel-close'],
  [part='more'] {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    font: inherit;
    color: var(--mr-color-text, #f3f4f6);
    background: transparent;
    border: 0;
    border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    cursor: pointer;
  }

  [part='more'] {
    background: var(--mr-color-surface, #1f2937);
  }

  [part='more'][aria-expanded='true'] {
    background: var(--mr-color-surface-hover, #374151);
  }

  [part='panel-close']:hover,
  [part='more']:hover {
    background: var(--mr-color-surface-hover, #374151);
  }

  [part='panel-close']:focus-visible,
  [part='more']:focus-visible {
    outline: 3px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }

  [part='panel-close'] svg,
  [part='more'] svg {
    width: 1.25rem;
    height: 1.25rem;
  }

  /* A finger needs a target of at least 44 × 44 px. */
  @media (pointer: coarse) {
    [part='panel-close'],
    [part='more'] {
      width: 2.75rem;
      height: 2.75rem;
    }
  }

  /* The "More" group opens above the bar, as wide as the bar (the bar is its containing block). */
  .more {
    display: inline-flex;
  }

  [part='more-menu'] {
    position: absolute;
    inset-block-end: calc(100% + 0.25rem);
    inset-inline: 0.5rem;
    z-index: 5;
    /* Entries of a menu: as many columns as fit, each entry as wide as its column, its icon and
       label at the start. */
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(10rem, 100%), 1fr));
    gap: 0.375rem;
    padding: 0.5rem;
    box-sizing: border-box;
    background: var(--media-call-panel-background, var(--mr-color-surface, #1f2937));
    border: 1px solid var(--media-call-panel-border-color, var(--mr-color-border, #374151));
    border-radius: var(--mr-radius, 0.75rem);
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.5);
  }

  [part='more-menu'][hidden] {
    display: none;
  }

  [part='more-menu'] > * {
    --mr-color-surface: var(--mr-color-surface-hover, #374151);
    min-width: 0;
  }

  [part='more-menu'] > *::part(base) {
    width: 100%;
    justify-content: flex-start;
  }

  /* On a phone an open side panel takes the whole stage: beside the tiles it would leave neither
     usable. The tiles come back as it closes. */
  @container media-call (max-width: 36rem) {
    .stage.open {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'panel' 'bar';
    }

    .sheet {
      border-radius: var(--mr-radius, 0.75rem);
    }

    .stage.open > [part='layout'],
    .stage.open > [part='captions'] {
      display: none;
    }
  }

  /*
   * The extras in the control bar (react, hand, deafen, participants, chat) show icons only until
   * the bar is wide enough for every label; the labels stay as accessible names.
   */
  @container (max-width: 76rem) {
    control-bar > [slot]::part(label) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    control-bar > [slot]::part(base) {
      padding-inline: 0.5rem;
    }
  }

  /* With the captions and transcript buttons too, the labels need a wider bar still. */
  @container (max-width: 92rem) {
    .stage.cc control-bar > [slot]::part(label) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .stage.cc control-bar > [slot]::part(base) {
      padding-inline: 0.5rem;
    }
  }

  [part='role-notice'],
  [part='encryption-notice'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--mr-radius, 0.75rem);
    background: var(--mr-color-surface, #1f2937);
    border-inline-start: 4px solid var(--mr-color-accent, #3b82f6);
    overflow-wrap: anywhere;
  }

  /* Centred; where the room is too short for it all (the background choices below the preview),
     it scrolls, so Join is always reachable. */
  [part='pre-join'] {
    margin: auto 0;
    min-height: 0;
    max-height: 100%;
    overflow-y: auto;
  }

  /* End-to-end encryption: the badge in the control bar. */
  .e2ee {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-size: 0.8rem;
    white-space: nowrap;
  }

  .e2ee svg {
    width: 1rem;
    height: 1rem;
  }
`;
