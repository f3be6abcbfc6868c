import { css } from 'lit';
import { buttonStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  css`
    :host {
      display: block;
      color: var(--mr-color-text, #f3f4f6);
    }

    :host([hidden]) {
      display: none;
    }

    [part='base'] {
      display: grid;
      justify-items: center;
      gap: 1rem;
      max-width: 36rem;
      margin: auto;
      padding: 1rem;
      text-align: center;
    }

    [part='preview'] {
      position: relative;
      width: 100%;
      aspect-ratio: 16 / 9;
      max-height: 50vh;
      border-radius: var(--mr-radius, 0.75rem);
      overflow: hidden;
      background: var(--waiting-screen-preview-background, var(--mr-color-surface, #1f2937));
      display: grid;
      place-items: center;
    }

    video {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: cover;
      /* A mirror, as the pre-join preview shows it. */
      transform: scaleX(-1);
    }

    video[hidden] {
      display: none;
    }

    [part='placeholder'] svg {
      width: 3rem;
      height: 3rem;
      opacity: 0.6;
    }

    [part='title'] {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 600;
      overflow-wrap: anywhere;
    }

    [part='title']:focus-visible {
      outline: 3px solid var(--mr-color-focus, #facc15);
      outline-offset: 2px;
    }

    [part='no-host'] {
      margin: 0;
      overflow-wrap: anywhere;
    }

    [part='no-host']:empty {
      display: none;
    }

    [part='leave'] {
      background: var(--waiting-screen-leave-background, var(--mr-color-danger, #dc2626));
      color: #fff;
    }

    [part='leave']:hover:not(:disabled) {
      background: var(--waiting-screen-leave-background, #b91c1c);
    }
  `,
];
