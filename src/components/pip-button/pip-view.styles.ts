import { css } from 'lit';

/**
 * The picture-in-picture window's own document: the large tile filling it, your own small in a
 * corner, the controls below. Adopted as a constructed sheet of that window (no inline style).
 */
export const pipViewStyles = css`
  html,
  body {
    margin: 0;
    height: 100%;
    background: var(--media-room-background, var(--mr-color-background, #111827));
  }

  body {
    color: var(--mr-color-text, #f3f4f6);
    font-family: var(--mr-font-family, system-ui, sans-serif);
  }

  .pip-call {
    box-sizing: border-box;
    height: 100%;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.25rem;
    color: var(--mr-color-text, #f3f4f6);
    background: var(--media-room-background, var(--mr-color-background, #111827));
  }

  .stage {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: grid;
    place-items: center;
  }

  .main {
    width: 100%;
    max-height: 100%;
    --participant-tile-aspect-ratio: auto;
    height: 100%;
  }

  .main::part(base) {
    height: 100%;
  }

  .self {
    position: absolute;
    inset-block-end: 0.5rem;
    inset-inline-end: 0.5rem;
    width: min(30%, 10rem);
    z-index: 2;
    box-shadow: 0 0 0 2px var(--mr-color-background, #111827);
    border-radius: var(--mr-radius, 0.75rem);
  }

  .self[hidden] {
    display: none;
  }

  /* Pinning belongs to the page's layout; the window follows it. */
  participant-tile::part(pin-button) {
    display: none;
  }

  control-bar {
    flex: none;
    --control-bar-padding: 0.25rem;
  }
`;
