import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    pointer-events: none;
    font-size: var(--captions-overlay-font-size, clamp(1rem, 0.8rem + 0.8vw, 1.5rem));
    line-height: 1.35;
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    /* The newest line at the bottom; what does not fit leaves at the top. */
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    gap: 0.15em;
    max-height: var(--captions-overlay-max-height, 6.5lh);
    overflow: hidden;
    box-sizing: border-box;
    margin-inline: auto;
    max-width: var(--captions-overlay-max-width, 48rem);
    padding: 0.4em 0.75em;
    border-radius: var(--mr-radius, 0.75rem);
    /* Readable over any video: white on near-black (contrast above 15:1), with a shadow. */
    background: var(--captions-overlay-background, rgb(0 0 0 / 0.8));
    color: var(--captions-overlay-color, #fff);
    text-shadow: 0 1px 2px rgb(0 0 0 / 0.9);
  }

  [part='base'][hidden] {
    display: none;
  }

  [part~='line'] {
    margin: 0;
    overflow-wrap: anywhere;
    animation: caption-in 160ms ease-out;
  }

  [part='speaker'] {
    font-weight: 700;
    color: var(--captions-overlay-speaker-color, #fde68a);
    margin-inline-end: 0.4em;
  }

  [part='speaker']::after {
    content: ':';
  }

  [part~='interim'] [part='text'] {
    font-style: italic;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @keyframes caption-in {
    from {
      opacity: 0;
      transform: translateY(0.25em);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='line'] {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    [part='base'] {
      border: 1px solid CanvasText;
    }
  }
`;
