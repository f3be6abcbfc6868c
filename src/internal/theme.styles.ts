import { css } from 'lit';

/**
 * The light palette of the global tokens, for `<media-room theme="light|auto">`. The dark palette
 * is every element's built-in fallback, so an element works alone too. Custom properties inherit
 * through shadow roots: set on `<media-room>`, these reach every element inside it. A page that
 * sets a token on the element itself (`media-room { --mr-color-accent: … }`) wins over both.
 */
const light = css`
  --mr-color-background: #f8fafc;
  --mr-color-surface: #e2e8f0;
  --mr-color-surface-hover: #cbd5e1;
  --mr-color-text: #0f172a;
  --mr-color-muted: #475569;
  --mr-color-border: #64748b;
  --mr-color-accent: #1d4ed8;
  --mr-color-on-accent: #ffffff;
  --mr-color-focus: #b45309;
  --mr-color-danger: #b91c1c;
  --mr-color-danger-surface: #fecaca;
  --mr-color-warning: #b45309;
  --mr-color-success: #15803d;
  --mr-color-speaking: #15803d;
  color-scheme: light;
`;

export const themeStyles = css`
  :host {
    color-scheme: dark;
  }

  :host([theme='light']) {
    ${light}
  }

  @media (prefers-color-scheme: light) {
    :host([theme='auto']) {
      ${light}
    }
  }
`;
