import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/captions-toggle/captions-toggle.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/captions-toggle',
  component: 'captions-toggle',
};
export default meta;

type Story = StoryObj;

/** Standalone: until the room has a transcription source, its description says nobody transcribes. */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <captions-toggle></captions-toggle>
    </media-room>
  `,
};
