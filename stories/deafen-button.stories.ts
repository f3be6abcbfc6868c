import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import '../src/components/deafen-button/deafen-button.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/deafen-button',
  component: 'deafen-button',
};
export default meta;

type Story = StoryObj;

/**
 * In a simulated room: pressing it sets the store's `audio.deafened` (shown below), which
 * `<room-audio>` follows by playing every remote track at volume 0. Local only.
 */
export const Default: Story = {
  render: () => html`
    <media-room
      style="min-height: 0; padding: 0.5rem; display: flex; gap: 1rem; align-items: center"
      ${ref((el) => {
        if (!el) return;
        const room = el as MediaRoom;
        void simulate(room, 1).then(() => {
          const out = el.querySelector('output')!;
          room.store.subscribe((s) => (out.value = `audio.deafened: ${s.audio.deafened}`));
        });
      })}
    >
      <deafen-button></deafen-button>
      <room-audio></room-audio>
      <output style="font: 0.875rem monospace"></output>
    </media-room>
  `,
};

/** Icon only: the label is hidden, the button keeps its name. */
export const IconOnly: Story = {
  render: () => html`
    <style>
      .icon-only::part(label) {
        display: none;
      }
    </style>
    <media-room
      style="min-height: 0; padding: 0.5rem"
      ${ref((el) => el && void simulate(el as MediaRoom, 1))}
    >
      <deafen-button class="icon-only"></deafen-button>
    </media-room>
  `,
};
