import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/transcript-panel/transcript-panel.js';
import '../src/index.js';
import { speak } from './transcription-setup.js';

const meta: Meta = {
  title: 'Elements/transcript-panel',
  component: 'transcript-panel',
};
export default meta;

type Story = StoryObj;

/** The transcript: search, copy, download as WebVTT or text. */
export const Transcript: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void speak(el as MediaRoom))}
      style="min-height: 0; padding: 0.5rem"
    >
      <transcript-panel style="height: 420px; max-width: 28rem"></transcript-panel>
    </media-room>
  `,
};
