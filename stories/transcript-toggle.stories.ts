import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/transcript-toggle/transcript-toggle.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/transcript-toggle',
  component: 'transcript-toggle',
};
export default meta;

type Story = StoryObj;

/** Standalone: press it to fire `transcript-toggle`. */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <transcript-toggle></transcript-toggle>
    </media-room>
  `,
};
