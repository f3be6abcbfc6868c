import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }

  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: center;
    gap: var(--control-bar-gap, 0.5rem);
    padding: var(--control-bar-padding, 0.5rem);
    background: var(--control-bar-background, transparent);
  }

  .group {
    display: inline-flex;
    align-items: center;
    gap: 2px;
  }

  .spacer {
    flex: 0 0 var(--control-bar-gap, 0.5rem);
  }

  /* Very narrow (a 320-px phone): six 44-px targets still fit on one row. */
  @container (max-width: 22rem) {
    [part='base'] {
      gap: 2px;
      padding-inline: 2px;
    }
  }

  /* Narrow: icons only. The labels stay as the buttons' accessible names. */
  @container (max-width: 36rem) {
    track-toggle::part(label),
    screen-share-button::part(label),
    leave-button::part(label) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    track-toggle::part(base),
    screen-share-button::part(base),
    leave-button::part(base) {
      padding-inline: 0.5rem;
    }
  }
`;
