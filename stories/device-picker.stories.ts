import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/device-picker/device-picker.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/device-picker',
  component: 'device-picker',
};
export default meta;

type Story = StoryObj;

const room = () =>
  ref((el) => {
    if (el) void simulate(el as MediaRoom, 1).then(() => (el as MediaRoom).store.refreshDevices());
  });

/**
 * Pickers for each kind in a simulated room: the menus list this browser's devices (names appear
 * once the page was allowed to use them). Open one with Enter, Space or ArrowDown.
 */
export const Kinds: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 14rem; padding: 0.5rem; align-content: end">
      <device-picker kind="audioinput"></device-picker>
      <device-picker kind="videoinput"></device-picker>
      <device-picker kind="audiooutput"></device-picker>
    </media-room>
  `,
};
