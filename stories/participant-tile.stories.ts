import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/participant-tile',
  component: 'participant-tile',
};
export default meta;

type Story = StoryObj;

/** Tiles composed by hand inside a `<media-room>` (here a simulated one): one speaking. */
export const Composed: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 3, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem">
        <participant-tile identity="simulated-0"></participant-tile>
        <participant-tile identity="simulated-1"></participant-tile>
      </div>
    </media-room>
  `,
};
