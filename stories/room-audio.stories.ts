import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/media-room/media-room.js';
import '../src/components/participant-tile/participant-tile.js';
import '../src/components/room-audio/room-audio.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/room-audio',
  component: 'room-audio',
};
export default meta;

type Story = StoryObj;

/**
 * `<room-audio>` shows nothing: it plays every subscribed remote microphone and screen-share
 * audio. Simulated participants carry no media, so there is nothing to hear here; the story
 * shows where it goes in a composed call UI.
 */
export const InAComposedRoom: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 2, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <room-audio></room-audio>
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem">
        <participant-tile identity="simulated-0"></participant-tile>
        <participant-tile identity="simulated-1"></participant-tile>
      </div>
    </media-room>
  `,
};
