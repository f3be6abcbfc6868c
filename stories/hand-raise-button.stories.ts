import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/hand-raise-button',
  component: 'hand-raise-button',
};
export default meta;

/** In a simulated room (raising needs a server, so the button shows its look and states). */
export const Default: StoryObj = {
  render: () => html`
    <media-room
      style="min-height: 0; padding: 0.5rem"
      ${ref((el) => el && void simulate(el as MediaRoom, 1))}
    >
      <hand-raise-button></hand-raise-button>
    </media-room>
  `,
};
