import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { RoomEvent, type Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/media-room/media-room.js';
import '../src/components/start-audio/start-audio.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/start-audio',
  component: 'start-audio',
};
export default meta;

type Story = StoryObj;

/** Make the simulated room say the browser blocked playback, as livekit-client does. */
function block(room: Room): void {
  (room as unknown as { audioEnabled: boolean }).audioEnabled = false;
  room.emit(RoomEvent.AudioPlaybackStatusChanged, false);
}

/** The browser blocked autoplay: the button shows; clicking it starts audio and hides it. */
export const Blocked: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 1).then(block))}
      style="min-height: 0; padding: 0.5rem"
    >
      <start-audio></start-audio>
    </media-room>
  `,
};

/** Audio may play: nothing is shown. */
export const Allowed: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <start-audio></start-audio>
      <p>(Nothing above: audio playback is allowed.)</p>
    </media-room>
  `,
};
