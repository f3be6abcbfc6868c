import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    min-width: 0;
  }

  [part='base'] {
    position: relative;
    /* Small tiles (a phone's strip) keep only what matters in their corners. */
    container: tile / inline-size;
    aspect-ratio: var(--participant-tile-aspect-ratio, 16 / 9);
    background: var(--participant-tile-background, var(--mr-color-surface, #1f2937));
    border-radius: var(--mr-radius, 0.75rem);
    overflow: hidden;
  }

  /*
   * The speaking ring: a layer above the video that fades in and out by opacity alone, which the
   * compositor animates without restyling or repainting the tile on every frame.
   */
  [part='base']::after {
    content: '';
    position: absolute;
    inset: 0;
    z-index: 1;
    pointer-events: none;
    border-radius: inherit;
    box-shadow: inset 0 0 0 3px
      var(--participant-tile-speaking-color, var(--mr-color-speaking, #22c55e));
    opacity: 0;
    transition: opacity 150ms ease;
    will-change: opacity;
  }

  [part='base'].speaking::after {
    opacity: 1;
  }

  @media (prefers-reduced-motion: reduce) {
    [part='base']::after {
      transition: none;
    }
  }

  /* Kept through a grace period after vanishing: greyed until back or gone. Dimmed by a filter,
     not by opacity, so the initials keep their contrast with the avatar (at least 3:1). */
  [part='base'].reconnecting [part='avatar'] {
    filter: grayscale(1) brightness(0.6);
  }

  [part='spotlight'] {
    flex: none;
    display: inline-flex;
    align-items: center;
    gap: 0.2em;
    padding: 0 0.3em;
    border-radius: 0.25rem;
    background: var(--mr-color-accent, #2563eb);
    font-size: 0.8em;
    font-weight: 600;
  }

  [part='spotlight'] svg {
    width: 1em;
    height: 1em;
  }

  [part='reconnecting'] {
    flex: none;
    font-size: 0.75em;
    opacity: 0.85;
  }

  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: var(--participant-tile-video-fit, cover);
    background: #000;
  }

  video.screen {
    object-fit: contain;
  }

  video[hidden] {
    display: none;
  }

  video.mirrored {
    transform: scaleX(-1);
  }

  [part='avatar'] {
    position: absolute;
    inset: 0;
    margin: auto;
    width: 30%;
    max-width: 7rem;
    aspect-ratio: 1;
    display: grid;
    place-items: center;
    border-radius: 50%;
    background: var(--mr-color-accent, #2563eb);
    color: var(--mr-color-on-accent, #fff);
    font-size: clamp(1rem, 4cqi, 2.5rem);
    font-weight: 600;
    container-type: inline-size;
  }

  [part='avatar'].screen {
    background: none;
    border-radius: 0;
    color: var(--mr-color-text, #f3f4f6);
    opacity: 0.7;
  }

  [part='avatar'].screen svg {
    width: 100%;
    height: 100%;
  }

  /* End-to-end encrypted media that cannot be decrypted here: an icon and why, centred. */
  [part='undecryptable'] {
    position: absolute;
    inset: 0;
    display: grid;
    place-content: center;
    justify-items: center;
    text-align: center;
    color: var(--mr-color-text, #f3f4f6);
  }

  [part='undecryptable'] svg {
    width: 2rem;
    height: 2rem;
  }

  [part='info'] {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-end: 0.5rem;
    max-width: calc(100% - 1rem);
    box-sizing: border-box;
    display: flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.2rem 0.5rem;
    border-radius: 0.4rem;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    font-size: 0.875rem;
  }

  /* One line, cut with an ellipsis; the whole name is its title and in the tile's label. */
  [part='name'] {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  svg {
    width: 1rem;
    height: 1rem;
    flex: none;
  }

  [part='actions'] {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-start: 0.5rem;
    display: flex;
    align-items: center;
    gap: 0.25rem;
    opacity: 0;
    transition: opacity 150ms ease;
  }

  :host(:hover) [part='actions'],
  :host([pinned]) [part='actions'],
  [part='actions']:focus-within {
    opacity: 1;
  }

  @media (hover: none) {
    [part='actions'] {
      opacity: 1;
    }
  }

  [part='pin-button'] {
    display: grid;
    place-items: center;
    width: 2rem;
    height: 2rem;
    padding: 0;
    border: none;
    border-radius: 0.4rem;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    cursor: pointer;
  }

  /* A small tile: the name keeps the room that the camera and connection icons would take. */
  @container tile (max-width: 10rem) {
    [part='info'] {
      inset-inline-start: 0.25rem;
      inset-block-end: 0.25rem;
      max-width: calc(100% - 0.5rem);
      padding: 0.15rem 0.35rem;
      gap: 0.25rem;
      font-size: 0.75rem;
    }

    [part='info'] .camera-off,
    [part='connection-quality'] {
      display: none;
    }
  }

  [part='pin-button']:hover {
    background: rgb(0 0 0 / 0.8);
  }

  [part='pin-button'][aria-pressed='true'] {
    background: var(--mr-color-accent, #2563eb);
    color: var(--mr-color-on-accent, #fff);
  }

  [part='pin-button'][aria-pressed='true'] svg path {
    fill: currentColor;
  }

  [part='pin-button']:focus-visible {
    outline: 2px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }

  /* A finger needs a target of at least 44 × 44 px: the button is that big, its chip stays the
     size it is for a mouse (the rest of the target is transparent), in the same place. */
  @media (pointer: coarse) {
    [part='actions'] {
      inset-block-start: 0.125rem;
      inset-inline-start: 0.125rem;
    }

    [part='pin-button'] {
      position: relative;
      isolation: isolate;
      width: 2.75rem;
      height: 2.75rem;
      background: none;
    }

    [part='pin-button']::before {
      content: '';
      position: absolute;
      inset: 0.375rem;
      z-index: -1;
      border-radius: 0.4rem;
      background: rgb(0 0 0 / 0.6);
    }

    [part='pin-button']:hover {
      background: none;
    }

    [part='pin-button'][aria-pressed='true'] {
      background: none;
    }

    [part='pin-button'][aria-pressed='true']::before {
      background: var(--mr-color-accent, #2563eb);
    }
  }

  [part='connection-quality'] {
    flex: none;
    --connection-quality-size: 1rem;
  }

  ::slotted([slot='overlay']) {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    [part='base'],
    [part='actions'] {
      transition: none;
    }
  }

  [part='reactions'] {
    position: absolute;
    inset: 0;
    overflow: hidden;
    pointer-events: none;
    /* So that a reaction rises by a share of the tile's height (cqb). */
    container-type: size;
  }

  /* Rises from the bottom over about three seconds, fading out before the store drops it. */
  [part='reaction'] {
    position: absolute;
    inset-block-end: 0.25rem;
    inset-inline-start: var(--x, 50%);
    font-size: var(--participant-tile-reaction-size, 2rem);
    line-height: 1;
    opacity: 0;
    animation: mr-reaction-rise 3s ease-out forwards;
  }

  @keyframes mr-reaction-rise {
    0% {
      opacity: 0;
      transform: translateY(0) scale(0.6);
    }
    10% {
      opacity: 1;
      transform: translateY(-5cqb) scale(1);
    }
    75% {
      opacity: 1;
    }
    100% {
      opacity: 0;
      transform: translateY(-75cqb) scale(1);
    }
  }

  /* No movement: each appears where it ends up, stays, and fades. */
  @keyframes mr-reaction-fade {
    0% {
      opacity: 0;
    }
    10%,
    75% {
      opacity: 1;
    }
    100% {
      opacity: 0;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='reaction'] {
      inset-block-end: 30%;
      animation-name: mr-reaction-fade;
    }
  }
`;
