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
  }

  [part='control-bar'] {
    grid-area: bar;
  }

  /*
   * A side panel is as wide as designed whatever it holds: the width comes from its grid track
   * alone (inline-size containment: a long name or message does not make its content wider), and
   * it never grows past it (min-width: 0, not the width of its longest word).
   */
  [part='chat'],
  [part='participants'] {
    grid-area: panel;
    min-width: 0;
    min-height: 0;
    contain: inline-size;
  }

  [part='chat'][hidden],
  [part='participants'][hidden] {
    display: none;
  }

  /* On a phone an open side panel takes the whole stage: beside the tiles it would leave neither
     usable. The tiles come back as it closes. */
  @container media-call (max-width: 36rem) {
    .stage.open {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'panel' 'bar';
    }

    .stage.open > [part='layout'] {
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

  [part='role-notice'] {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--mr-radius, 0.75rem);
    background: var(--mr-color-surface, #1f2937);
    border-inline-start: 4px solid var(--mr-color-accent, #3b82f6);
    overflow-wrap: anywhere;
  }

  [part='pre-join'] {
    margin: auto 0;
  }
`;
