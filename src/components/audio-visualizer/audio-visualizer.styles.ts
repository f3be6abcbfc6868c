import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    width: var(--audio-visualizer-width, 2.5rem);
    height: var(--audio-visualizer-height, 1.5rem);
    vertical-align: middle;
  }

  [part='base'] {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--audio-visualizer-gap, 12%);
    width: 100%;
    height: 100%;
  }

  [part='bar'] {
    flex: 1;
    height: 100%;
    border-radius: 999px;
    background: var(--audio-visualizer-color, var(--mr-color-speaking, #22c55e));
    transform: scaleY(max(var(--level, 0), 0.12));
    transform-origin: center;
    transition: transform 80ms linear;
  }

  :host(:state(idle)) [part='bar'] {
    background: var(--audio-visualizer-idle-color, var(--mr-color-muted, #6b7280));
  }

  @media (prefers-reduced-motion: reduce) {
    [part='bar'] {
      transition: none;
    }
  }
`;
