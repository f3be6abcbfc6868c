import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/control-bar/control-bar.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/control-bar',
  component: 'control-bar',
};
export default meta;

type Story = StoryObj;

const room = () =>
  ref((el) => {
    if (el)
      void simulate(el as MediaRoom, 3, 1).then(() => (el as MediaRoom).store.refreshDevices());
  });

/** Tiles and the full bar in a simulated room, with an extra button in the `end` slot. */
export const InACall: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 0; padding: 0.5rem">
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem">
        <participant-tile identity="simulated-0"></participant-tile>
        <participant-tile identity="simulated-1"></participant-tile>
      </div>
      <control-bar speaker-picker>
        <button slot="end" type="button">Chat</button>
      </control-bar>
    </media-room>
  `,
};

/** In a narrow container the buttons show icons only. */
export const Narrow: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 0; padding: 0.5rem; width: 20rem">
      <control-bar></control-bar>
    </media-room>
  `,
};

/** Parts left out: no screen share, no device pickers. */
export const Minimal: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 0; padding: 0.5rem">
      <control-bar no-screen-share no-device-pickers></control-bar>
    </media-room>
  `,
};
