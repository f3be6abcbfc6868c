import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import '../src/components/voice-settings/voice-settings.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/voice-settings',
  component: 'voice-settings',
};
export default meta;

type Story = StoryObj;

/**
 * In a simulated room: the switches and sliders change the session's `voice.$settings` (shown
 * below), remembered with the devices. The microphone menu opens the same settings in a dialog.
 */
export const Default: Story = {
  render: () => html`
    <media-room
      style="min-height: 0; padding: 1rem; display: grid; gap: 1rem; max-width: 24rem"
      ${ref((el) => {
        if (!el) return;
        const room = el as MediaRoom;
        void simulate(room, 1).then(() => {
          const out = el.querySelector('output')!;
          room.session.voice.$settings.subscribe((s) => (out.value = JSON.stringify(s, null, 1)));
        });
      })}
    >
      <voice-settings></voice-settings>
      <output style="font: 0.75rem monospace; white-space: pre"></output>
    </media-room>
  `,
};
