import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/captions-overlay/captions-overlay.js';
import '../src/index.js';
import { speak } from './transcription-setup.js';

const meta: Meta = {
  title: 'Elements/captions-overlay',
  component: 'captions-overlay',
};
export default meta;

type Story = StoryObj;

/** The last three lines over a dark stage; the newest is still being transcribed (italics). */
export const Overlay: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void speak(el as MediaRoom, true))}
      style="min-height: 0; padding: 0.5rem"
    >
      <div
        style="display: grid; align-items: end; height: 260px; background: linear-gradient(#475569, #0f172a); border-radius: 0.75rem; padding: 0.75rem"
      >
        <captions-overlay></captions-overlay>
      </div>
    </media-room>
  `,
};
