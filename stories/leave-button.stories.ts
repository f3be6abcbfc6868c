import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/leave-button/leave-button.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/leave-button',
  component: 'leave-button',
};
export default meta;

type Story = StoryObj;

/** Leaves the simulated room (then disabled). */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 2))}
      style="min-height: 0; padding: 0.5rem"
    >
      <leave-button></leave-button>
    </media-room>
  `,
};
