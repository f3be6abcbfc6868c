import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    min-width: 0;
  }

  [part='base'] {
    position: relative;
    aspect-ratio: var(--participant-tile-aspect-ratio, 16 / 9);
    background: var(--participant-tile-background, var(--mr-color-surface, #1f2937));
    border-radius: var(--mr-radius, 0.75rem);
    overflow: hidden;
    outline: 3px solid transparent;
    outline-offset: -3px;
    transition: outline-color 150ms ease;
  }

  [part='base'].speaking {
    outline-color: var(--participant-tile-speaking-color, var(--mr-color-speaking, #22c55e));
  }

  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    background: #000;
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

  [part='info'] {
    position: absolute;
    inset-inline-start: 0.5rem;
    inset-block-end: 0.5rem;
    max-width: calc(100% - 1rem);
    display: flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.2rem 0.5rem;
    border-radius: 0.4rem;
    background: rgb(0 0 0 / 0.6);
    color: #fff;
    font-size: 0.875rem;
  }

  [part='name'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  svg {
    width: 1rem;
    height: 1rem;
    flex: none;
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
    [part='base'] {
      transition: none;
    }
  }
`;
