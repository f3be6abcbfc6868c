import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    vertical-align: middle;
    line-height: 0;
    --_on: var(--connection-quality-good-color, var(--mr-color-speaking, #22c55e));
  }

  :host(:state(poor)) {
    --_on: var(--connection-quality-poor-color, var(--mr-color-warning, #fbbf24));
  }

  :host(:state(lost)) {
    --_on: var(--connection-quality-lost-color, var(--mr-color-danger, #dc2626));
  }

  [part='base'] {
    display: inline-block;
    line-height: 0;
  }

  svg {
    width: var(--connection-quality-size, 1rem);
    height: var(--connection-quality-size, 1rem);
    display: block;
  }

  [part~='bar'] {
    fill: var(--connection-quality-off-color, rgb(255 255 255 / 0.35));
    transition: fill 150ms ease;
  }

  [part~='bar-on'] {
    fill: var(--_on);
  }

  [part='lost-mark'] {
    stroke: var(--_on);
  }

  @media (prefers-reduced-motion: reduce) {
    [part~='bar'] {
      transition: none;
    }
  }

  @media (forced-colors: active) {
    [part~='bar'] {
      fill: GrayText;
    }
    [part~='bar-on'] {
      fill: CanvasText;
    }
    [part='lost-mark'] {
      stroke: CanvasText;
    }
  }
`;
